"""Writes for the Catalogi registration. Keyword-only, atomic, events recorded."""

from __future__ import annotations

from collections.abc import Iterable
from datetime import date, timedelta

from django.db import transaction
from django.db.models import Model

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


def _check_servicenorm(doorlooptijd: timedelta, servicenorm: timedelta | None) -> None:
    if servicenorm is not None and servicenorm > doorlooptijd:
        raise DomainError(
            "The servicenorm cannot be longer than the legal doorlooptijd.",
            code="invalid-servicenorm",
            field="servicenorm",
        )


def _check_geldigheid(
    *,
    catalogus: Catalogus,
    identificatie: str,
    begin: date,
    einde: date | None,
    exclude: ZaakType | None = None,
) -> None:
    """Versions of one zaaktype (same identificatie in a catalogus) may not overlap."""
    if einde is not None and einde < begin:
        raise DomainError(
            "eindeGeldigheid lies before beginGeldigheid.",
            code="date-mismatch",
            field="eindeGeldigheid",
        )
    versions = ZaakType.objects.filter(catalogus=catalogus, identificatie=identificatie)
    if exclude is not None:
        versions = versions.exclude(pk=exclude.pk)
    for other in versions:
        other_end = other.einde_geldigheid or date.max
        if begin <= other_end and (einde or date.max) >= other.begin_geldigheid:
            raise DomainError(
                "This zaaktype already exists in the catalogus for the given period.",
                code="overlap",
                field="beginGeldigheid",
            )


def _ensure_concept(zaaktype: ZaakType) -> None:
    if not zaaktype.concept:
        raise DomainError(
            "A published zaaktype cannot be changed; create a new version.",
            code="non-concept-zaaktype",
            field="zaaktype",
        )


