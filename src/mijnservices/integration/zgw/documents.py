"""Documents and besluiten of external zaken (decision 0029): their metadata is read with the
zaak and kept in ``ProjectedDocument`` and ``ProjectedBesluit``; the bytes stay at the source
and are streamed from it only when someone who may see the document downloads it.

They are not projected into the Documenten and Besluiten registrations: those keep the rules
of a registration of record (unique identificatie, locks, gebruiksrechten, a published
informatieobjecttype in our catalogue) that a copy without its bytes cannot meet, and keeping
them apart means our own Documenten and Besluiten APIs and notificaties need no exception.
"""

from __future__ import annotations

import base64
from collections.abc import Iterator
from dataclasses import dataclass, field
from datetime import date
from typing import Any

from django.utils import timezone
from django.utils.dateparse import parse_date

from mijnservices.integration.zgw.client import SourceError, SourceRefused, ZgwReader, ZgwWriter
from mijnservices.integration.zgw.models import ProjectedBesluit, ProjectedDocument, ZgwSource
from mijnservices.registrations.zaken.models import Zaak


@dataclass
class DocumentsAtSource:
    """What was read of a zaak's documents and besluiten, before anything is written."""

    # (informatieobject as the source answered it, URL of the besluit it records or "")
    documents: list[tuple[dict[str, Any], str]] = field(default_factory=list)
    besluiten: list[dict[str, Any]] = field(default_factory=list)


def has_api(reader: ZgwReader, api: str) -> bool:
    try:
        reader.root(api)
    except SourceRefused:
        return False
    return True


def _date(value: Any) -> date | None:
    return parse_date(str(value)[:10]) if value else None


def _document(reader: ZgwReader, url: str) -> dict[str, Any] | None:
    if not url or not reader.within_roots(url):
        return None  # a document elsewhere is not read (SSRF), and not shown
    data = reader.get(url)
    data.setdefault("url", url)
    return data


def documents_read(
    reader: ZgwReader,
    zaak_url: str,
    zaakinformatieobjecten: list[dict[str, Any]] | None = None,
    besluittypen: dict[str, str] | None = None,
    *,
    besluiten: bool = True,
) -> DocumentsAtSource | None:
    """Read a zaak's documents (when the source has a Documenten API) and besluiten (when it
    has a Besluiten API and ``besluiten``). ``zaakinformatieobjecten`` may come from an
    ``expand`` already; ``besluittypen`` caches besluittype URL → omschrijving across zaken.
    None: not read."""
    documenten = has_api(reader, "documenten")
    besluiten_api = besluiten and has_api(reader, "besluiten")
    if not documenten and not besluiten_api:
        return None
    read = DocumentsAtSource()
    seen: set[str] = set()
    if documenten:
        if zaakinformatieobjecten is None:
            zaakinformatieobjecten = list(
                reader.get_all(reader.root("zaken") + "zaakinformatieobjecten", {"zaak": zaak_url})
            )
        for link in zaakinformatieobjecten:
            url = str(link.get("informatieobject") or "")
            data = None if url in seen else _document(reader, url)
            if data is not None:
                seen.add(url)
                read.documents.append((data, ""))
    if besluiten_api:
        cache = besluittypen if besluittypen is not None else {}
        root = reader.root("besluiten")
        for besluit in reader.get_all(root + "besluiten", {"zaak": zaak_url}):
            typ = str(besluit.get("besluittype") or "")
            if typ not in cache and reader.within_roots(typ):
                cache[typ] = str(reader.get(typ).get("omschrijving") or "")
            besluit["_omschrijving"] = cache.get(typ, "")
            read.besluiten.append(besluit)
            if not documenten:
                continue
            links = reader.get_all(root + "besluitinformatieobjecten", {"besluit": besluit["url"]})
            for link in links:
                url = str(link.get("informatieobject") or "")
                data = None if url in seen else _document(reader, url)
                if data is not None:
                    seen.add(url)
                    read.documents.append((data, str(besluit["url"])))
    return read


def _besluit_fields(data: dict[str, Any]) -> dict[str, Any]:
    datum = _date(data.get("datum")) or timezone.localdate()
    return {
        "datum": datum,
        "omschrijving": str(data.get("_omschrijving") or "")[:80],
        "toelichting": str(data.get("toelichting") or ""),
        "ingangsdatum": _date(data.get("ingangsdatum")) or datum,
        "vervaldatum": _date(data.get("vervaldatum")),
    }


def _assign(row: Any, values: dict[str, Any]) -> bool:
    """Set ``values`` on ``row``; whether anything changed."""
    changed = [name for name, value in values.items() if getattr(row, name) != value]
    for name in changed:
        setattr(row, name, values[name])
    return bool(changed)


