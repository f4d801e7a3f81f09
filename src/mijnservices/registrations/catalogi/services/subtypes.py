"""Types that belong to one zaaktype version: statustypen, resultaattypen, roltypen,
eigenschappen, zaakobjecttypen and zaaktype-informatieobjecttypen.

They follow their zaaktype: created, changed or removed only while it is a concept
(ztc-010, ztc-011a); relations stay within the zaaktype and its catalogus (ztc-013).
"""

from __future__ import annotations

import re
from collections.abc import Iterable
from datetime import timedelta
from typing import Any

from django.db import transaction

from mijnservices.core.errors import DomainError
from mijnservices.core.updates import model_assign
from mijnservices.registrations.catalogi.models import (
    BesluitType,
    Eigenschap,
    Formaat,
    InformatieObjectType,
    ResultaatType,
    RolType,
    StatusType,
    ZaakObjectType,
    ZaakType,
    ZaakTypeInformatieObjectType,
)
from mijnservices.registrations.catalogi.services import concept_relations as relations
from mijnservices.registrations.catalogi.services._rules import (
    apply,
    check_keys,
    delete_or_refuse,
    ensure_concept,
    ensure_same_zaaktype,
)
from mijnservices.registrations.catalogi.services.brondatum import check_brondatum

Subtype = (
    StatusType
    | ResultaatType
    | RolType
    | Eigenschap
    | ZaakObjectType
    | ZaakTypeInformatieObjectType
)


def _subtype_update(instance: Subtype, fields: dict[str, object]) -> None:
    ensure_concept(instance.zaaktype)
    new_zaaktype = fields.get("zaaktype")
    if isinstance(new_zaaktype, ZaakType):
        ensure_concept(new_zaaktype)
    apply(instance, fields)


def _subtype_delete(instance: Subtype, force: bool) -> None:
    # catalogi.geforceerd-verwijderen also removes the types of a published zaaktype.
    if not force:
        ensure_concept(instance.zaaktype)
    delete_or_refuse(instance)


# --- statustypen ---------------------------------------------------------------------


def _set_eigenschappen(statustype: StatusType, eigenschappen: Iterable[Eigenschap]) -> None:
    """The eigenschappen that need a value before this status can be set."""
    chosen = list(eigenschappen)
    for eigenschap in chosen:
        ensure_same_zaaktype(statustype.zaaktype, eigenschap, "eigenschappen")
    statustype.eigenschappen.exclude(pk__in=[e.pk for e in chosen]).update(statustype=None)
    Eigenschap.objects.filter(pk__in=[e.pk for e in chosen]).update(statustype=statustype)


@transaction.atomic
def statustype_create(
    *,
    zaaktype: ZaakType,
    volgnummer: int,
    omschrijving: str,
    doorlooptijd: timedelta | None = None,
    eigenschappen: Iterable[Eigenschap] = (),
    **fields: object,
) -> StatusType:
    ensure_concept(zaaktype)
    statustype = StatusType.objects.create(
        zaaktype=zaaktype,
        volgnummer=volgnummer,
        omschrijving=omschrijving,
        doorlooptijd=doorlooptijd,
        **fields,
    )
    _set_eigenschappen(statustype, eigenschappen)
    return statustype


@transaction.atomic
def statustype_update(
    *,
    statustype: StatusType,
    eigenschappen: Iterable[Eigenschap] | None = None,
    **fields: object,
) -> StatusType:
    _subtype_update(statustype, fields)
    if eigenschappen is not None:
        _set_eigenschappen(statustype, eigenschappen)
    return statustype


@transaction.atomic
def statustype_delete(*, statustype: StatusType, force: bool = False) -> None:
    _subtype_delete(statustype, force)


# --- resultaattypen --------------------------------------------------------------------


def _check_resultaattype(resultaattype: ResultaatType) -> None:
    # Both are required in Catalogi 1.3 (the resultaat's meaning and archiving class come
    # from the Selectielijst); the API asks them, and so does every other way in.
    for field in ("resultaattypeomschrijving", "selectielijstklasse"):
        if not getattr(resultaattype, field):
            raise DomainError(f"{field} is required.", code="required", field=field)
    check_brondatum(resultaattype.brondatum_archiefprocedure)
    catalogus_id = resultaattype.zaaktype.catalogus_id
    check_keys(
        model=BesluitType,
        catalogus_id=catalogus_id,
        attr="omschrijving",
        keys=resultaattype.besluittypen,
        field="besluittypen",
    )
    check_keys(
        model=InformatieObjectType,
        catalogus_id=catalogus_id,
        attr="omschrijving",
        keys=resultaattype.informatieobjecttypen,
        field="informatieobjecttypen",
    )


