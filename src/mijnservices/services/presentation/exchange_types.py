"""The document side of a catalogue file (decision 0036): informatieobjecttypen, besluittypen,
eigenschappen and zaaktype-informatieobjecttypen, as Open Zaak's export has them
(``InformatieObjectType.json``, ``BesluitType.json``, ``Eigenschap.json``,
``ZaakTypeInformatieObjectType.json``).

Relations in the file are URLs, as in the Catalogi API; here they are the version-independent
keys the catalogue stores (an informatieobjecttype's or besluittype's omschrijving). A type that
the target catalogus has already (same omschrijving) is used as it is, so importing a second
zaaktype that shares a document type does not fail on overlapping geldigheid.
"""

from __future__ import annotations

from collections.abc import Callable
from datetime import date
from typing import Any, TypeVar

from django.utils.translation import gettext as _

from mijnservices.registrations.catalogi import services as catalogi
from mijnservices.registrations.catalogi.models import (
    BesluitType,
    Catalogus,
    InformatieObjectType,
    StatusType,
    ZaakType,
)
from mijnservices.services.presentation.exchange_values import (
    URN,
    ImportRefused,
    ImportReport,
    convert,
    out,
    parse_date_value,
)

TYPE_FILES = (
    "InformatieObjectType",
    "BesluitType",
    "Eigenschap",
    "ZaakTypeInformatieObjectType",
)
IOT_ATTRS = (
    ("vertrouwelijkheidaanduiding", "vertrouwelijkheidaanduiding", "text"),
    ("informatieobjectcategorie", "informatieobjectcategorie", "text"),
    ("trefwoord", "trefwoord", "list"),
    ("einde_geldigheid", "eindeGeldigheid", "date"),
)
BESLUITTYPE_ATTRS = (
    ("omschrijving_generiek", "omschrijvingGeneriek", "text"),
    ("besluitcategorie", "besluitcategorie", "text"),
    ("reactietermijn", "reactietermijn", "duration"),
    ("publicatie_indicatie", "publicatieIndicatie", "bool"),
    ("publicatietekst", "publicatietekst", "text"),
    ("publicatietermijn", "publicatietermijn", "duration"),
    ("toelichting", "toelichting", "text"),
    ("einde_geldigheid", "eindeGeldigheid", "date"),
)
SPECIFICATIE = ("groep", "formaat", "lengte", "kardinaliteit", "waardenverzameling")

Files = dict[str, list[dict[str, Any]]]
Typed = TypeVar("Typed", InformatieObjectType, BesluitType)


# --- export ------------------------------------------------------------------------------


def _latest(model: type[Typed], catalogus: Catalogus, names: set[str]) -> list[Typed]:
    """The newest version of each named type in the catalogus."""
    found: dict[str, Typed] = {}
    for obj in model.objects.filter(catalogus=catalogus, omschrijving__in=names).order_by(
        "begin_geldigheid", "pk"
    ):
        found[obj.omschrijving] = obj
    return [found[name] for name in sorted(found)]


def _url(kind: str, obj: Any) -> str:
    return URN.format(kind=kind, uuid=obj.uuid)


class TypeUrls:
    """The file's URL of each exported informatieobjecttype and besluittype, by key."""

    def __init__(self, iots: list[InformatieObjectType], besluittypen: list[BesluitType]) -> None:
        self.iot = {iot.omschrijving: _url("informatieobjecttype", iot) for iot in iots}
        self.besluittype = {b.omschrijving: _url("besluittype", b) for b in besluittypen}

    def iots(self, names: list[str]) -> list[str]:
        return [self.iot[name] for name in names if name in self.iot]

    def besluittypen(self, names: list[str]) -> list[str]:
        return [self.besluittype[name] for name in names if name in self.besluittype]


