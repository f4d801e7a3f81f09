"""Documents and besluiten of a citizen's zaak: what the zaak page lists and downloads.

Everything starts from a zaak loaded through the access policy (``zaak_for_detail``) and
from :func:`~mijnservices.services.access.policy.citizen_documents_scope`; the number of
queries does not grow with the number of documents or besluiten.
"""

from __future__ import annotations

from dataclasses import dataclass, field
from datetime import date
from typing import Any
from uuid import UUID

from django.conf import settings
from django.http import Http404

from mijnservices.core.identity import Citizen
from mijnservices.core.query_shapes import QueryShape
from mijnservices.integration.zgw.models import ProjectedBesluit, ProjectedDocument
from mijnservices.registrations.besluiten.models import Besluit
from mijnservices.registrations.catalogi.models import InformatieObjectType
from mijnservices.registrations.catalogi.selectors import published_informatieobjecttype
from mijnservices.registrations.documenten.models import (
    EnkelvoudigInformatieObject,
    ObjectInformatieObject,
)
from mijnservices.registrations.documenten.services.relations import object_url
from mijnservices.registrations.zaken.models import Zaak
from mijnservices.services.access.policy import (
    citizen_documents_of_owners,
    citizen_documents_scope,
    citizen_external_documents_scope,
)


@dataclass(frozen=True)
class DocumentRow:
    uuid: UUID
    titel: str
    bestandsnaam: str
    formaat: str
    size: int | None
    # When it came in (citizen uploads) or was made (letters): what the citizen recognises.
    dated: date
    # Besluit uuids the document records (empty: it belongs to the zaak itself).
    besluiten: frozenset[UUID] = frozenset()


@dataclass(frozen=True)
class BesluitRow:
    uuid: UUID
    datum: date
    what: str
    toelichting: str
    ingangsdatum: date
    vervaldatum: date | None
    documents: list[DocumentRow] = field(default_factory=list)


@dataclass(frozen=True)
class ZaakDocuments:
    documents: list[DocumentRow]
    besluiten: list[BesluitRow]


# The zaak page's document queries, compiled once per process and shape (decision 0047).
_BESLUITEN = QueryShape(
    "zaak_besluiten",
    lambda _key, zaak_id: (
        Besluit.objects.filter(zaak_id=zaak_id)
        .select_related("besluittype")
        .only(
            "uuid",
            "datum",
            "toelichting",
            "ingangsdatum",
            "vervaldatum",
            "zaak_id",
            "besluittype__omschrijving",
        )
        .order_by("-datum", "-pk")
    ),
)


def _besluiten(zaak: Zaak) -> list[Besluit]:
    return _BESLUITEN.instances(None, zaak.pk)


# What a document row shows of its current version, read as values (decision 0040).
_DOCUMENT_VALUES = (
    "pk",
    "uuid",
    "huidige_versie__titel",
    "huidige_versie__bestandsnaam",
    "huidige_versie__formaat",
    "huidige_versie__bestandsomvang",
    "huidige_versie__ontvangstdatum",
    "huidige_versie__creatiedatum",
)
# Keyed by (number of owners, the vertrouwelijkheid maximum); the values are the owners' URLs.
_DOCUMENTS = QueryShape(
    "zaak_documents",
    lambda key, *owners: (
        citizen_documents_of_owners(
            EnkelvoudigInformatieObject.objects.all(), owners, maximum=key[1]
        )
        .order_by("-huidige_versie__begin_registratie", "-pk")
        .values(*_DOCUMENT_VALUES)
    ),
)
_OWNERS = QueryShape(
    "zaak_document_owners",
    lambda _count, *document_ids: ObjectInformatieObject.objects.filter(
        informatieobject_id__in=document_ids
    ).values("informatieobject_id", "object"),
)


def _visible_documents(
    principal: Citizen, zaak: Zaak, besluit_uuids: list[UUID]
) -> list[dict[str, Any]]:
    """``citizen_documents_scope(principal, zaak, ...)`` as rows (``zaak`` was loaded through
    the access policy for ``principal``)."""
    owners = [object_url("zaak", zaak.uuid)]
    owners += [object_url("besluit", uuid) for uuid in besluit_uuids]
    maximum = settings.CITIZEN_MAX_VERTROUWELIJKHEID
    return _DOCUMENTS.rows((len(owners), maximum), *owners)


def _owners(document_ids: list[int]) -> dict[int, set[str]]:
    owners: dict[int, set[str]] = {}
    for row in _OWNERS.rows(len(document_ids), *document_ids):
        owners.setdefault(row["informatieobject_id"], set()).add(row["object"])
    return owners


