"""Informatieobjecttypen and besluittypen: catalogus-level types with their own versions
and publish flow (ztc-009, ztc-011b, ztc-011c)."""

from __future__ import annotations

from collections.abc import Iterable
from datetime import date

from django.db import transaction

from mijnservices.core.errors import DomainError
from mijnservices.core.outbox import event_record
from mijnservices.registrations.catalogi.models import (
    BesluitType,
    Catalogus,
    InformatieObjectType,
)
from mijnservices.registrations.catalogi.services import concept_relations as relations
from mijnservices.registrations.catalogi.services._rules import (
    apply,
    changed_fields,
    check_geldigheid,
    check_keys,
    delete_or_refuse,
    ensure_concept_object,
)

_KANAAL = {"informatieobjecttype": "informatieobjecttypen", "besluittype": "besluittypen"}


def _event(obj: InformatieObjectType | BesluitType, resource: str, actie: str) -> None:
    event_record(
        kanaal=_KANAAL[resource],
        resource=resource,
        actie=actie,
        hoofd_object=f"{resource}:{obj.uuid}",
        resource_id=str(obj.uuid),
        kenmerken={"catalogus": str(obj.catalogus.uuid)},
    )


def _check_versions(obj: InformatieObjectType | BesluitType, what: str) -> None:
    check_geldigheid(
        model=type(obj),
        catalogus=obj.catalogus,
        key_field="omschrijving",
        key=obj.omschrijving,
        begin=obj.begin_geldigheid,
        einde=obj.einde_geldigheid,
        exclude=obj if obj.pk else None,
        what=what,
    )


# --- informatieobjecttypen ---------------------------------------------------------------


@transaction.atomic
def informatieobjecttype_create(
    *,
    catalogus: Catalogus,
    omschrijving: str,
    begin_geldigheid: date,
    refuse_published_relations: bool = False,
    **fields: object,
) -> InformatieObjectType:
    """A concept informatieobjecttype. ``refuse_published_relations`` is accepted for the API's
    sake: a new type names nothing, so ztc-011 has nothing to check."""
    informatieobjecttype = InformatieObjectType(
        catalogus=catalogus, omschrijving=omschrijving, begin_geldigheid=begin_geldigheid, **fields
    )
    _check_versions(informatieobjecttype, "informatieobjecttype")
    informatieobjecttype.save()
    return informatieobjecttype


@transaction.atomic
def informatieobjecttype_update(
    *,
    informatieobjecttype: InformatieObjectType,
    refuse_published_relations: bool = False,
    **fields: object,
) -> InformatieObjectType:
    """``refuse_published_relations``: the Catalogi API's ztc-010 rule: named by a published
    besluittype or zaaktype, only ``eindeGeldigheid`` changes."""
    changed = changed_fields(informatieobjecttype, fields)
    ensure_concept_object(informatieobjecttype, changed)
    if (
        refuse_published_relations
        and not relations.only_einde_geldigheid(changed)
        and relations.informatieobjecttype_named_by_published(informatieobjecttype)
    ):
        raise relations.refuse("A published besluittype or zaaktype names this type.")
    apply(informatieobjecttype, fields)
    _check_versions(informatieobjecttype, "informatieobjecttype")
    return informatieobjecttype


@transaction.atomic
def informatieobjecttype_delete(
    *, informatieobjecttype: InformatieObjectType, force: bool = False
) -> None:
    """``force`` (scope catalogi.geforceerd-verwijderen) also deletes a published one."""
    if not informatieobjecttype.concept and not force:
        raise DomainError(
            "A published informatieobjecttype cannot be deleted.", code="non-concept-object"
        )
    if not force and relations.informatieobjecttype_named_by_published(informatieobjecttype):
        raise relations.refuse("A published besluittype or zaaktype names this type.")
    delete_or_refuse(informatieobjecttype)
    relations.forget_if_gone(informatieobjecttype)


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
    _event(informatieobjecttype, "informatieobjecttype", "publish")
    return informatieobjecttype


# --- besluittypen --------------------------------------------------------------------------