def document_types_export(
    zaaktype: ZaakType, zaaktype_url: str, statustype_urls: dict[int, str]
) -> tuple[Files, TypeUrls]:
    """The four files for one zaaktype (with the types it, its resultaattypen and its
    besluittypen name), and the URLs to relate to them."""
    ziots = list(
        zaaktype.zaaktype_informatieobjecttypen.select_related("statustype").order_by("volgnummer")
    )
    resultaattypen = list(zaaktype.resultaattypen.all())
    wanted = set(zaaktype.besluittypen)
    wanted.update(name for r in resultaattypen for name in r.besluittypen)
    besluittypen = _latest(BesluitType, zaaktype.catalogus, wanted)
    names = {z.informatieobjecttype for z in ziots}
    names.update(name for b in besluittypen for name in b.informatieobjecttypen)
    names.update(name for r in resultaattypen for name in r.informatieobjecttypen)
    if zaaktype.portaal_upload_informatieobjecttype:
        names.add(zaaktype.portaal_upload_informatieobjecttype)
    urls = TypeUrls(_latest(InformatieObjectType, zaaktype.catalogus, names), besluittypen)
    iot_url = urls.iot
    cat_url = URN.format(kind="catalogus", uuid=zaaktype.catalogus.uuid)

    def status_url(statustype: StatusType | None) -> str | None:
        return statustype_urls.get(statustype.pk) if statustype is not None else None

    files: Files = {
        "InformatieObjectType.json": [
            {
                "url": iot_url[iot.omschrijving],
                "catalogus": cat_url,
                "omschrijving": iot.omschrijving,
                "beginGeldigheid": iot.begin_geldigheid.isoformat(),
                "concept": iot.concept,
                **{api: out(getattr(iot, name), kind) for name, api, kind in IOT_ATTRS},
            }
            for iot in _latest(InformatieObjectType, zaaktype.catalogus, names)
        ],
        "BesluitType.json": [
            {
                "url": urls.besluittype[b.omschrijving],
                "catalogus": cat_url,
                "zaaktypen": [zaaktype_url],
                "omschrijving": b.omschrijving,
                "beginGeldigheid": b.begin_geldigheid.isoformat(),
                "concept": b.concept,
                "informatieobjecttypen": urls.iots(b.informatieobjecttypen),
                **{api: out(getattr(b, name), kind) for name, api, kind in BESLUITTYPE_ATTRS},
            }
            for b in besluittypen
        ],
        "Eigenschap.json": [
            {
                "url": _url("eigenschap", e),
                "zaaktype": zaaktype_url,
                "naam": e.naam,
                "definitie": e.definitie,
                "toelichting": e.toelichting,
                "statustype": status_url(e.statustype),
                "specificatie": {name: getattr(e, name) for name in SPECIFICATIE},
            }
            for e in zaaktype.eigenschappen.select_related("statustype").order_by("naam")
        ],
        "ZaakTypeInformatieObjectType.json": [
            {
                "url": _url("zaaktypeinformatieobjecttype", z),
                "zaaktype": zaaktype_url,
                "informatieobjecttype": iot_url.get(z.informatieobjecttype, z.informatieobjecttype),
                "volgnummer": z.volgnummer,
                "richting": z.richting,
                "statustype": status_url(z.statustype),
            }
            for z in ziots
        ],
    }
    return files, urls


# --- import ------------------------------------------------------------------------------


class TypeNames:
    """URL in the file → key in our catalogue, for informatieobjecttypen and besluittypen."""

    def __init__(self) -> None:
        self.by_url: dict[str, str] = {}

    def key(self, value: Any, where: str, problems: list[str]) -> str:
        text = str(value or "")
        if text in self.by_url:
            return self.by_url[text]
        if "://" in text or text.startswith("urn:"):
            problems.append(
                _("%(where)s refers to %(url)s, which is not in the file.")
                % {"where": where, "url": text}
            )
            return ""
        return text  # already a key (an omschrijving)

    def relations(
        self, item: dict[str, Any], attrs: tuple[str, ...], where: str, problems: list[str]
    ) -> dict[str, list[str]]:
        """The item's relation lists (URLs in the file) as lists of keys."""
        return {
            attr: [self.key(value, where, problems) for value in item.get(attr) or []]
            for attr in attrs
        }


def _known(
    model: type[InformatieObjectType | BesluitType],
    catalogus: Catalogus,
    omschrijving: str,
    report: ImportReport,
) -> bool:
    """Whether the catalogus has this type already (then it is used as it is)."""
    if not model.objects.filter(catalogus=catalogus, omschrijving=omschrijving).exists():
        return False
    report.skipped.append(
        _("%(kind)s %(name)s: used as it is in the catalogue already.")
        % {"kind": model.__name__.lower(), "name": omschrijving}
    )
    return True


def _created(kind: str, omschrijving: str, report: ImportReport) -> None:
    report.created.append(_("%(kind)s %(name)s.") % {"kind": kind, "name": omschrijving})


def _read_type(
    kind: str,
    item: dict[str, Any],
    attrs: tuple[tuple[str, str, str], ...],
    problems: list[str],
) -> tuple[str, date | None, dict[str, Any], str]:
    """A type item's omschrijving, beginGeldigheid, converted fields and where it is."""
    where = f"{kind} {item.get('omschrijving', '?')}"
    begin = parse_date_value(item.get("beginGeldigheid"), where, problems)
    fields = convert(item, attrs, where, problems)
    omschrijving = str(item.get("omschrijving") or "")[:80]
    if not omschrijving or begin is None:
        problems.append(_("%(where)s: omschrijving or beginGeldigheid is missing.")
                        % {"where": where})  # fmt: skip
    return omschrijving, begin, fields, where


