# ruff: noqa: S608 - table and column names come from the models, values are parameters
"""The lean read path of the zaak list, detail and ``_zoek`` (decision 0039).

``ZaakSerializer`` builds about 45 fields per zaak per request, resolves a URL per link and
needs model instances with five prefetches. Here a zaak is one row of ``.values()`` (the
main query: the zaak's own table only, since PostgreSQL spent 2 ms planning the four joins
for the UUIDs of zaaktype, hoofdzaak, status and resultaat — decision 0044), the links of
its children and those four UUIDs come from one ``UNION ALL`` query for the whole page, and
the links are f-strings around per-process templates (:mod:`mijnservices.api.links`). The result is
the serializer's representation, key for key and value for value: a test compares both
for zaken with every optional part (``tests/test_api_lean.py``), and a row whose stored
JSON the serializer would treat in any other way than the plain one is represented by
the serializer itself.

The rollen query also yields the BSN and KvK-nummer of each rol, so the personal-data read
log needs no query of its own for the zaken read.
"""

from __future__ import annotations

from collections.abc import Callable, Sequence
from functools import cache, lru_cache
from typing import Any
from uuid import UUID

from django.db import connection
from django.db.models import QuerySet
from django.db.models.query import ValuesIterable
from django.utils.encoding import force_str
from rest_framework import serializers

from mijnservices.api.links import Links
from mijnservices.registrations.catalogi.models import ZaakType
from mijnservices.registrations.zaken.models import (
    Betalingsindicatie,
    Resultaat,
    Rol,
    Status,
    Zaak,
    ZaakEigenschap,
    ZaakInformatieObject,
    ZaakObject,
)

VALUES = (
    "pk",
    "uuid",
    "identificatie",
    "bronorganisatie",
    "omschrijving",
    "toelichting",
    "zaaktype_id",
    "registratiedatum",
    "verantwoordelijke_organisatie",
    "startdatum",
    "einddatum",
    "einddatum_gepland",
    "uiterlijke_einddatum_afdoening",
    "publicatiedatum",
    "communicatiekanaal",
    "producten_of_diensten",
    "vertrouwelijkheidaanduiding",
    "betalingsindicatie",
    "laatste_betaaldatum",
    "zaakgeometrie",
    "verlenging",
    "opschorting",
    "selectielijstklasse",
    "hoofdzaak_id",
    "relevante_andere_zaken",
    "status_id",
    "kenmerken",
    "archiefnominatie",
    "archiefstatus",
    "archiefactiedatum",
    "opdrachtgevende_organisatie",
    "processobjectaard",
    "startdatum_bewaartermijn",
    "processobject",
)

# The children a zaak links to, in the order of the UNION: (key, model, column of the zaak).
CHILDREN: tuple[tuple[str, type[Any], str], ...] = (
    ("deelzaken", Zaak, "hoofdzaak_id"),
    ("rollen", Rol, "zaak_id"),
    ("eigenschappen", ZaakEigenschap, "zaak_id"),
    ("zaakinformatieobjecten", ZaakInformatieObject, "zaak_id"),
    ("zaakobjecten", ZaakObject, "zaak_id"),
)
ROLLEN = 1  # the index of "rollen" in CHILDREN
# What a new zaak's representation reads besides: the relation of each (and its resultaat).
RELATION = {"eigenschappen": "zaakeigenschappen"}
WITH_RESULTAAT: tuple[tuple[str, type[Any], str], ...] = (
    *CHILDREN,
    ("resultaat", Resultaat, "zaak_id"),
)

# What a zaak row names by its own columns, read with the children (one UUID or none each):
# (key, model, the model's column matched, the row's column).
REFERENCES: tuple[tuple[str, type[Any], str, str], ...] = (
    ("zaaktype", ZaakType, "id", "zaaktype_id"),
    ("hoofdzaak", Zaak, "id", "hoofdzaak_id"),
    ("status", Status, "id", "status_id"),
    ("resultaat", Resultaat, "zaak_id", "pk"),
)

BETALINGSINDICATIE = dict(Betalingsindicatie.choices)
# A DRF field kept per process, for the one value whose representation depends on the
# current time zone (laatste_betaaldatum); its to_representation is what the serializer calls.
_DATETIME = serializers.DateTimeField()


