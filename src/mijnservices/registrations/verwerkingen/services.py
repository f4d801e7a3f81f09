"""Writing the verwerkingenlogging: :func:`verwerking_log` for every read of personal data by
an employee or an API client, and the retention purge run by the worker."""

from __future__ import annotations

import hashlib
import hmac
import time
from collections.abc import Iterable
from dataclasses import dataclass
from datetime import timedelta
from typing import Any, Literal

import structlog
from django.conf import settings
from django.db import connection, transaction
from django.db.models import DateTimeField, ExpressionWrapper, F
from django.utils import timezone

from mijnservices.core.identity import Party
from mijnservices.registrations.verwerkingen.models import Verwerkingsactie, VerwerktObject
from mijnservices.registrations.verwerkingen.statement import insert_with_children

logger = structlog.get_logger(__name__)
SOORT = {"bsn": "BSN", "kvk": "KVK"}


@dataclass(frozen=True)
class Actor:
    """Who processes the data: an employee (account) or an API client (client id)."""

    # "representative": someone acting for the person under a machtiging (issue 21).
    kind: Literal["employee", "api_client", "representative"]
    id: str
    naam: str = ""
    organisatie_eenheid: str = ""


def organisation_oin() -> str:
    """The OIN of this municipality (Logius scheme for governments: 00000001 + RSIN + 000)."""
    return f"00000001{settings.ORGANISATION_RSIN}000"


def pseudonym(kind: str, identifier: str) -> str:
    """The stored form of a person's or business's identifier: a keyed HMAC-SHA256, so the
    table never holds a BSN, yet the same identifier always finds its rows."""
    key = settings.VERWERKINGEN_PSEUDONYM_KEY or f"verwerkingen:{settings.SECRET_KEY}"
    message = f"{SOORT.get(kind.lower(), kind.upper())}:{identifier}".encode()
    return hmac.new(key.encode(), message, hashlib.sha256).hexdigest()


def verwerking_log(
    *,
    actor: Actor,
    activiteit: str,
    doel: str,
    personen: Iterable[Party],
    objecttype: str,
    objecten: Iterable[str] = (),
    vertrouwelijkheid: str = "normaal",
    soorten_gegevens: Iterable[str] = (),
) -> Verwerkingsactie | None:
    """Record one verwerkingsactie (``activiteit``: e.g. "zaak inzien") for the persons
    concerned, in one statement on PostgreSQL (:mod:`.statement`), two INSERTs elsewhere,
    whatever their number. Nobody concerned: nothing logged.

    Inside a transaction it commits with it; outside it is its own transaction.
    """
    parties = {(p.kind, p.identifier): p for p in personen if p.identifier}
    if not parties:
        return None
    gegevens = [{"soortGegeven": name} for name in dict.fromkeys(soorten_gegevens or [objecttype])]
    actie = Verwerkingsactie(
        actie_naam=activiteit,
        handeling_naam=objecttype,
        verwerking_naam=", ".join(list(objecten)[:5])[:242],
        vertrouwelijkheid=vertrouwelijkheid,
        bewaartermijn=timedelta(days=settings.VERWERKINGEN_BEWAARTERMIJN_DAGEN),
        uitvoerder=organisation_oin(),
        organisatie_eenheid=actor.organisatie_eenheid,
        systeem="MijnServices" if actor.kind != "api_client" else actor.naam or actor.id,
        gebruiker=f"{actor.kind}:{actor.id}",
        doel=doel,
        tijdstip=timezone.now(),
    )
    objects = [
        VerwerktObject(
            actie=actie,
            soort_object_id=SOORT[kind],
            object_pseudonym=pseudonym(kind, identifier),
            betrokkenheid="betrokkene",
            soorten_gegevens=gegevens,
        )
        for kind, identifier in parties
    ]
    if connection.vendor == "postgresql":
        insert_with_children(actie, objects, "actie")  # one statement, atomic by itself
        return actie
    with transaction.atomic():
        actie.save()
        for obj in objects:
            obj.actie = actie
        VerwerktObject.objects.bulk_create(objects)
    return actie


def verwerkingen_purge() -> int:
    """Remove verwerkingsacties whose bewaartermijn has passed (and their objecten)."""
    expires = ExpressionWrapper(F("tijdstip") + F("bewaartermijn"), output_field=DateTimeField())
    expired = Verwerkingsactie.objects.annotate(einde=expires).filter(einde__lt=timezone.now())
    with transaction.atomic():
        VerwerktObject.objects.filter(actie__in=expired.values("pk")).purge()
        removed = Verwerkingsactie.objects.filter(pk__in=expired.values("pk")).purge()
    if removed:
        logger.info("verwerkingen_purged", acties=removed)
    return removed


_last_purge = [0.0]


def verwerkingen_purge_when_due() -> int:
    """The worker step: purge at most once an hour; housekeeping never keeps it busy."""
    if time.monotonic() - _last_purge[0] < 3600:
        return 0
    _last_purge[0] = time.monotonic()
    verwerkingen_purge()
    return 0


def verwerkingsactie_create(
    *, verwerkte_objecten: list[dict[str, Any]], **fields: Any
) -> Verwerkingsactie:
    """A verwerkingsactie registered by another system (Bewerking API). Identifiers of the
    verwerkte objecten are pseudonymised like our own."""
    fields.setdefault("bewaartermijn", timedelta(days=settings.VERWERKINGEN_BEWAARTERMIJN_DAGEN))
    with transaction.atomic():
        actie = Verwerkingsactie.objects.create(**fields)
        VerwerktObject.objects.bulk_create(
            VerwerktObject(
                actie=actie,
                objecttype=item["objecttype"],
                soort_object_id=item["soort_object_id"],
                object_pseudonym=pseudonym(item["soort_object_id"].lower(), item["object_id"]),
                betrokkenheid=item.get("betrokkenheid", ""),
                soorten_gegevens=[
                    {"soortGegeven": entry["soort_gegeven"]}
                    for entry in item.get("verwerkte_soorten_gegevens", [])
                ],
            )
            for item in verwerkte_objecten
        )
    return actie
