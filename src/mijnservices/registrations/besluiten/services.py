"""Writes for the Besluiten registration: keyword-only ``<noun>_<verb>`` functions that
check the brc rules, change the data and record an outbox event (kanaal ``besluiten``) in
one transaction."""

from __future__ import annotations

from datetime import date
from typing import Any

from django.db import connection, transaction
from django.utils import timezone

from mijnservices.api.audit import audit_fields
from mijnservices.core.errors import DomainError
from mijnservices.core.outbox import event_record
from mijnservices.core.resources import resource_path
from mijnservices.core.updates import model_assign
from mijnservices.registrations.besluiten.models import (
    AuditTrail,
    Besluit,
    BesluitInformatieObject,
    IdentificatieCounter,
)
from mijnservices.registrations.catalogi.models import BesluitType
from mijnservices.registrations.catalogi.selectors import zaaktype_besluittypen
from mijnservices.registrations.documenten import services as documenten
from mijnservices.registrations.zaken.models import Zaak


def _event(besluit: Besluit, *, resource: str, actie: str, resource_id: str) -> None:
    event_record(
        kanaal="besluiten",
        resource=resource,
        actie=actie,
        hoofd_object=resource_path("besluiten", "besluiten", besluit.uuid),
        resource_id=resource_id,
        kenmerken={
            "verantwoordelijkeOrganisatie": besluit.verantwoordelijke_organisatie,
            "besluittype": resource_path("catalogi", "besluittypen", besluit.besluittype.uuid),
        },
    )


def identificatie_generate(*, verantwoordelijke_organisatie: str, jaar: int) -> str:
    """Next ``BESLUIT-<jaar>-<10 digits>`` for the organisation, in one atomic upsert."""
    table = IdentificatieCounter._meta.db_table
    with connection.cursor() as cursor:
        cursor.execute(
            f"INSERT INTO {table} (verantwoordelijke_organisatie, jaar, laatste) "  # noqa: S608
            "VALUES (%s, %s, 1) ON CONFLICT (verantwoordelijke_organisatie, jaar) "
            f"DO UPDATE SET laatste = {table}.laatste + 1 RETURNING laatste",
            [verantwoordelijke_organisatie, jaar],
        )
        (number,) = cursor.fetchone()
    return f"BESLUIT-{jaar}-{number:010d}"


def _check(besluit: Besluit) -> None:
    if besluit.besluittype.concept:  # brc-001
        raise DomainError(
            "The besluittype is not published.", code="not-published", field="besluittype"
        )
    if besluit.datum > timezone.localdate():
        raise DomainError(
            "A besluit cannot be dated in the future.", code="future-not-allowed", field="datum"
        )
    if besluit.vervaldatum is not None and besluit.vervaldatum < besluit.ingangsdatum:
        raise DomainError(
            "vervaldatum lies before ingangsdatum.", code="date-mismatch", field="vervaldatum"
        )
    if (
        besluit.zaak is not None
        and not zaaktype_besluittypen(besluit.zaak.zaaktype)
        .filter(omschrijving=besluit.besluittype.omschrijving)
        .exists()
    ):  # brc-007
        raise DomainError(
            "The besluittype is not one of the besluittypen of the zaak's zaaktype.",
            code="zaaktype-mismatch",
        )


@transaction.atomic
def besluit_create(
    *,
    verantwoordelijke_organisatie: str,
    besluittype: BesluitType,
    datum: date,
    ingangsdatum: date,
    identificatie: str = "",
    zaak: Zaak | None = None,
    **fields: Any,
) -> Besluit:
    besluit = Besluit(
        verantwoordelijke_organisatie=verantwoordelijke_organisatie,
        besluittype=besluittype,
        datum=datum,
        ingangsdatum=ingangsdatum,
        zaak=zaak,
        **fields,
    )
    _check(besluit)
    if identificatie:  # brc-002
        if Besluit.objects.filter(
            verantwoordelijke_organisatie=verantwoordelijke_organisatie,
            identificatie=identificatie,
        ).exists():
            raise DomainError(
                "This identificatie is already used by the organisation.",
                code="identificatie-niet-uniek",
                field="identificatie",
            )
        besluit.identificatie = identificatie
    else:
        besluit.identificatie = identificatie_generate(
            verantwoordelijke_organisatie=verantwoordelijke_organisatie, jaar=datum.year
        )
    besluit.save()
    _event(
        besluit,
        resource="besluit",
        actie="create",
        resource_id=resource_path("besluiten", "besluiten", besluit.uuid),
    )
    return besluit


