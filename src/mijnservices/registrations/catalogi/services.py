"""Writes for the Catalogi registration. Keyword-only, atomic, events recorded."""

from __future__ import annotations

from datetime import date, timedelta

from django.db import transaction

from mijnservices.core.errors import DomainError
from mijnservices.core.outbox import event_record
from mijnservices.registrations.catalogi.models import (
    Catalogus,
    InformatieObjectType,
    ResultaatType,
    RolType,
    StatusType,
    ZaakType,
)


def _ensure_concept(zaaktype: ZaakType) -> None:
    if not zaaktype.concept:
        raise DomainError(
            "A published zaaktype cannot be changed; create a new version.",
            code="non-concept-zaaktype",
            field="zaaktype",
        )


@transaction.atomic
def catalogus_create(*, domein: str, rsin: str, naam: str, contactpersoon: str) -> Catalogus:
    catalogus = Catalogus.objects.create(
        domein=domein, rsin=rsin, naam=naam, contactpersoon_beheer_naam=contactpersoon
    )
    event_record(
        kanaal="catalogi",
        resource="catalogus",
        actie="create",
        hoofd_object=f"catalogus:{catalogus.uuid}",
        resource_id=str(catalogus.uuid),
    )
    return catalogus


@transaction.atomic
def zaaktype_create(
    *,
    catalogus: Catalogus,
    identificatie: str,
    omschrijving: str,
    doorlooptijd: timedelta,
    begin_geldigheid: date,
    servicenorm: timedelta | None = None,
    **fields: object,
) -> ZaakType:
    if servicenorm is not None and servicenorm > doorlooptijd:
        raise DomainError(
            "The servicenorm cannot be longer than the legal doorlooptijd.",
            code="invalid-servicenorm",
            field="servicenorm",
        )
    zaaktype = ZaakType.objects.create(
        catalogus=catalogus,
        identificatie=identificatie,
        omschrijving=omschrijving,
        doorlooptijd=doorlooptijd,
        servicenorm=servicenorm,
        begin_geldigheid=begin_geldigheid,
        concept=True,
        **fields,
    )
    event_record(
        kanaal="zaaktypen",
        resource="zaaktype",
        actie="create",
        hoofd_object=f"zaaktype:{zaaktype.uuid}",
        resource_id=str(zaaktype.uuid),
        kenmerken={"catalogus": str(catalogus.uuid)},
    )
    return zaaktype


@transaction.atomic
def statustype_create(
    *,
    zaaktype: ZaakType,
    volgnummer: int,
    omschrijving: str,
    doorlooptijd: timedelta | None = None,
    **fields: object,
) -> StatusType:
    _ensure_concept(zaaktype)
    return StatusType.objects.create(
        zaaktype=zaaktype,
        volgnummer=volgnummer,
        omschrijving=omschrijving,
        doorlooptijd=doorlooptijd,
        **fields,
    )


@transaction.atomic
def resultaattype_create(
    *, zaaktype: ZaakType, omschrijving: str, **fields: object
) -> ResultaatType:
    _ensure_concept(zaaktype)
    return ResultaatType.objects.create(zaaktype=zaaktype, omschrijving=omschrijving, **fields)


@transaction.atomic
def roltype_create(*, zaaktype: ZaakType, omschrijving: str, omschrijving_generiek: str) -> RolType:
    _ensure_concept(zaaktype)
    return RolType.objects.create(
        zaaktype=zaaktype, omschrijving=omschrijving, omschrijving_generiek=omschrijving_generiek
    )


@transaction.atomic
def informatieobjecttype_create(
    *, catalogus: Catalogus, omschrijving: str, begin_geldigheid: date, **fields: object
) -> InformatieObjectType:
    return InformatieObjectType.objects.create(
        catalogus=catalogus, omschrijving=omschrijving, begin_geldigheid=begin_geldigheid, **fields
    )


@transaction.atomic
def zaaktype_publish(*, zaaktype: ZaakType) -> ZaakType:
    """Publish a concept zaaktype. It needs at least two statustypen, a resultaattype
    and a roltype (ztc-010), and is frozen from then on."""
    zaaktype = ZaakType.objects.select_for_update().get(pk=zaaktype.pk)
    _ensure_concept(zaaktype)
    if zaaktype.statustypen.count() < 2:
        raise DomainError(
            "A zaaktype needs at least two statustypen before it can be published.",
            code="concept-relation",
            field="statustypen",
        )
    if not zaaktype.resultaattypen.exists():
        raise DomainError(
            "A zaaktype needs a resultaattype before it can be published.",
            code="concept-relation",
            field="resultaattypen",
        )
    if not zaaktype.roltypen.exists():
        raise DomainError(
            "A zaaktype needs a roltype before it can be published.",
            code="concept-relation",
            field="roltypen",
        )
    zaaktype.concept = False
    zaaktype.save(update_fields=["concept"])
    event_record(
        kanaal="zaaktypen",
        resource="zaaktype",
        actie="publish",
        hoofd_object=f"zaaktype:{zaaktype.uuid}",
        resource_id=str(zaaktype.uuid),
        kenmerken={"catalogus": str(zaaktype.catalogus.uuid)},
    )
    return zaaktype