@transaction.atomic
def resultaattype_create(
    *, zaaktype: ZaakType, omschrijving: str, **fields: object
) -> ResultaatType:
    ensure_concept(zaaktype)
    resultaattype = ResultaatType(zaaktype=zaaktype, omschrijving=omschrijving, **fields)
    _check_resultaattype(resultaattype)
    resultaattype.save()
    return resultaattype


@transaction.atomic
def resultaattype_update(*, resultaattype: ResultaatType, **fields: object) -> ResultaatType:
    _subtype_update(resultaattype, fields)
    _check_resultaattype(resultaattype)
    return resultaattype


@transaction.atomic
def resultaattype_delete(*, resultaattype: ResultaatType, force: bool = False) -> None:
    _subtype_delete(resultaattype, force)


# --- roltypen ----------------------------------------------------------------------------


@transaction.atomic
def roltype_create(
    *, zaaktype: ZaakType, omschrijving: str, omschrijving_generiek: str, bron_url: str = ""
) -> RolType:
    ensure_concept(zaaktype)
    return RolType.objects.create(
        zaaktype=zaaktype,
        omschrijving=omschrijving,
        omschrijving_generiek=omschrijving_generiek,
        bron_url=bron_url,
    )


@transaction.atomic
def roltype_update(*, roltype: RolType, **fields: object) -> RolType:
    _subtype_update(roltype, fields)
    return roltype


@transaction.atomic
def roltype_delete(*, roltype: RolType, force: bool = False) -> None:
    _subtype_delete(roltype, force)


# --- eigenschappen -----------------------------------------------------------------------

_KARDINALITEIT = re.compile(r"^(\d{1,3}|N)$")
_LENGTE = {
    Formaat.GETAL: re.compile(r"^\d{1,10}([.,]\d{1,3})?$"),
}
_WHOLE = re.compile(r"^\d{1,14}$")


def _check_eigenschap(eigenschap: Eigenschap) -> None:
    ensure_same_zaaktype(eigenschap.zaaktype, eigenschap.statustype, "statustype")
    if not _KARDINALITEIT.match(eigenschap.kardinaliteit):
        raise DomainError(
            "kardinaliteit is a number (1-999) or N.",
            code="invalid",
            field="specificatie.kardinaliteit",
        )
    pattern = _LENGTE.get(Formaat(eigenschap.formaat), _WHOLE)
    if not pattern.match(eigenschap.lengte):
        raise DomainError(
            "lengte is a whole number; for formaat getal it may have decimals (8,2).",
            code="invalid",
            field="specificatie.lengte",
        )
    duplicate = Eigenschap.objects.filter(zaaktype=eigenschap.zaaktype, naam=eigenschap.naam)
    if eigenschap.pk is not None:
        duplicate = duplicate.exclude(pk=eigenschap.pk)
    if duplicate.exists():
        raise DomainError(
            "This zaaktype already has an eigenschap with this naam.",
            code="unique",
            field="naam",
        )


@transaction.atomic
def eigenschap_create(
    *,
    zaaktype: ZaakType,
    naam: str,
    definitie: str,
    formaat: str,
    lengte: str,
    kardinaliteit: str,
    statustype: StatusType | None = None,
    **fields: Any,
) -> Eigenschap:
    """A concept zaaktype's eigenschap; ``fields`` are toelichting and the rest of the
    specificatie (groep, waardenverzameling)."""
    ensure_concept(zaaktype)
    eigenschap = Eigenschap(
        zaaktype=zaaktype,
        naam=naam,
        definitie=definitie,
        formaat=formaat,
        lengte=lengte,
        kardinaliteit=kardinaliteit,
        statustype=statustype,
        **fields,
    )
    _check_eigenschap(eigenschap)
    eigenschap.save()
    return eigenschap


@transaction.atomic
def eigenschap_update(*, eigenschap: Eigenschap, **fields: object) -> Eigenschap:
    _subtype_update(eigenschap, fields)
    _check_eigenschap(eigenschap)
    return eigenschap


@transaction.atomic
def eigenschap_delete(*, eigenschap: Eigenschap, force: bool = False) -> None:
    _subtype_delete(eigenschap, force)


