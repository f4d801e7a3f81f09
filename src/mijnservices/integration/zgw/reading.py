"""Reading a zaak at a source for the projection (decision 0029): the party's zaken with
``expand`` when the source offers it, and per zaak only what the expand did not bring.

HTTP only; nothing here writes."""

from __future__ import annotations

from dataclasses import dataclass, field
from typing import Any

from mijnservices.integration.zgw.client import SourceAnswered, ZgwReader
from mijnservices.integration.zgw.documents import DocumentsAtSource, documents_read
from mijnservices.integration.zgw.models import ZgwSource
from mijnservices.registrations.zaken.parties import PARTY_ROLES

# Zaken 1.x query parameters that find a party's zaken through its rollen.
PARTY_FILTERS = {
    "bsn": "rol__betrokkeneIdentificatie__natuurlijkPersoon__inpBsn",
    "kvk": "rol__betrokkeneIdentificatie__nietNatuurlijkPersoon__annIdentificatie",
}


# Zaken 1.5+: the list brings each zaak's party rollen, status, resultaat and documents along.
EXPAND = "rollen,status,resultaat,zaakinformatieobjecten"
# Sources that refused ``expand`` (older Zaken APIs): asked without it from then on.
_NO_EXPAND: set[str] = set()


@dataclass
class ZaakAtSource:
    """Everything read of one zaak, before anything is written."""

    url: str
    data: dict[str, Any]
    rollen: list[dict[str, Any]]
    statussen: list[dict[str, Any]]
    resultaat: dict[str, Any] | None
    documents: DocumentsAtSource | None = None


def _snake(name: str) -> str:
    return "".join(f"_{c.lower()}" if c.isupper() else c for c in name)


def identification(data: dict[str, Any]) -> dict[str, Any]:
    """A betrokkeneIdentificatie in our services' shape (snake_case keys); a KvK-nummer given
    as ``annIdentificatie`` (Zaken before 1.5 has no kvkNummer filter) is kept as one."""
    found = {_snake(key): value for key, value in (data or {}).items() if value}
    if "kvk_nummer" not in found and found.get("ann_identificatie"):
        found["kvk_nummer"] = found["ann_identificatie"]
    found.pop("sub_verblijf_buitenland", None)
    found.pop("verblijfsadres", None)
    return found


@dataclass
class KnownTypes:
    """What a sync learned once of the zaaktypen, so that no zaak asks it again."""

    besluittypen: dict[str, str] = field(default_factory=dict)  # URL → omschrijving
    # Zaaktypen that name no besluittype: their zaken cannot have a besluit (brc).
    without_besluiten: set[str] = field(default_factory=set)
    # Statustypen that are the first step of their zaaktype.
    first_steps: set[str] = field(default_factory=set)


def zaak_read(
    reader: ZgwReader,
    url: str,
    data: dict[str, Any] | None = None,
    known: KnownTypes | None = None,
) -> ZaakAtSource:
    """Everything of one zaak; what an ``expand`` already brought is not asked again. With
    ``known`` (a login sync): a zaak at its first step has one status, which the expand
    brought; a zaak of a zaaktype without besluittypen has no besluiten. (A notificatie and
    the reconciliation read everything.)"""
    known = known or KnownTypes()
    root = reader.root("zaken")
    data = data if data is not None else reader.get(url)
    expanded = data.get("_expand")
    expanded = expanded if isinstance(expanded, dict) else {}
    all_rollen = expanded.get("rollen")
    if not isinstance(all_rollen, list):
        all_rollen = list(reader.get_all(root + "rollen", {"zaak": url}))
    rollen = [rol for rol in all_rollen if rol.get("omschrijvingGeneriek") in PARTY_ROLES]
    status = expanded.get("status")
    if isinstance(status, dict) and str(status.get("statustype")) in known.first_steps:
        statussen = [status]
    else:
        statussen = list(reader.get_all(root + "statussen", {"zaak": url}))
    resultaat_url = str(data.get("resultaat") or "")
    resultaat = expanded.get("resultaat")
    if resultaat_url and not isinstance(resultaat, dict):
        resultaat = reader.get(resultaat_url)
    links = expanded.get("zaakinformatieobjecten")
    documents = documents_read(
        reader,
        url,
        links if isinstance(links, list) else None,
        known.besluittypen,
        besluiten=str(data.get("zaaktype")) not in known.without_besluiten,
    )
    return ZaakAtSource(url, data, rollen, statussen, resultaat or None, documents)


def zaken_list(
    source: ZgwSource, reader: ZgwReader, params: dict[str, str]
) -> list[dict[str, Any]]:
    """The party's zaken, with ``expand`` when the source offers it (one call instead of
    three or four per zaak); a source that refuses it is asked without from then on."""
    url = reader.root("zaken") + "zaken"
    if source.zaken_api not in _NO_EXPAND:
        try:
            return list(reader.get_all(url, {**params, "expand": EXPAND}))
        except SourceAnswered as exc:
            if exc.status != 400:
                raise
            _NO_EXPAND.add(source.zaken_api)
    return list(reader.get_all(url, params))