class ZaakRow(dict[str, Any]):
    """A zaak as a ``.values()`` row that also answers attributes (``row.pk``,
    ``row.uuid``, ``row.status_id``), as ``expand`` and the read log ask of a zaak."""

    __slots__ = ()

    def __getattr__(self, name: str) -> Any:
        try:
            return self[name]
        except KeyError:
            raise AttributeError(name) from None


class _RowIterable(ValuesIterable):
    def __iter__(self) -> Any:
        for row in super().__iter__():
            yield ZaakRow(row)


def zaak_rows(queryset: QuerySet[Zaak] | None = None) -> QuerySet[Any]:
    """``queryset`` (default: every zaak; unscoped, unfiltered) as :class:`ZaakRow` rows
    ordered by pk."""
    if queryset is None:  # a clone of the per-process template: no field lookups again
        return _all_rows().all()
    rows = queryset.order_by("pk").values(*VALUES)
    rows._iterable_class = _RowIterable  # as values_list(named=True) sets its own
    return rows


@cache
def _all_rows() -> QuerySet[Any]:
    return zaak_rows(Zaak.objects.all())  # never evaluated itself: callers get clones


Children = dict[int, dict[str, Any]]


def children(
    zaak_ids: Sequence[int],
    kinds: tuple[tuple[str, type[Any], str], ...] = CHILDREN,
    rows: Sequence[ZaakRow] = (),
) -> tuple[Children, dict[int, list[tuple[str, str]]]]:
    """The UUIDs of the children of these zaken per zaak and kind (by pk, as the
    serializer's prefetches order them), the UUID (or None) of what each of ``rows`` names
    in :data:`REFERENCES`, and the (BSN, KvK-nummer) of each zaak's rollen. One query."""
    found: Children = {pk: {key: [] for key, _, _ in kinds} for pk in zaak_ids}
    parties: dict[int, list[tuple[str, str]]] = {pk: [] for pk in zaak_ids}
    if not zaak_ids:
        return found, parties
    params: list[Any] = []
    for _ in kinds:
        params.extend(zaak_ids)
    counts: list[int] = []
    for _, _, _, own in REFERENCES:
        ids = sorted({row[own] for row in rows if row[own] is not None})
        counts.append(len(ids))
        params.extend(ids)
    sql = _children_sql(kinds, len(zaak_ids), tuple(counts), connection.vendor)
    with connection.cursor() as cursor:
        cursor.execute(sql, params)
        fetched = cursor.fetchall()
    named: list[dict[Any, UUID]] = [{} for _ in REFERENCES]
    for index, key, _pk, uuid, bsn, kvk in fetched:
        uuid = uuid if isinstance(uuid, UUID) else UUID(uuid)
        if index >= len(kinds):
            named[index - len(kinds)][key] = uuid
            continue
        found[key][kinds[index][0]].append(uuid)
        if index == ROLLEN:
            parties[key].append((bsn, kvk))
    for row in rows:
        linked = found[row["pk"]]
        for (name, _, _, own), uuids in zip(REFERENCES, named, strict=True):
            linked[name] = uuids.get(row[own])
    return found, parties


@lru_cache(maxsize=256)
def _children_sql(
    kinds: tuple[tuple[str, type[Any], str], ...],
    count: int,
    references: tuple[int, ...],
    vendor: str,
) -> str:
    """The UNION of :func:`children` for ``count`` zaken and ``references`` ids of each
    reference: the same text for every page of that size, built once per process."""
    quote = connection.ops.quote_name

    def select(index: int, model: type[Any], column: str, ids: int, extra: str) -> str:
        return (
            f"SELECT {index}, {quote(column)}, {quote(model._meta.pk.column)}, "
            f"{quote('uuid')}, {extra} FROM {quote(model._meta.db_table)} "
            f"WHERE {quote(column)} IN ({', '.join(['%s'] * ids)})"
        )

    selects = [
        select(index, model, column, count, "inp_bsn, kvk_nummer" if index == ROLLEN else "'', ''")
        for index, (_, model, column) in enumerate(kinds)
    ]
    selects += [
        select(len(kinds) + offset, model, column, ids, "'', ''")
        for offset, ((_, model, column, _), ids) in enumerate(
            zip(REFERENCES, references, strict=True)
        )
        if ids
    ]
    return " UNION ALL ".join(selects) + " ORDER BY 1, 3"