def documents_project(
    *, source: ZgwSource, items: list[tuple[Zaak, DocumentsAtSource | None]]
) -> None:
    """Bring the zaken's projected besluiten and documents in line with what was read, in a
    few statements for all of them (in the caller's transaction). Nothing read for a zaak:
    its last state stays. Unchanged rows are not written."""
    items = [(zaak, read) for zaak, read in items if read is not None]
    if not items:
        return
    ids = [zaak.pk for zaak, _ in items]
    besluiten_now = {
        (b.zaak_id, b.url): b for b in ProjectedBesluit.objects.filter(zaak_id__in=ids)
    }
    documents_now = {
        (d.zaak_id, d.url): d for d in ProjectedDocument.objects.filter(zaak_id__in=ids)
    }
    besluiten: dict[tuple[int, str], ProjectedBesluit] = {}
    new_besluiten: list[ProjectedBesluit] = []
    changed_besluiten: list[ProjectedBesluit] = []
    for zaak, read in items:
        for data in read.besluiten:  # type: ignore[union-attr]
            key = (zaak.pk, str(data.get("url") or ""))
            values = {"source_id": source.pk, **_besluit_fields(data)}
            row = besluiten_now.get(key)
            if row is None:
                row = ProjectedBesluit(zaak=zaak, url=key[1], **values)
                new_besluiten.append(row)
            elif _assign(row, values):
                changed_besluiten.append(row)
            besluiten[key] = row
    ProjectedBesluit.objects.bulk_create(new_besluiten)
    if changed_besluiten:
        ProjectedBesluit.objects.bulk_update(changed_besluiten, ["source", *BESLUIT_FIELDS])
    kept: set[tuple[int, str]] = set()
    new_documents: list[ProjectedDocument] = []
    changed_documents: list[ProjectedDocument] = []
    for zaak, read in items:
        for data, besluit_url in read.documents:  # type: ignore[union-attr]
            key = (zaak.pk, str(data["url"]))
            besluit = besluiten.get((zaak.pk, besluit_url))
            values = {
                "source_id": source.pk,
                "besluit_id": besluit.pk if besluit else None,
                **_fields(data),
            }
            if key in kept:
                continue
            kept.add(key)
            document = documents_now.get(key)
            if document is None:
                new_documents.append(ProjectedDocument(zaak=zaak, url=key[1], **values))
            elif _assign(document, values):
                changed_documents.append(document)
    ProjectedDocument.objects.bulk_create(new_documents)
    if changed_documents:
        ProjectedDocument.objects.bulk_update(
            changed_documents, ["source", "besluit", *DOCUMENT_FIELDS]
        )
    # Documents first: a besluit that is gone takes its documents with it (cascade).
    gone = [row.pk for key, row in documents_now.items() if key not in kept]
    if gone:
        ProjectedDocument.objects.filter(pk__in=gone).delete()
    gone = [row.pk for key, row in besluiten_now.items() if key not in besluiten]
    if gone:
        ProjectedBesluit.objects.filter(pk__in=gone).delete()


BESLUIT_FIELDS = ["datum", "omschrijving", "toelichting", "ingangsdatum", "vervaldatum"]
DOCUMENT_FIELDS = ["titel", "bestandsnaam", "formaat", "bestandsomvang", "status",
                   "vertrouwelijkheidaanduiding", "datum", "has_content"]  # fmt: skip


def _fields(data: dict[str, Any]) -> dict[str, Any]:
    return {
        "titel": str(data.get("titel") or "")[:200],
        "bestandsnaam": str(data.get("bestandsnaam") or "")[:255],
        "formaat": str(data.get("formaat") or "")[:255],
        "bestandsomvang": data.get("bestandsomvang"),
        "status": str(data.get("status") or "")[:20],
        "vertrouwelijkheidaanduiding": str(data.get("vertrouwelijkheidaanduiding") or "")[:20],
        "datum": _date(data.get("ontvangstdatum"))
        or _date(data.get("creatiedatum"))
        or timezone.localdate(),
        "has_content": bool(data.get("inhoud")),
    }


@dataclass(frozen=True)
class DocumentAtSource:
    """A document as the source describes it now, with its bytes still to be read."""

    titel: str
    bestandsnaam: str
    formaat: str
    status: str
    vertrouwelijkheidaanduiding: str
    content_url: str


def document_describe(*, document: ProjectedDocument, reader: ZgwWriter) -> DocumentAtSource:
    """Re-read the document's metadata at the source (its status or vertrouwelijkheid may have
    changed since the last sync) and refresh the projection with it."""
    data = reader.get(document.url)
    fields = _fields(data)
    ProjectedDocument.objects.filter(pk=document.pk).update(**fields)
    return DocumentAtSource(
        titel=fields["titel"],
        bestandsnaam=fields["bestandsnaam"],
        formaat=fields["formaat"],
        status=fields["status"],
        vertrouwelijkheidaanduiding=fields["vertrouwelijkheidaanduiding"],
        content_url=str(data.get("inhoud") or ""),
    )


def document_content(
    *, described: DocumentAtSource, reader: ZgwWriter, max_bytes: int
) -> Iterator[bytes]:
    if not described.content_url:
        raise SourceError("The source holds no content for this document.")
    return reader.stream(described.content_url, max_bytes=max_bytes)


def document_upload(
    *,
    reader: ZgwWriter,
    zaak_url: str,
    informatieobjecttype: str,
    content: bytes,
    fields: dict[str, Any],
) -> dict[str, Any]:
    """Store a document at the source's Documenten API and relate it to the zaak with a
    zaakinformatieobject at its Zaken API. Returns the source's informatieobject."""
    body = {
        **fields,
        "informatieobjecttype": informatieobjecttype,
        "inhoud": base64.b64encode(content).decode(),
        "bestandsomvang": len(content),
    }
    created = reader.send("POST", reader.root("documenten") + "enkelvoudiginformatieobjecten", body)
    reader.send(
        "POST",
        reader.root("zaken") + "zaakinformatieobjecten",
        {"zaak": zaak_url, "informatieobject": created["url"], "titel": fields.get("titel", "")},
    )
    return created


def upload_type_at_source(
    *, reader: ZgwReader, catalogus_url: str, omschrijving: str
) -> dict[str, Any]:
    """The source's published informatieobjecttype named ``omschrijving`` in the zaaktype's
    catalogus, or {}."""
    params = {"catalogus": catalogus_url, "status": "definitief"}
    for data in reader.get_all(reader.root("catalogi") + "informatieobjecttypen", params):
        if data.get("omschrijving") == omschrijving and reader.within_roots(str(data["url"])):
            return data
    return {}