def _iot_import(item: dict[str, Any], catalogus: Catalogus, report: ImportReport,
                problems: list[str]) -> None:  # fmt: skip
    omschrijving, begin, fields, _where = _read_type(
        "InformatieObjectType", item, IOT_ATTRS, problems
    )
    if problems or begin is None or _known(InformatieObjectType, catalogus, omschrijving, report):
        return
    fields.setdefault("vertrouwelijkheidaanduiding", "openbaar")
    iot = catalogi.informatieobjecttype_create(
        catalogus=catalogus, omschrijving=omschrijving, begin_geldigheid=begin, **fields
    )
    if item.get("concept") is False:
        catalogi.informatieobjecttype_publish(informatieobjecttype=iot)
    _created("informatieobjecttype", omschrijving, report)


def _besluittype_import(item: dict[str, Any], catalogus: Catalogus, names: TypeNames,
                        report: ImportReport, problems: list[str]) -> None:  # fmt: skip
    omschrijving, begin, fields, where = _read_type(
        "BesluitType", item, BESLUITTYPE_ATTRS, problems
    )
    linked = names.relations(item, ("informatieobjecttypen",), where, problems)
    if problems or begin is None or _known(BesluitType, catalogus, omschrijving, report):
        return
    besluittype = catalogi.besluittype_create(
        catalogus=catalogus,
        omschrijving=omschrijving,
        begin_geldigheid=begin,
        informatieobjecttypen=linked["informatieobjecttypen"],
        **fields,
    )
    if item.get("concept") is False:
        catalogi.besluittype_publish(besluittype=besluittype)
    _created("besluittype", omschrijving, report)


def document_types_import(
    data: Files, catalogus_for: Callable[[str], Catalogus], report: ImportReport
) -> TypeNames:
    """Create the file's informatieobjecttypen, then its besluittypen (which name them)."""
    names = TypeNames()
    for kind in ("InformatieObjectType", "BesluitType"):
        for item in data[f"{kind}.json"]:
            if item.get("url") and item.get("omschrijving"):
                names.by_url[str(item["url"])] = str(item["omschrijving"])[:80]
    problems: list[str] = []
    for item in data["InformatieObjectType.json"]:
        _iot_import(item, catalogus_for(str(item.get("catalogus", ""))), report, problems)
    for item in data["BesluitType.json"]:
        catalogus = catalogus_for(str(item.get("catalogus", "")))
        _besluittype_import(item, catalogus, names, report, problems)
    if problems:
        raise ImportRefused(problems)
    return names


def zaaktype_parts_import(
    data: Files,
    zaaktype: ZaakType,
    zaaktype_url: str,
    statustypen: dict[str, StatusType],
    names: TypeNames,
) -> None:
    """A concept zaaktype's eigenschappen and zaaktype-informatieobjecttypen (before it is
    published); ``statustypen`` maps the file's statustype URLs to the created ones."""
    problems: list[str] = []
    where = f"ZaakType {zaaktype.identificatie}"
    for item in data["Eigenschap.json"]:
        if item.get("zaaktype") != zaaktype_url:
            continue
        found = item.get("specificatie")
        spec: dict[str, Any] = found if isinstance(found, dict) else {}
        catalogi.eigenschap_create(
            zaaktype=zaaktype,
            naam=str(item.get("naam") or "")[:20],
            definitie=str(item.get("definitie") or "")[:255],
            toelichting=str(item.get("toelichting") or "")[:1000],
            statustype=statustypen.get(str(item.get("statustype"))),
            groep=str(spec.get("groep") or "")[:32],
            formaat=str(spec.get("formaat") or "tekst"),
            lengte=str(spec.get("lengte") or "255"),
            kardinaliteit=str(spec.get("kardinaliteit") or "1"),
            waardenverzameling=list(spec.get("waardenverzameling") or []),
        )
    for item in data["ZaakTypeInformatieObjectType.json"]:
        if item.get("zaaktype") != zaaktype_url:
            continue
        key = names.key(item.get("informatieobjecttype"), f"{where} ZaakTypeInformatieObjectType",
                        problems)  # fmt: skip
        if problems:
            raise ImportRefused(problems)
        catalogi.zaaktype_informatieobjecttype_create(
            zaaktype=zaaktype,
            informatieobjecttype=key,
            volgnummer=int(item.get("volgnummer") or 0),
            richting=str(item.get("richting") or "inkomend"),
            statustype=statustypen.get(str(item.get("statustype"))),
        )
