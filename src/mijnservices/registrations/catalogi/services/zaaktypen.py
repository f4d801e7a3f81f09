"""Catalogus and zaaktype writes, and publishing a zaaktype (ztc-009, ztc-010, ztc-012)."""

from __future__ import annotations

from collections.abc import Iterable
from datetime import date, timedelta
from typing import Any

from django.db import transaction

from mijnservices.core.errors import DomainError
from mijnservices.core.outbox import event_record
from mijnservices.registrations.catalogi.models import (
    BesluitType,
    Catalogus,
    InformatieObjectType,
    ZaakType,
)
from mijnservices.registrations.catalogi.services import concept_relations as relations
from mijnservices.registrations.catalogi.services._rules import (
    apply,
    changed_fields,
    check_geldigheid,
    check_keys,
    check_servicenorm,
    delete_or_refuse,
    ensure_concept,
    ensure_concept_object,
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
        # A projection of an external catalogus (decision 0029) is not published.
        payload={"bron": catalogus.bron_url} if catalogus.bron_url else None,
    )
    return catalogus


@transaction.atomic
def catalogus_update(*, catalogus: Catalogus, **fields: object) -> Catalogus:
    apply(catalogus, fields)
    return catalogus


def _check_relations(zaaktype: ZaakType) -> None:
    """ztc-013: besluittypen, deelzaaktypen and gerelateerde zaaktypen are keys of types in
    the zaaktype's own catalogus."""
    check_keys(
        model=BesluitType,
        catalogus_id=zaaktype.catalogus_id,
        attr="omschrijving",
        keys=zaaktype.besluittypen,
        field="besluittypen",
    )
    check_keys(
        model=ZaakType,
        catalogus_id=zaaktype.catalogus_id,
        attr="identificatie",
        keys=zaaktype.deelzaaktypen,
        field="deelzaaktypen",
    )
    check_keys(
        model=ZaakType,
        catalogus_id=zaaktype.catalogus_id,
        attr="identificatie",
        keys=[relatie["zaaktype"] for relatie in zaaktype.gerelateerde_zaaktypen],
        field="gerelateerdeZaaktypen",
    )


def _check_geldigheid(zaaktype: ZaakType, *, exclude: ZaakType | None = None) -> None:
    check_geldigheid(
        model=ZaakType,
        catalogus=zaaktype.catalogus,
        key_field="identificatie",
        key=zaaktype.identificatie,
        begin=zaaktype.begin_geldigheid,
        einde=zaaktype.einde_geldigheid,
        exclude=exclude,
    )


@transaction.atomic
def zaaktype_create(
    *,
    catalogus: Catalogus,
    identificatie: str,
    omschrijving: str,
    doorlooptijd: timedelta,
    begin_geldigheid: date,
    servicenorm: timedelta | None = None,
    deelzaaktypen: Iterable[str] = (),
    besluittypen: Iterable[str] = (),
    gerelateerde_zaaktypen: Iterable[dict[str, Any]] = (),
    refuse_published_relations: bool = False,
    **fields: object,
) -> ZaakType:
    """A concept zaaktype. Relations are keys: ``deelzaaktypen`` and the ``zaaktype`` of each
    gerelateerde zaaktype are identificaties, ``besluittypen`` omschrijvingen.
    ``refuse_published_relations``: the Catalogi API's ztc-011 rule (``concept_relations``)."""
    besluittypen = list(besluittypen)
    if refuse_published_relations and relations.published_besluittype(catalogus.pk, besluittypen):
        raise relations.refuse("A new zaaktype cannot name a published besluittype.")
    check_servicenorm(doorlooptijd, servicenorm)
    zaaktype = ZaakType(
        catalogus=catalogus,
        identificatie=identificatie,
        omschrijving=omschrijving,
        doorlooptijd=doorlooptijd,
        servicenorm=servicenorm,
        begin_geldigheid=begin_geldigheid,
        concept=True,
        deelzaaktypen=list(deelzaaktypen),
        besluittypen=besluittypen,
        gerelateerde_zaaktypen=[dict(relatie) for relatie in gerelateerde_zaaktypen],
        **fields,
    )
    _check_geldigheid(zaaktype)
    _check_relations(zaaktype)
    zaaktype.save()
    _zaaktype_event(zaaktype, "create")
    return zaaktype