@transaction.atomic
def besluit_update(*, besluit: Besluit, **fields: Any) -> Besluit:
    for fixed in ("besluittype", "zaak", "identificatie", "verantwoordelijke_organisatie"):
        if fixed in fields and fields.pop(fixed) != getattr(besluit, fixed):  # brc-001/002/006
            raise DomainError(
                f"{fixed} cannot change.", code="wijzigen-niet-toegelaten", field=fixed
            )
    model_assign(besluit, fields)
    _check(besluit)
    besluit.save()
    _event(
        besluit,
        resource="besluit",
        actie="update",
        resource_id=resource_path("besluiten", "besluiten", besluit.uuid),
    )
    return besluit


@transaction.atomic
def besluit_delete(*, besluit: Besluit) -> None:
    """brc-009: removes the besluit with its relations (and their mirrored OIOs)."""
    for bio in list(besluit.besluitinformatieobjecten.all()):
        besluitinformatieobject_delete(besluitinformatieobject=bio)
    _event(
        besluit,
        resource="besluit",
        actie="destroy",
        resource_id=resource_path("besluiten", "besluiten", besluit.uuid),
    )
    besluit.delete()


@transaction.atomic
def besluitinformatieobject_create(
    *, besluit: Besluit, informatieobject: str
) -> BesluitInformatieObject:
    if BesluitInformatieObject.objects.filter(
        besluit=besluit, informatieobject=informatieobject
    ).exists():
        raise DomainError(
            "This informatieobject is already related to the besluit.",
            code="unique",
            field="informatieobject",
        )
    document = documenten.document_for_url(informatieobject)
    if document:  # brc-008, for our own documents
        versie = document.huidige_versie
        assert versie is not None
        if (
            versie.informatieobjecttype.omschrijving
            not in besluit.besluittype.informatieobjecttypen
        ):
            raise DomainError(
                "The document's informatieobjecttype is not one of the besluittype's.",
                code="missing-besluittype-informatieobjecttype-relation",
            )
    bio = BesluitInformatieObject.objects.create(besluit=besluit, informatieobject=informatieobject)
    # brc-005: the document side in the same transaction (brc-003: ours must exist).
    documenten.objectinformatieobject_mirror(
        informatieobject=informatieobject, object_type="besluit", object_uuid=besluit.uuid
    )
    _event(
        besluit,
        resource="besluitinformatieobject",
        actie="create",
        resource_id=resource_path("besluiten", "besluitinformatieobjecten", bio.uuid),
    )
    return bio


@transaction.atomic
def besluitinformatieobject_delete(*, besluitinformatieobject: BesluitInformatieObject) -> None:
    bio = besluitinformatieobject
    resource_id = resource_path("besluiten", "besluitinformatieobjecten", bio.uuid)
    besluit = bio.besluit
    bio.delete()
    documenten.objectinformatieobject_unmirror(
        informatieobject=bio.informatieobject, object_type="besluit", object_uuid=besluit.uuid
    )
    _event(besluit, resource="besluitinformatieobject", actie="destroy", resource_id=resource_id)


@transaction.atomic
def audittrail_record(*, besluit: Besluit, actie: str, resultaat: int, **fields: Any) -> AuditTrail:
    return AuditTrail.objects.create(
        besluit=besluit,
        **audit_fields(
            actie=actie,
            resultaat=resultaat,
            hoofd_object=resource_path("besluiten", "besluiten", besluit.uuid),
            **fields,
        ),
    )