def prefetch_empty_children(zaak: Zaak) -> None:
    """Tell ``zaak`` which of its relations the serializer reads are empty (a new zaak's
    are), from one query instead of one per relation; the others it reads as before.

    What ``prefetch_related_objects`` would store for a relation without rows, without its
    cost (it compiles a query per relation even for ``none()``): an evaluated empty queryset
    in the prefetch cache of each reverse foreign key, ``None`` in the cache of the reverse
    one-to-one (``resultaat``)."""
    linked, _ = children([zaak.pk], WITH_RESULTAAT)
    cache = zaak.__dict__.setdefault("_prefetched_objects_cache", {})
    for key, model, _ in WITH_RESULTAAT:
        if linked[zaak.pk][key]:
            continue
        relation = RELATION.get(key, key)
        if key == "resultaat":
            Zaak._meta.get_field("resultaat").set_cached_value(zaak, None)  # type: ignore[attr-defined]
            continue
        empty = model._default_manager.none()
        empty._result_cache = []
        empty._prefetch_done = True
        cache[Zaak._meta.get_field(relation).cache_name] = empty  # type: ignore[union-attr]


class Fallback(Exception):
    """A row the serializer would represent in another way than the plain one."""


def _date(value: Any) -> Any:
    return value.isoformat() if value else None


def _text(value: Any) -> str | None:
    """A stored JSON member of a text or choice field: as it is (``str()`` of a text is
    itself); anything else the serializer's fields convert in their own ways."""
    if value is None or isinstance(value, str):
        return value
    raise Fallback


def _group(value: Any, names: tuple[str, ...]) -> dict[str, Any] | None:
    """A JSON group of text members, as the nested serializer represents it."""
    if value is None:
        return None
    if not isinstance(value, dict) or any(name not in value for name in names):
        raise Fallback
    return {name: _text(value[name]) for name in names}


def _groups(value: Any, names: tuple[str, ...]) -> list[dict[str, Any] | None]:
    if not isinstance(value, list) or not all(isinstance(item, dict) for item in value):
        raise Fallback
    return [_group(item, names) for item in value]


def _text_list(value: Any) -> list[str | None]:
    if not isinstance(value, list):
        raise Fallback
    return [_text(item) for item in value]


def _opschorting(value: Any) -> dict[str, Any]:
    if value is None:
        return {"indicatie": False, "reden": ""}
    if not isinstance(value, dict) or "indicatie" not in value or "reden" not in value:
        raise Fallback
    indicatie = value["indicatie"]
    if not isinstance(indicatie, bool):  # BooleanField's own coercions: leave them to it
        raise Fallback
    return {"indicatie": indicatie, "reden": _text(value["reden"])}


EMPTY_PROCESSOBJECT = ("datumkenmerk", "identificatie", "objecttype", "registratie")


