"""Reads for the Catalogi registration: resolving the version-independent relations.

Catalogi 1.3 relates types by key, not by version: a zaaktype names its besluittypen by
``omschrijving``, its deelzaaktypen and gerelateerde zaaktypen by ``identificatie``, a
zaaktype-informatieobjecttype names its informatieobjecttype by ``omschrijving``. A key
resolves to the versions *in the same catalogus* whose geldigheid overlaps the geldigheid of
the object that holds the key (docs/standards.md).

:class:`CatalogusIndex` loads the candidate versions of whole catalogi once per request, so
an API list resolves every row's relations with a fixed number of queries.
"""

from __future__ import annotations

import copy
from collections import defaultdict
from collections.abc import Iterable
from dataclasses import dataclass
from datetime import date
from typing import Any, Protocol
from uuid import UUID

from django.db.models import Model, Q, QuerySet

from mijnservices.core.process_cache import ProcessCache, ProcessCacheMap
from mijnservices.registrations.catalogi.models import (
    BesluitType,
    InformatieObjectType,
    ResultaatType,
    ZaakType,
    ZaakTypeInformatieObjectType,
)


class Geldig(Protocol):
    begin_geldigheid: date
    einde_geldigheid: date | None


def overlaps(a: Geldig, b: Geldig) -> bool:
    """Whether two versions are geldig on at least one common day (ends are inclusive)."""
    a_end = a.einde_geldigheid or date.max
    b_end = b.einde_geldigheid or date.max
    return a.begin_geldigheid <= b_end and b.begin_geldigheid <= a_end


def overlapping(queryset: QuerySet[Any], holder: Geldig, prefix: str = "") -> QuerySet[Any]:
    end = holder.einde_geldigheid or date.max
    return queryset.filter(
        Q(**{f"{prefix}begin_geldigheid__lte": end})
        & (
            Q(**{f"{prefix}einde_geldigheid__isnull": True})
            | Q(**{f"{prefix}einde_geldigheid__gte": holder.begin_geldigheid})
        )
    )


# --- single objects (for services and other layers) --------------------------------


def zaaktype_informatieobjecttypen(zaaktype: ZaakType) -> QuerySet[InformatieObjectType]:
    """The informatieobjecttype versions documents of this zaaktype's zaken may have."""
    omschrijvingen = zaaktype.zaaktype_informatieobjecttypen.values("informatieobjecttype")
    return overlapping(
        InformatieObjectType.objects.filter(
            catalogus_id=zaaktype.catalogus_id, omschrijving__in=omschrijvingen
        ),
        zaaktype,
    )


def zaaktype_besluittypen(zaaktype: ZaakType) -> QuerySet[BesluitType]:
    return overlapping(
        BesluitType.objects.filter(
            catalogus_id=zaaktype.catalogus_id, omschrijving__in=list(zaaktype.besluittypen)
        ),
        zaaktype,
    )


def zaaktype_deelzaaktypen(zaaktype: ZaakType) -> QuerySet[ZaakType]:
    return overlapping(
        ZaakType.objects.filter(
            catalogus_id=zaaktype.catalogus_id, identificatie__in=list(zaaktype.deelzaaktypen)
        ),
        zaaktype,
    )


def besluittype_informatieobjecttypen(besluittype: BesluitType) -> QuerySet[InformatieObjectType]:
    return overlapping(
        InformatieObjectType.objects.filter(
            catalogus_id=besluittype.catalogus_id,
            omschrijving__in=list(besluittype.informatieobjecttypen),
        ),
        besluittype,
    )


# Published zaaktypen per process (decision 0045): a zaak's create names its zaaktype on every
# request. Published versions are frozen; any save or delete of a zaaktype moves this
# generation (signals in apps.py), so every process reads them again within
# CACHE_FRESHNESS_SECONDS.
ZAAKTYPEN = "zaaktypen"
_PUBLISHED = ProcessCache(
    ZAAKTYPEN,
    lambda: {zaaktype.uuid: zaaktype for zaaktype in ZaakType.objects.filter(concept=False)},
)


def published_zaaktype(uuid: UUID) -> ZaakType | None:
    """The published zaaktype with this uuid from the per-process cache (a copy of its own,
    with no related objects loaded), or None: a concept or unknown one is read from the
    database by the caller."""
    found = _PUBLISHED.get().get(uuid)
    return copy.copy(found) if found is not None else None


# --- many objects at once (for API lists) -------------------------------------------


def catalogus_id_of(obj: Model) -> int:
    """The catalogus an object of any Catalogi type belongs to."""
    if hasattr(obj, "catalogus_id"):
        return int(obj.catalogus_id)
    zaaktype = getattr(obj, "zaaktype", None)
    if zaaktype is not None:
        return int(zaaktype.catalogus_id)
    return int(obj.pk)  # a catalogus