@transaction.atomic
def catalogus_create(
    *, domein: str, rsin: str, naam: str, contactpersoon: str, **fields: object
) -> Catalogus:
    catalogus = Catalogus.objects.create(
        domein=domein, rsin=rsin, naam=naam, contactpersoon_beheer_naam=contactpersoon, **fields
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
    deelzaaktypen: Iterable[ZaakType] = (),
    **fields: object,
) -> ZaakType:
    _check_servicenorm(doorlooptijd, servicenorm)
    _check_geldigheid(
        catalogus=catalogus,
        identificatie=identificatie,
        begin=begin_geldigheid,
        einde=fields.get("einde_geldigheid"),  # type: ignore[arg-type]
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
    zaaktype.deelzaaktypen.set(list(deelzaaktypen))
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
    if zaaktype.informatieobjecttypen.filter(concept=True).exists():
        raise DomainError(
            "All related informatieobjecttypen must be published first (ztc-012).",
            code="concept-relation",
            field="informatieobjecttypen",
        )
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


# --- changes and removals (ztc-009: published types are frozen; ztc-010: so are
# the types belonging to a published zaaktype) --------------------------------------


def _apply(instance: Model, fields: dict[str, object]) -> None:
    for name, value in fields.items():
        setattr(instance, name, value)
    instance.save()


def _ensure_concept_object(obj: ZaakType | InformatieObjectType, changed: set[str]) -> None:
    if not obj.concept and changed - {"einde_geldigheid"}:
        raise DomainError(
            "A published object can only get an eindeGeldigheid; create a new version.",
            code="non-concept-object",
            field="nonFieldErrors",
        )


@transaction.atomic
def catalogus_update(*, catalogus: Catalogus, **fields: object) -> Catalogus:
    _apply(catalogus, fields)
    return catalogus


@transaction.atomic
def zaaktype_update(
    *, zaaktype: ZaakType, deelzaaktypen: Iterable[ZaakType] | None = None, **fields: object
) -> ZaakType:
    changed = {name for name, value in fields.items() if getattr(zaaktype, name) != value}
    if deelzaaktypen is not None and set(deelzaaktypen) != set(zaaktype.deelzaaktypen.all()):
        changed.add("deelzaaktypen")
    _ensure_concept_object(zaaktype, changed)
    _apply(zaaktype, fields)
    _check_servicenorm(zaaktype.doorlooptijd, zaaktype.servicenorm)
    _check_geldigheid(
        catalogus=zaaktype.catalogus,
        identificatie=zaaktype.identificatie,
        begin=zaaktype.begin_geldigheid,
        einde=zaaktype.einde_geldigheid,
        exclude=zaaktype,
    )
    if deelzaaktypen is not None:
        zaaktype.deelzaaktypen.set(list(deelzaaktypen))
    _zaaktype_event(zaaktype, "update")
    return zaaktype


@transaction.atomic
def zaaktype_delete(*, zaaktype: ZaakType) -> None:
    if not zaaktype.concept:
        raise DomainError("A published zaaktype cannot be deleted.", code="non-concept-object")
    _zaaktype_event(zaaktype, "destroy")
    zaaktype.delete()


def _zaaktype_event(zaaktype: ZaakType, actie: str) -> None:
    event_record(
        kanaal="zaaktypen",
        resource="zaaktype",
        actie=actie,
        hoofd_object=f"zaaktype:{zaaktype.uuid}",
        resource_id=str(zaaktype.uuid),
        kenmerken={"catalogus": str(zaaktype.catalogus.uuid)},
    )


def _subtype_update(
    instance: StatusType | ResultaatType | RolType, fields: dict[str, object]
) -> None:
    _ensure_concept(instance.zaaktype)
    new_zaaktype = fields.get("zaaktype")
    if isinstance(new_zaaktype, ZaakType):
        _ensure_concept(new_zaaktype)
    _apply(instance, fields)


def _subtype_delete(instance: StatusType | ResultaatType | RolType) -> None:
    _ensure_concept(instance.zaaktype)
    instance.delete()


@transaction.atomic
def statustype_update(*, statustype: StatusType, **fields: object) -> StatusType:
    _subtype_update(statustype, fields)
    return statustype


@transaction.atomic
def statustype_delete(*, statustype: StatusType) -> None:
    _subtype_delete(statustype)


@transaction.atomic
def resultaattype_update(*, resultaattype: ResultaatType, **fields: object) -> ResultaatType:
    _subtype_update(resultaattype, fields)
    return resultaattype


@transaction.atomic
def resultaattype_delete(*, resultaattype: ResultaatType) -> None:
    _subtype_delete(resultaattype)


@transaction.atomic
def roltype_update(*, roltype: RolType, **fields: object) -> RolType:
    _subtype_update(roltype, fields)
    return roltype


@transaction.atomic
def roltype_delete(*, roltype: RolType) -> None:
    _subtype_delete(roltype)


@transaction.atomic
def informatieobjecttype_update(
    *, informatieobjecttype: InformatieObjectType, **fields: object
) -> InformatieObjectType:
    changed = {
        name for name, value in fields.items() if getattr(informatieobjecttype, name) != value
    }
    _ensure_concept_object(informatieobjecttype, changed)
    _apply(informatieobjecttype, fields)
    return informatieobjecttype


@transaction.atomic
def informatieobjecttype_delete(*, informatieobjecttype: InformatieObjectType) -> None:
    if not informatieobjecttype.concept:
        raise DomainError(
            "A published informatieobjecttype cannot be deleted.", code="non-concept-object"
        )
    informatieobjecttype.delete()


@transaction.atomic
def informatieobjecttype_publish(
    *, informatieobjecttype: InformatieObjectType
) -> InformatieObjectType:
    informatieobjecttype = InformatieObjectType.objects.select_for_update().get(
        pk=informatieobjecttype.pk
    )
    if not informatieobjecttype.concept:
        raise DomainError(
            "This informatieobjecttype is already published.", code="non-concept-object"
        )
    informatieobjecttype.concept = False
    informatieobjecttype.save(update_fields=["concept"])
    event_record(
        kanaal="informatieobjecttypen",
        resource="informatieobjecttype",
        actie="publish",
        hoofd_object=f"informatieobjecttype:{informatieobjecttype.uuid}",
        resource_id=str(informatieobjecttype.uuid),
        kenmerken={"catalogus": str(informatieobjecttype.catalogus.uuid)},
    )
    return informatieobjecttype