def _check_besluittype(besluittype: BesluitType) -> None:
    _check_versions(besluittype, "besluittype")
    check_keys(
        model=InformatieObjectType,
        catalogus_id=besluittype.catalogus_id,
        attr="omschrijving",
        keys=besluittype.informatieobjecttypen,
        field="informatieobjecttypen",
    )


@transaction.atomic
def besluittype_create(
    *,
    catalogus: Catalogus,
    omschrijving: str,
    begin_geldigheid: date,
    publicatie_indicatie: bool = False,
    informatieobjecttypen: Iterable[str] = (),
    refuse_published_relations: bool = False,
    **fields: object,
) -> BesluitType:
    """A concept besluittype; ``informatieobjecttypen`` are omschrijvingen of
    informatieobjecttypen in the same catalogus (ztc-011b, ztc-013).
    ``refuse_published_relations``: the Catalogi API's ztc-011 rule (``concept_relations``)."""
    informatieobjecttypen = list(informatieobjecttypen)
    besluittype = BesluitType(
        catalogus=catalogus,
        omschrijving=omschrijving,
        begin_geldigheid=begin_geldigheid,
        publicatie_indicatie=publicatie_indicatie,
        informatieobjecttypen=informatieobjecttypen,
        concept=True,
        **fields,
    )
    _check_besluittype(besluittype)
    if refuse_published_relations and relations.published_informatieobjecttype(
        catalogus.pk, informatieobjecttypen
    ):
        raise relations.refuse("A new besluittype cannot name a published informatieobjecttype.")
    besluittype.save()
    _event(besluittype, "besluittype", "create")
    return besluittype


@transaction.atomic
def besluittype_update(
    *, besluittype: BesluitType, refuse_published_relations: bool = False, **fields: object
) -> BesluitType:
    """``refuse_published_relations``: the Catalogi API's ztc-010/011 rule: while it names a
    published informatieobjecttype, or to name one, only ``eindeGeldigheid`` changes."""
    if "informatieobjecttypen" in fields:
        fields["informatieobjecttypen"] = list(fields["informatieobjecttypen"])  # type: ignore[call-overload]
    changed = changed_fields(besluittype, fields)
    ensure_concept_object(besluittype, changed)
    if refuse_published_relations and not relations.only_einde_geldigheid(changed):
        catalogus_id = besluittype.catalogus_id
        if relations.published_informatieobjecttype(
            catalogus_id, besluittype.informatieobjecttypen
        ):
            raise relations.refuse("A besluittype that names a published type cannot change.")
        new = fields.get("informatieobjecttypen", [])
        if relations.published_informatieobjecttype(catalogus_id, new):  # type: ignore[arg-type]
            raise relations.refuse("A besluittype cannot be changed to name a published type.")
    apply(besluittype, fields)
    _check_besluittype(besluittype)
    _event(besluittype, "besluittype", "update")
    return besluittype


@transaction.atomic
def besluittype_delete(*, besluittype: BesluitType, force: bool = False) -> None:
    """``force`` (scope catalogi.geforceerd-verwijderen) also deletes a published one."""
    if not besluittype.concept and not force:
        raise DomainError("A published besluittype cannot be deleted.", code="non-concept-object")
    if not force and relations.besluittype_related_published(besluittype):
        raise relations.refuse("This besluittype is related to a published type.")
    _event(besluittype, "besluittype", "destroy")
    delete_or_refuse(besluittype)
    relations.forget_if_gone(besluittype)


@transaction.atomic
def besluittype_publish(*, besluittype: BesluitType) -> BesluitType:
    """Publish a concept besluittype. Its informatieobjecttypen may still be concepts: as in
    Open Zaak, only a zaaktype's publication asks for published relations (ztc-012)."""
    besluittype = BesluitType.objects.select_for_update().get(pk=besluittype.pk)
    if not besluittype.concept:
        raise DomainError("This besluittype is already published.", code="non-concept-object")
    besluittype.concept = False
    besluittype.save(update_fields=["concept"])
    _event(besluittype, "besluittype", "publish")
    return besluittype