@transaction.atomic
def zaaktype_update(
    *, zaaktype: ZaakType, refuse_published_relations: bool = False, **fields: object
) -> ZaakType:
    """``refuse_published_relations``: the Catalogi API's ztc-010/011 rule: while the zaaktype
    names a published besluittype, or to name one, only ``eindeGeldigheid`` changes."""
    for name in ("deelzaaktypen", "besluittypen"):
        if name in fields:
            fields[name] = list(fields[name])  # type: ignore[call-overload]
    changed = changed_fields(zaaktype, fields)
    ensure_concept_object(zaaktype, changed)
    if refuse_published_relations and not relations.only_einde_geldigheid(changed):
        if relations.zaaktype_names_published(zaaktype, with_informatieobjecttypen=False):
            raise relations.refuse("A zaaktype that names a published besluittype cannot change.")
        new = fields.get("besluittypen", [])
        if relations.published_besluittype(zaaktype.catalogus_id, new):  # type: ignore[arg-type]
            raise relations.refuse("A zaaktype cannot be changed to name a published besluittype.")
    apply(zaaktype, fields)
    check_servicenorm(zaaktype.doorlooptijd, zaaktype.servicenorm)
    _check_geldigheid(zaaktype, exclude=zaaktype)
    _check_relations(zaaktype)
    _zaaktype_event(zaaktype, "update")
    return zaaktype


@transaction.atomic
def zaaktype_delete(*, zaaktype: ZaakType, force: bool = False) -> None:
    """``force`` (scope catalogi.geforceerd-verwijderen) also deletes a published zaaktype,
    as Open Zaak does; one that zaken still use is refused either way."""
    if not zaaktype.concept and not force:
        raise DomainError("A published zaaktype cannot be deleted.", code="non-concept-object")
    if not force and relations.zaaktype_names_published(zaaktype, with_informatieobjecttypen=True):
        raise relations.refuse("A zaaktype that names a published type cannot be deleted.")
    _zaaktype_event(zaaktype, "destroy")
    delete_or_refuse(zaaktype)


def _published_versions_missing(
    model: type[BesluitType] | type[InformatieObjectType],
    *,
    zaaktype: ZaakType,
    omschrijvingen: Iterable[str],
) -> list[str]:
    # A published version of the named type, whatever its geldigheid: as Open Zaak asks its
    # related versions only to be published, and as concept_relations reads "published".
    wanted = set(omschrijvingen)
    published = model.objects.filter(
        catalogus_id=zaaktype.catalogus_id, omschrijving__in=wanted, concept=False
    ).values_list("omschrijving", flat=True)
    return sorted(wanted - set(published))


@transaction.atomic
def zaaktype_publish(*, zaaktype: ZaakType, require_complete: bool = True) -> ZaakType:
    """Publish a concept zaaktype (frozen from then on). Every besluittype and
    informatieobjecttype it names needs a published version (ztc-012).

    ``require_complete`` also asks for at least two statustypen, a resultaattype and a roltype:
    Open Zaak checks that where a person publishes (its admin), not in the Catalogi API, whose
    clients (and the ZGW suites) publish zaaktypen without them."""
    zaaktype = ZaakType.objects.select_for_update().get(pk=zaaktype.pk)
    ensure_concept(zaaktype)
    iot_missing = _published_versions_missing(
        InformatieObjectType,
        zaaktype=zaaktype,
        omschrijvingen=zaaktype.zaaktype_informatieobjecttypen.values_list(
            "informatieobjecttype", flat=True
        ),
    )
    if iot_missing:
        raise DomainError(
            "All related informatieobjecttypen must be published first (ztc-012): "
            + ", ".join(iot_missing),
            code="concept-relation",
            field="informatieobjecttypen",
        )
    besluittype_missing = _published_versions_missing(
        BesluitType, zaaktype=zaaktype, omschrijvingen=zaaktype.besluittypen
    )
    if besluittype_missing:
        raise DomainError(
            "All related besluittypen must be published first (ztc-012): "
            + ", ".join(besluittype_missing),
            code="concept-relation",
            field="besluittypen",
        )
    if require_complete:
        _require_complete(zaaktype)
    zaaktype.concept = False
    zaaktype.save(update_fields=["concept"])
    _zaaktype_event(zaaktype, "publish")
    return zaaktype


def _require_complete(zaaktype: ZaakType) -> None:
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


def _zaaktype_event(zaaktype: ZaakType, actie: str) -> None:
    event_record(
        kanaal="zaaktypen",
        resource="zaaktype",
        actie=actie,
        hoofd_object=f"zaaktype:{zaaktype.uuid}",
        resource_id=str(zaaktype.uuid),
        kenmerken={"catalogus": str(zaaktype.catalogus.uuid)},
        payload={"bron": zaaktype.bron_url} if zaaktype.bron_url else None,
    )