class CatalogusIndex:
    """The versions of the types of some catalogi, loaded at most once per kind.

    ``prime`` announces the catalogi a page needs; the first lookup of a kind loads that
    kind for all of them in one query.
    """

    def __init__(self) -> None:
        self._wanted: set[int] = set()
        self._loaded: dict[str, set[int]] = defaultdict(set)
        self._rows: dict[str, dict[int, list[Any]]] = defaultdict(lambda: defaultdict(list))

    def prime(self, catalogus_ids: Iterable[int]) -> None:
        self._wanted |= set(catalogus_ids)

    def _load(self, kind: str, catalogus_id: int) -> list[Any]:
        if catalogus_id not in self._loaded[kind]:
            ids = (self._wanted | {catalogus_id}) - self._loaded[kind]
            for row, owner in _LOADERS[kind](ids):
                self._rows[kind][owner].append(row)
            self._loaded[kind] |= ids
        return self._rows[kind][catalogus_id]

    def versions(
        self, kind: str, catalogus_id: int, attr: str, keys: Iterable[str], holder: Geldig
    ) -> list[Any]:
        """Versions of ``kind`` whose ``attr`` is one of ``keys`` and that overlap ``holder``."""
        wanted = set(keys)
        return [
            row
            for row in self._load(kind, catalogus_id)
            if getattr(row, attr) in wanted and overlaps(row, holder)
        ]

    def zaaktypen_with_ziot(self, informatieobjecttype: InformatieObjectType) -> list[ZaakType]:
        """Zaaktype versions that name this informatieobjecttype in a ZIOT and overlap it."""
        catalogus_id = informatieobjecttype.catalogus_id
        ids = {
            ziot.zaaktype_id
            for ziot in self._load("ziot", catalogus_id)
            if ziot.informatieobjecttype == informatieobjecttype.omschrijving
        }
        return [
            zaaktype
            for zaaktype in self._load("zaaktype", catalogus_id)
            if zaaktype.pk in ids and overlaps(zaaktype, informatieobjecttype)
        ]

    def naming(
        self, kind: str, catalogus_id: int, attr: str, key: str, holder: Geldig
    ) -> list[Any]:
        """Objects of ``kind`` whose list attribute ``attr`` contains ``key``, overlapping."""
        return [
            row
            for row in self._load(kind, catalogus_id)
            if key in (getattr(row, attr) or []) and overlaps(_geldig(row), holder)
        ]


def _geldig(row: Any) -> Geldig:
    return row.zaaktype if isinstance(row, ResultaatType) else row


def _zaaktypen(ids: set[int]) -> Iterable[tuple[Any, int]]:
    rows = ZaakType.objects.filter(catalogus_id__in=ids).only(
        "uuid",
        "catalogus_id",
        "identificatie",
        "begin_geldigheid",
        "einde_geldigheid",
        "concept",
        "besluittypen",
    )
    return ((row, row.catalogus_id) for row in rows.order_by("pk"))


def _besluittypen(ids: set[int]) -> Iterable[tuple[Any, int]]:
    rows = BesluitType.objects.filter(catalogus_id__in=ids).only(
        "uuid",
        "catalogus_id",
        "omschrijving",
        "begin_geldigheid",
        "einde_geldigheid",
        "concept",
        "informatieobjecttypen",
    )
    return ((row, row.catalogus_id) for row in rows.order_by("pk"))


def _informatieobjecttypen(ids: set[int]) -> Iterable[tuple[Any, int]]:
    rows = InformatieObjectType.objects.filter(catalogus_id__in=ids).only(
        "uuid", "catalogus_id", "omschrijving", "begin_geldigheid", "einde_geldigheid", "concept"
    )
    return ((row, row.catalogus_id) for row in rows.order_by("pk"))


@dataclass(frozen=True)
class _Ziot:
    zaaktype_id: int
    informatieobjecttype: str


def _ziots(ids: set[int]) -> Iterable[tuple[Any, int]]:
    rows = ZaakTypeInformatieObjectType.objects.filter(zaaktype__catalogus_id__in=ids)
    return (
        (_Ziot(zaaktype_id, omschrijving), catalogus_id)
        for zaaktype_id, omschrijving, catalogus_id in rows.values_list(
            "zaaktype_id", "informatieobjecttype", "zaaktype__catalogus_id"
        )
    )


def _resultaattypen(ids: set[int]) -> Iterable[tuple[Any, int]]:
    rows = (
        ResultaatType.objects.filter(zaaktype__catalogus_id__in=ids)
        .select_related("zaaktype")
        .only(
            "uuid",
            "omschrijving",
            "besluittypen",
            "zaaktype__catalogus",
            "zaaktype__begin_geldigheid",
            "zaaktype__einde_geldigheid",
        )
        .order_by("pk")
    )
    return ((row, row.zaaktype.catalogus_id) for row in rows)


_LOADERS = {
    "zaaktype": _zaaktypen,
    "besluittype": _besluittypen,
    "informatieobjecttype": _informatieobjecttypen,
    "ziot": _ziots,
    "resultaattype": _resultaattypen,
}


# Published informatieobjecttypen per process: the zaak page asks on every view which type a
# citizen's upload would get. Published versions are frozen; any save or delete of an
# informatieobjecttype moves this generation (apps.py).
INFORMATIEOBJECTTYPEN = "informatieobjecttypen"
_PUBLISHED_DOCUMENT_TYPES: ProcessCacheMap[tuple[int, str], list[InformatieObjectType]] = (
    ProcessCacheMap(
        INFORMATIEOBJECTTYPEN,
        lambda key: list(
            InformatieObjectType.objects.filter(
                catalogus_id=key[0], omschrijving=key[1], concept=False
            ).order_by("-begin_geldigheid", "-pk")
        ),
    )
)


def published_informatieobjecttype(
    catalogus_id: int, omschrijving: str, on: date
) -> InformatieObjectType | None:
    """The published version with this omschrijving in this catalogus that is geldig on
    ``on`` (the one that began last), from the per-process cache (a copy of its own), or
    None."""
    for version in _PUBLISHED_DOCUMENT_TYPES.get((catalogus_id, omschrijving)):
        ended = version.einde_geldigheid is not None and version.einde_geldigheid < on
        if version.begin_geldigheid <= on and not ended:
            return copy.copy(version)
    return None