class Representer:
    """Represents rows of one request; build once per request (the link makers hold the
    request's scheme and host)."""

    def __init__(self, links: Links) -> None:
        self.zaak = links.detail("zaken:zaak-detail")
        self.zaaktype = links.detail("catalogi:zaaktype-detail")
        self.status = links.detail("zaken:status-detail")
        self.resultaat = links.detail("zaken:resultaat-detail")
        self.rol = links.detail("zaken:rol-detail")
        self.zaakobject = links.detail("zaken:zaakobject-detail")
        self.zio = links.detail("zaken:zaakinformatieobject-detail")
        self.eigenschap = links.nested("zaken:zaakeigenschap-detail", "zaak_uuid", "uuid")

    def represent(self, row: ZaakRow, linked: dict[str, Any]) -> dict[str, Any]:
        """``ZaakSerializer(zaak).data`` for the zaak of ``row`` with children ``linked``;
        raises :class:`Fallback` for stored JSON outside the plain shapes."""
        uuid = row["uuid"]
        zaak_url = self.zaak
        data: dict[str, Any] = {
            "url": zaak_url(uuid),
            "uuid": str(uuid),
            "identificatie": row["identificatie"],
            "bronorganisatie": row["bronorganisatie"],
            "omschrijving": row["omschrijving"],
            "toelichting": row["toelichting"],
            "zaaktype": self.zaaktype(linked["zaaktype"]),
            "registratiedatum": _date(row["registratiedatum"]),
            "verantwoordelijke_organisatie": row["verantwoordelijke_organisatie"],
            "startdatum": _date(row["startdatum"]),
            "einddatum": _date(row["einddatum"]),
            "einddatum_gepland": _date(row["einddatum_gepland"]),
            "uiterlijke_einddatum_afdoening": _date(row["uiterlijke_einddatum_afdoening"]),
            "publicatiedatum": _date(row["publicatiedatum"]),
        }
        # Optional URI attributes: "" is not a URI, so an empty one is left out.
        if row["communicatiekanaal"] not in (None, ""):
            data["communicatiekanaal"] = row["communicatiekanaal"]
        betaling = row["betalingsindicatie"]
        betaald = row["laatste_betaaldatum"]
        data.update(
            producten_of_diensten=_text_list(row["producten_of_diensten"]),
            vertrouwelijkheidaanduiding=row["vertrouwelijkheidaanduiding"],
            betalingsindicatie=betaling,
            betalingsindicatie_weergave=force_str(BETALINGSINDICATIE.get(betaling, betaling)),
            laatste_betaaldatum=None if betaald is None else _DATETIME.to_representation(betaald),
        )
        if row["zaakgeometrie"] not in (None, ""):
            data["zaakgeometrie"] = row["zaakgeometrie"]
        data["verlenging"] = _group(row["verlenging"], ("reden", "duur"))
        data["opschorting"] = _opschorting(row["opschorting"])
        if row["selectielijstklasse"] not in (None, ""):
            data["selectielijstklasse"] = row["selectielijstklasse"]
        hoofdzaak = linked["hoofdzaak"]
        status = linked["status"]
        resultaat = linked["resultaat"]
        rol, zio, zaakobject = self.rol, self.zio, self.zaakobject
        eigenschap = self.eigenschap
        processobject = _group(row["processobject"], EMPTY_PROCESSOBJECT)
        data.update(
            hoofdzaak=None if hoofdzaak is None else zaak_url(hoofdzaak),
            deelzaken=[zaak_url(u) for u in linked["deelzaken"]],
            relevante_andere_zaken=_groups(row["relevante_andere_zaken"], ("url", "aard_relatie")),
            eigenschappen=[eigenschap(uuid, u) for u in linked["eigenschappen"]],
            rollen=[rol(u) for u in linked["rollen"]],
            status=None if status is None else self.status(status),
            zaakinformatieobjecten=[zio(u) for u in linked["zaakinformatieobjecten"]],
            zaakobjecten=[zaakobject(u) for u in linked["zaakobjecten"]],
            kenmerken=_groups(row["kenmerken"], ("kenmerk", "bron")),
            archiefnominatie=row["archiefnominatie"] or None,
            archiefstatus=row["archiefstatus"],
            archiefactiedatum=_date(row["archiefactiedatum"]),
            resultaat=None if resultaat is None else self.resultaat(resultaat),
            opdrachtgevende_organisatie=row["opdrachtgevende_organisatie"],
            processobjectaard=row["processobjectaard"],
            startdatum_bewaartermijn=_date(row["startdatum_bewaartermijn"]),
            processobject=processobject
            if processobject is not None
            else dict.fromkeys(EMPTY_PROCESSOBJECT, ""),
        )
        return data


def represent_page(
    rows: Sequence[ZaakRow],
    *,
    links: Links,
    serialize: Callable[[list[Any]], list[Any]],
) -> tuple[list[Any], dict[int, list[tuple[str, str]]]]:
    """The representations of ``rows`` and the (BSN, KvK) of each zaak's rollen.
    ``serialize`` represents model instances the serializer's way, for a row that needs
    it (read again by pk with the serializer's own queryset)."""
    linked, parties = children([row["pk"] for row in rows], rows=rows)
    representer = Representer(links)
    data: list[Any] = []
    odd: dict[int, int] = {}
    for position, row in enumerate(rows):
        try:
            data.append(representer.represent(row, linked[row["pk"]]))
        except Fallback:
            odd[row["pk"]] = position
            data.append(None)
    if odd:
        from mijnservices.registrations.zaken.api import querysets

        zaken = list(querysets.zaken().filter(pk__in=odd))
        for zaak, item in zip(zaken, serialize(zaken), strict=True):
            data[odd[zaak.pk]] = item
    return data, parties
