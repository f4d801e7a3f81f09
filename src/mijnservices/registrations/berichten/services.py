"""Writes for the Berichten registration (kanaal ``berichten``)."""

from __future__ import annotations

from collections.abc import Iterable
from datetime import date, datetime
from typing import Any

from django.db import transaction
from django.utils import timezone

from mijnservices.core.errors import DomainError
from mijnservices.core.identity import Party, is_addressed_to, party_fields, party_urn
from mijnservices.core.outbox import event_record
from mijnservices.registrations.berichten.models import Bericht, Bijlage
from mijnservices.registrations.taken.models import ExterneTaak

API_ROOT = "/berichten/api/v1"


def bericht_path(bericht: Bericht) -> str:
    return f"{API_ROOT}/berichten/{bericht.uuid}"


def _event(bericht: Bericht, *, actie: str) -> None:
    event_record(
        kanaal="berichten",
        resource="bericht",
        actie=actie,
        hoofd_object=bericht_path(bericht),
        resource_id=bericht_path(bericht),
        kenmerken={
            "berichtType": bericht.bericht_type,
            "publicatiedatum": bericht.publicatiedatum.isoformat(),
        },
    )


@transaction.atomic
def bericht_publish(
    *,
    ontvanger: Party | str,
    onderwerp: str,
    bericht_tekst: str,
    publicatiedatum: datetime | None = None,
    bijlagen: Iterable[dict[str, Any]] = (),
    handelings_perspectief: str = "",
    einddatum_handelings_termijn: date | None = None,
    is_gerelateerd_aan: Iterable[str] = (),
    referentie: str = "",
    bericht_type: str = "",
    mijn_overheid_berichtenbox: bool = False,
    taak: ExterneTaak | None = None,
) -> Bericht:
    """Create a bericht, visible to the ontvanger from ``publicatiedatum`` (default now).
    ``bijlagen`` items: ``informatie_object`` (URN), optional ``omschrijving``,
    ``is_bericht_type_bijlage``."""
    urn = party_urn(ontvanger) if isinstance(ontvanger, Party) else ontvanger
    if not urn:
        raise DomainError("ontvanger is required.", code="required", field="ontvanger")
    if not onderwerp.strip():
        raise DomainError("onderwerp is required.", code="required", field="onderwerp")
    if len(bericht_tekst) > 4000:
        raise DomainError("berichtTekst is too long.", code="max_length", field="berichtTekst")
    bericht = Bericht.objects.create(
        ontvanger=urn,
        **party_fields(urn),
        onderwerp=onderwerp,
        bericht_tekst=bericht_tekst,
        publicatiedatum=publicatiedatum or timezone.now(),
        handelings_perspectief=handelings_perspectief,
        einddatum_handelings_termijn=einddatum_handelings_termijn,
        is_gerelateerd_aan=list(is_gerelateerd_aan),
        referentie=referentie,
        bericht_type=bericht_type,
        mijn_overheid_berichtenbox=mijn_overheid_berichtenbox,
        taak=taak,
    )
    Bijlage.objects.bulk_create(
        Bijlage(
            bericht=bericht,
            informatie_object=item["informatie_object"],
            omschrijving=item.get("omschrijving", ""),
            is_bericht_type_bijlage=item.get("is_bericht_type_bijlage", False),
        )
        for item in bijlagen
    )
    _event(bericht, actie="create")
    return bericht


@transaction.atomic
def bericht_mark_opened(*, bericht: Bericht, party: Party) -> Bericht:
    """Record the first time the ontvanger opened the bericht; later opens change nothing."""
    if not is_addressed_to(bericht, party):
        raise DomainError("This bericht is not for this party.", code="permission_denied")
    updated = Bericht.objects.filter(pk=bericht.pk, geopend_op__isnull=True).update(
        geopend_op=timezone.now()
    )
    bericht.refresh_from_db(fields=["geopend_op"])
    if updated:
        _event(bericht, actie="update")
    return bericht


@transaction.atomic
def bericht_set_geopend_op(*, bericht: Bericht, geopend_op: datetime | None) -> Bericht:
    """The API's PATCH (``PatchedBerichtGeopendOp``): set by a trusted client (the portal)."""
    bericht.geopend_op = geopend_op
    bericht.save(update_fields=["geopend_op"])
    _event(bericht, actie="update")
    return bericht