# --- zaakobjecttypen ---------------------------------------------------------------------


@transaction.atomic
def zaakobjecttype_create(
    *,
    zaaktype: ZaakType,
    objecttype: str,
    relatie_omschrijving: str,
    ander_objecttype: bool = False,
) -> ZaakObjectType:
    ensure_concept(zaaktype)
    return ZaakObjectType.objects.create(
        zaaktype=zaaktype,
        objecttype=objecttype,
        relatie_omschrijving=relatie_omschrijving,
        ander_objecttype=ander_objecttype,
    )


@transaction.atomic
def zaakobjecttype_update(*, zaakobjecttype: ZaakObjectType, **fields: object) -> ZaakObjectType:
    _subtype_update(zaakobjecttype, fields)
    return zaakobjecttype


@transaction.atomic
def zaakobjecttype_delete(*, zaakobjecttype: ZaakObjectType, force: bool = False) -> None:
    _subtype_delete(zaakobjecttype, force)


# --- zaaktype-informatieobjecttypen ------------------------------------------------------


def _check_ziot(ziot: ZaakTypeInformatieObjectType) -> None:
    ensure_same_zaaktype(ziot.zaaktype, ziot.statustype, "statustype")
    check_keys(
        model=InformatieObjectType,
        catalogus_id=ziot.zaaktype.catalogus_id,
        attr="omschrijving",
        keys=[ziot.informatieobjecttype],
        field="informatieobjecttype",
    )
    taken = ZaakTypeInformatieObjectType.objects.filter(
        zaaktype=ziot.zaaktype, volgnummer=ziot.volgnummer
    )
    if ziot.pk is not None:
        taken = taken.exclude(pk=ziot.pk)
    if taken.exists():
        raise DomainError(
            "This zaaktype already has a zaaktype-informatieobjecttype with this volgnummer.",
            code="unique",
            field="nonFieldErrors",  # as the unique-together check answered before
        )


@transaction.atomic
def zaaktype_informatieobjecttype_create(
    *,
    zaaktype: ZaakType,
    informatieobjecttype: str,
    volgnummer: int,
    richting: str,
    statustype: StatusType | None = None,
    refuse_published_relations: bool = False,
) -> ZaakTypeInformatieObjectType:
    """``informatieobjecttype`` is the omschrijving of an informatieobjecttype in the
    zaaktype's catalogus (Catalogi 1.3: version-independent). Unlike the other types of a
    zaaktype it may be added to a published zaaktype; ``refuse_published_relations`` (the API)
    refuses it when the informatieobjecttype is published too (ztc-011f, ``concept_relations``)."""
    ziot = ZaakTypeInformatieObjectType(
        zaaktype=zaaktype,
        informatieobjecttype=informatieobjecttype,
        volgnummer=volgnummer,
        richting=richting,
        statustype=statustype,
    )
    if refuse_published_relations:  # before the volgnummer check, as Open Zaak (ztc-011f)
        _ensure_not_between_published(ziot, "created")
    _check_ziot(ziot)
    ziot.save()
    return ziot


def _ensure_not_between_published(ziot: ZaakTypeInformatieObjectType, action: str) -> None:
    if relations.ziot_between_published(ziot):
        raise relations.refuse(
            f"A relation between a published zaaktype and a published informatieobjecttype "
            f"cannot be {action}."
        )


@transaction.atomic
def zaaktype_informatieobjecttype_update(
    *,
    zaaktype_informatieobjecttype: ZaakTypeInformatieObjectType,
    refuse_published_relations: bool = False,
    **fields: object,
) -> ZaakTypeInformatieObjectType:
    """``refuse_published_relations``: the Catalogi API's ztc-010/011 rule, before and after."""
    ziot = zaaktype_informatieobjecttype
    if refuse_published_relations:
        _ensure_not_between_published(ziot, "changed")
    model_assign(ziot, fields)
    if refuse_published_relations:
        _ensure_not_between_published(ziot, "changed")
    _check_ziot(ziot)
    ziot.save()
    return ziot


@transaction.atomic
def zaaktype_informatieobjecttype_delete(
    *, zaaktype_informatieobjecttype: ZaakTypeInformatieObjectType, force: bool = False
) -> None:
    if not force:
        _ensure_not_between_published(zaaktype_informatieobjecttype, "deleted")
    delete_or_refuse(zaaktype_informatieobjecttype)
