"""Whom a read through the Zaken API concerns (the API base logs it, decision 0034): the
persons and businesses of the zaken and rollen read, or that ``expand`` brought into the
response. One SELECT (the rollen of the zaken concerned) per request, whatever the page
size; the log itself is one INSERT statement (two on SQLite, decision 0035).

The Documenten and Besluiten APIs name the persons of the zaak a document or besluit
belongs to through :func:`persons_of_zaken` and :func:`persons_of_documents` (one SELECT)."""

from __future__ import annotations

from collections.abc import Collection, Mapping, Sequence
from typing import Any

from django.db.models import Q

from mijnservices.core.identity import Party
from mijnservices.registrations.zaken.models import Rol

DOEL = "Zaakgegevens gebruiken in een zaaksysteem of taakapplicatie (Zaken API)"


def _parties(rows: Sequence[tuple[str, str]]) -> list[Party]:
    found: dict[tuple[str, str], Party] = {}
    for bsn, kvk in rows:
        if bsn:
            found[("bsn", bsn)] = Party(kind="bsn", identifier=bsn)
        if kvk:
            found[("kvk", kvk)] = Party(kind="kvk", identifier=kvk)
    return list(found.values())


def persons_of_zaken(zaak_ids: Collection[int]) -> list[Party]:
    """The persons and businesses in the rollen of these zaken (one SELECT, none if empty)."""
    if not zaak_ids:
        return []
    return _parties(
        list(Rol.objects.filter(zaak_id__in=zaak_ids).values_list("inp_bsn", "kvk_nummer"))
    )


def persons_of_documents(urls: Collection[str]) -> list[Party]:
    """The persons of the zaken these documents (by URL) belong to, directly or through a
    besluit of the zaak (one SELECT)."""
    if not urls:
        return []
    rows = (
        Rol.objects.filter(
            Q(zaak__zaakinformatieobjecten__informatieobject__in=urls)
            | Q(zaak__besluiten__besluitinformatieobjecten__informatieobject__in=urls)
        )
        .values_list("inp_bsn", "kvk_nummer")
        .distinct()
    )
    return _parties(list(rows))


def persons_read(
    kind: str,
    objects: Sequence[Any],
    expanded: Mapping[str, Sequence[Any]],
    *,
    known: Mapping[int, Sequence[tuple[str, str]]] | None = None,
) -> list[Party]:
    """The persons a read of ``objects`` (of ``kind``) concerns: those of the rollen read or
    expanded and of the zaken read or expanded (``expanded``: the objects ``expand`` added
    to the response, per kind). One SELECT when zaken are involved whose rollen' (BSN,
    KvK-nummer) are not ``known`` (per zaak pk; the lean read path has them already)."""
    rollen = list(expanded.get("rol", ()))
    zaak_ids = {zaak.pk for zaak in expanded.get("zaak", ())}
    if kind == "rol":
        rollen.extend(objects)
    elif kind == "zaak":
        zaak_ids |= {zaak.pk for zaak in objects}
    rows = [(rol.inp_bsn, rol.kvk_nummer) for rol in rollen]
    known = known or {}
    for pk in sorted(zaak_ids & known.keys()):
        rows += known[pk]
    zaak_ids -= known.keys()
    if zaak_ids:
        rows += Rol.objects.filter(zaak_id__in=zaak_ids).values_list("inp_bsn", "kvk_nummer")
    return _parties(rows)
