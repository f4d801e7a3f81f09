"""ztc-010/ztc-011: relations between catalogus-level types and published types.

Catalogi 1.3 relates types by key (decision 0026), so "related to a published type" means: the
key names a type of which a *published* version exists in the same catalogus. The rules are
Open Zaak's, which the VNG suites check (all answer ``non-concept-relation`` under
``nonFieldErrors``):

- a zaaktype may not name a published besluittype when it is created, and while it names one
  it only takes a new ``eindeGeldigheid``;
- a besluittype likewise with its informatieobjecttypen;
- an informatieobjecttype that a published besluittype or zaaktype names only takes a new
  ``eindeGeldigheid``;
- a zaaktype-informatieobjecttype between a published zaaktype and a published
  informatieobjecttype is not created, changed or deleted (either one a concept: allowed);
- without ``catalogi.geforceerd-verwijderen`` a zaaktype, besluittype or informatieobjecttype
  related to a published type is not deleted.

The Catalogi API applies the write rules (``refuse_published_relations=True``); in-process
writers (catalogue imports, demo data) relate new concepts to published types, as Open Zaak's
admin and import do.
"""

from __future__ import annotations

from collections.abc import Iterable

from mijnservices.core.errors import DomainError
from mijnservices.registrations.catalogi.models import (
    BesluitType,
    InformatieObjectType,
    ZaakType,
    ZaakTypeInformatieObjectType,
)

CODE = "non-concept-relation"


def refuse(message: str) -> DomainError:
    return DomainError(message, code=CODE)


def published_besluittype(catalogus_id: int, omschrijvingen: Iterable[str]) -> bool:
    keys = set(omschrijvingen)
    return (
        bool(keys)
        and BesluitType.objects.filter(
            catalogus_id=catalogus_id, omschrijving__in=keys, concept=False
        ).exists()
    )


def published_informatieobjecttype(catalogus_id: int, omschrijvingen: Iterable[str]) -> bool:
    keys = set(omschrijvingen)
    return (
        bool(keys)
        and InformatieObjectType.objects.filter(
            catalogus_id=catalogus_id, omschrijving__in=keys, concept=False
        ).exists()
    )


def _ziot_omschrijvingen(zaaktype: ZaakType) -> list[str]:
    return list(
        zaaktype.zaaktype_informatieobjecttypen.values_list("informatieobjecttype", flat=True)
    )


def zaaktype_names_published(zaaktype: ZaakType, *, with_informatieobjecttypen: bool) -> bool:
    """Whether the zaaktype names a published besluittype (or informatieobjecttype)."""
    if published_besluittype(zaaktype.catalogus_id, zaaktype.besluittypen):
        return True
    return with_informatieobjecttypen and published_informatieobjecttype(
        zaaktype.catalogus_id, _ziot_omschrijvingen(zaaktype)
    )


def informatieobjecttype_named_by_published(informatieobjecttype: InformatieObjectType) -> bool:
    """Whether a published besluittype or zaaktype of its catalogus names this type."""
    omschrijving = informatieobjecttype.omschrijving
    catalogus_id = informatieobjecttype.catalogus_id
    besluittypen = BesluitType.objects.filter(catalogus_id=catalogus_id, concept=False)
    if any(
        omschrijving in b.informatieobjecttypen for b in besluittypen.only("informatieobjecttypen")
    ):
        return True
    return ZaakTypeInformatieObjectType.objects.filter(
        informatieobjecttype=omschrijving,
        zaaktype__catalogus_id=catalogus_id,
        zaaktype__concept=False,
    ).exists()


def besluittype_related_published(besluittype: BesluitType) -> bool:
    """Whether it names a published informatieobjecttype or a published zaaktype names it."""
    if published_informatieobjecttype(besluittype.catalogus_id, besluittype.informatieobjecttypen):
        return True
    zaaktypen = ZaakType.objects.filter(catalogus_id=besluittype.catalogus_id, concept=False)
    return any(besluittype.omschrijving in z.besluittypen for z in zaaktypen.only("besluittypen"))


def ziot_between_published(ziot: ZaakTypeInformatieObjectType) -> bool:
    return not ziot.zaaktype.concept and published_informatieobjecttype(
        ziot.zaaktype.catalogus_id, [ziot.informatieobjecttype]
    )


def only_einde_geldigheid(changed: set[str]) -> bool:
    return bool(changed) and changed <= {"einde_geldigheid"}


def forget_if_gone(deleted: InformatieObjectType | BesluitType) -> None:
    """After the last version of a type is deleted, concept zaaktypen no longer name it, as a
    relation disappears with its object in Open Zaak (else such a zaaktype could never be
    published, ztc-012). Published zaaktypen keep their relations (frozen)."""
    catalogus_id, omschrijving = deleted.catalogus_id, deleted.omschrijving
    if type(deleted).objects.filter(catalogus_id=catalogus_id, omschrijving=omschrijving).exists():
        return
    if isinstance(deleted, InformatieObjectType):
        ZaakTypeInformatieObjectType.objects.filter(
            zaaktype__catalogus_id=catalogus_id,
            zaaktype__concept=True,
            informatieobjecttype=omschrijving,
        ).delete()
        return
    for zaaktype in ZaakType.objects.filter(catalogus_id=catalogus_id, concept=True):
        if omschrijving in zaaktype.besluittypen:
            zaaktype.besluittypen = [b for b in zaaktype.besluittypen if b != omschrijving]
            zaaktype.save(update_fields=["besluittypen"])