def _external_documents(principal: Citizen, zaak: Zaak) -> ZaakDocuments:
    """An external zaak's documents and besluiten, from their projected metadata (two
    queries); the same rows, so the page and its download links do not tell them apart."""
    besluiten = list(ProjectedBesluit.objects.filter(zaak=zaak).order_by("-datum", "-pk"))
    documents = citizen_external_documents_scope(
        principal, zaak, ProjectedDocument.objects.filter(has_content=True)
    ).order_by("-datum", "-pk")
    uuids = {b.pk: b.uuid for b in besluiten}
    rows = [
        DocumentRow(
            uuid=document.uuid,
            titel=document.titel,
            bestandsnaam=document.bestandsnaam,
            formaat=document.formaat,
            size=document.bestandsomvang,
            dated=document.datum,
            besluiten=frozenset({uuids[document.besluit_id]})
            if document.besluit_id in uuids
            else frozenset(),
        )
        for document in documents
    ]
    return ZaakDocuments(
        documents=[row for row in rows if not row.besluiten],
        besluiten=[
            BesluitRow(
                uuid=besluit.uuid,
                datum=besluit.datum,
                what=besluit.omschrijving,
                toelichting=besluit.toelichting,
                ingangsdatum=besluit.ingangsdatum,
                vervaldatum=besluit.vervaldatum,
                documents=[row for row in rows if besluit.uuid in row.besluiten],
            )
            for besluit in besluiten
        ],
    )


def external_document_for_download(
    principal: Citizen, zaak: Zaak, document_uuid: UUID
) -> ProjectedDocument:
    """One visible document of an external zaak (by its projected metadata), or 404."""
    queryset = ProjectedDocument.objects.select_related("source").filter(
        uuid=document_uuid, has_content=True
    )
    document = citizen_external_documents_scope(principal, zaak, queryset).first()
    if document is None:
        raise Http404
    return document


def zaak_documents(principal: Citizen, zaak: Zaak) -> ZaakDocuments:
    """The documents and besluiten of ``zaak`` the citizen may see (four queries)."""
    if zaak.bron_url:
        return _external_documents(principal, zaak)
    besluiten = _besluiten(zaak)
    documents = _visible_documents(principal, zaak, [b.uuid for b in besluiten])
    # Which besluit a document records matters only when there are besluiten.
    owners = _owners([d["pk"] for d in documents]) if besluiten and documents else {}
    by_url = {object_url("besluit", b.uuid): b.uuid for b in besluiten}
    zaak_url = object_url("zaak", zaak.uuid)
    rows: list[DocumentRow] = []
    for document in documents:
        # The scope filters on the current version: it is there.
        urls = owners.get(document["pk"], {zaak_url})
        rows.append(
            DocumentRow(
                uuid=document["uuid"],
                titel=document["huidige_versie__titel"],
                bestandsnaam=document["huidige_versie__bestandsnaam"],
                formaat=document["huidige_versie__formaat"],
                size=document["huidige_versie__bestandsomvang"],
                dated=document["huidige_versie__ontvangstdatum"]
                or document["huidige_versie__creatiedatum"],
                besluiten=frozenset(by_url[url] for url in urls if url in by_url)
                if zaak_url not in urls
                else frozenset(),
            )
        )
    besluit_rows = [
        BesluitRow(
            uuid=besluit.uuid,
            datum=besluit.datum,
            what=besluit.besluittype.omschrijving,
            toelichting=besluit.toelichting,
            ingangsdatum=besluit.ingangsdatum,
            vervaldatum=besluit.vervaldatum,
            documents=[row for row in rows if besluit.uuid in row.besluiten],
        )
        for besluit in besluiten
    ]
    return ZaakDocuments(
        documents=[row for row in rows if not row.besluiten], besluiten=besluit_rows
    )


def document_for_download(
    principal: Citizen, zaak: Zaak, document_uuid: UUID
) -> EnkelvoudigInformatieObject:
    """One visible document of ``zaak`` (or of a besluit on it), or 404."""
    besluit_uuids = list(Besluit.objects.filter(zaak=zaak).values_list("uuid", flat=True))
    queryset = EnkelvoudigInformatieObject.objects.select_related("huidige_versie").filter(
        uuid=document_uuid
    )
    document = citizen_documents_scope(
        principal, zaak, queryset, besluit_uuids=besluit_uuids
    ).first()
    if document is None or document.huidige_versie is None or not document.huidige_versie.inhoud:
        raise Http404
    return document


def upload_type(zaak: Zaak) -> InformatieObjectType | None:
    """The informatieobjecttype for citizen uploads on this zaak, or ``None`` (no uploads).

    The zaaktype names it by omschrijving (version-independent, as ZGW relations are); the
    published version in the same catalogus that is valid today is used (from the
    per-process cache of published types: the zaak page asks on every view)."""
    omschrijving = zaak.zaaktype.portaal_upload_informatieobjecttype
    if not omschrijving:
        return None
    return published_informatieobjecttype(zaak.zaaktype.catalogus_id, omschrijving, date.today())
