"""Documents of external zaken (decision 0029): bytes streamed from the source on download,
and a citizen's upload stored at the source's Documenten API.

The access check is the one for local documents (``services.access.policy``): first on the
projected metadata (which document may be asked for at all), then on what the source says of
the document right now (its status or vertrouwelijkheid may have changed since the last
sync). Our read at the source is logged in the verwerkingenlogging, as the sync's reads are.
Uploads follow the local rules (kinds, size, content matches its name, virus scan; a file
that cannot be scanned is refused, since there is no local quarantine for it).
"""

from __future__ import annotations

import mimetypes
from collections.abc import Iterator
from dataclasses import dataclass
from datetime import date
from io import BytesIO

import structlog
from django.conf import settings
from django.core.files.uploadedfile import UploadedFile
from django.db import transaction

from mijnservices.core import virusscan
from mijnservices.core.errors import DomainError
from mijnservices.core.identity import Citizen, Party
from mijnservices.integration.zgw.client import SourceError, ZgwWriter
from mijnservices.integration.zgw.documents import (
    document_content,
    document_describe,
    document_upload,
    has_api,
    upload_type_at_source,
)
from mijnservices.integration.zgw.models import ProjectedDocument, ProjectedZaak
from mijnservices.integration.zgw.sync import failure_record, reader_for, zaak_refresh
from mijnservices.registrations.documenten import content as content_rules
from mijnservices.registrations.verwerkingen.services import Actor, verwerking_log
from mijnservices.registrations.zaken.models import Zaak
from mijnservices.registrations.zaken.parties import parties_of_zaak
from mijnservices.services.access.policy import citizen_may_add_document, citizen_may_see_document
from mijnservices.services.mijnoverzicht.taken import upload_tasks_complete
from mijnservices.services.mijnzaken.uploads import vertrouwelijkheid_for_citizen

logger = structlog.get_logger(__name__)

READ_ACTIVITEIT = "document opvragen bij bron"
READ_DOEL = "MijnZaken en KCC: een document van een zaak tonen"


class SourceDown(DomainError):
    """The source did not answer in time: the page says so plainly (never a 500)."""

    def __init__(self) -> None:
        super().__init__("The source of this zaak did not answer.", code="source-unavailable")


@dataclass(frozen=True)
class ExternalContent:
    chunks: Iterator[bytes]
    filename: str
    formaat: str


def _page_reader(document: ProjectedDocument) -> ZgwWriter:
    # A page waits ZGW_SOURCE_PAGE_TIMEOUT_MS per call, not the sync's longer timeout.
    return reader_for(document.source, timeout=settings.ZGW_SOURCE_PAGE_TIMEOUT_MS / 1000)


def external_document_content(
    *, document: ProjectedDocument, zaak: Zaak, for_citizen: bool
) -> ExternalContent:
    """The bytes of ``document`` (already allowed by its projected metadata), streamed from
    the source. Raises ``Http404``-like ``DomainError("not-visible")`` when the source now
    describes it as not visible to citizens, ``SourceDown`` when the source does not answer."""
    reader = _page_reader(document)
    try:
        described = document_describe(document=document, reader=reader)
        if for_citizen and not citizen_may_see_document(
            status=described.status,
            vertrouwelijkheidaanduiding=described.vertrouwelijkheidaanduiding,
        ):
            raise DomainError("The document is no longer visible.", code="not-visible")
        chunks = document_content(
            described=described, reader=reader, max_bytes=int(settings.DOCUMENTEN_MAX_UPLOAD_SIZE)
        )
    except SourceError as exc:
        failure_record(document.source, str(exc))
        logger.info("zgw_document_unavailable", source=document.source.naam, error=str(exc))
        raise SourceDown() from exc
    verwerking_log(
        actor=Actor(
            kind="api_client",
            id=document.source.client_id,
            naam=f"MijnServices: {document.source.naam}",
        ),
        activiteit=READ_ACTIVITEIT,
        doel=READ_DOEL,
        personen=_persons(zaak),
        objecttype="document",
        objecten=[document.url.rstrip("/").rsplit("/", 1)[-1]],
    )
    return ExternalContent(
        chunks=chunks,
        filename=described.bestandsnaam or described.titel or "document",
        formaat=described.formaat or "application/octet-stream",
    )


def _persons(zaak: Zaak) -> list[Party]:
    return parties_of_zaak(zaak)


def _content(upload: UploadedFile, bestandsnaam: str, formaat: str) -> bytes:
    if upload.size is None or upload.size > int(settings.PORTAL_UPLOAD_MAX_SIZE):
        raise DomainError("The file is too large.", code="file-too-large", field="file")
    data = b"".join(upload.chunks())
    content_rules.check(data[:4096], bestandsnaam=bestandsnaam, formaat=formaat)
    if virusscan.enabled():
        try:
            verdict = virusscan.scan(BytesIO(data))
        except virusscan.ScannerUnavailable as exc:
            raise DomainError(
                "The file could not be checked for viruses; try again later.",
                code="scan-unavailable",
                field="file",
            ) from exc
        if verdict.infected:
            logger.warning("upload_infected", signature=verdict.signature, size=len(data))
            raise DomainError("The file contains a virus.", code="virus-found", field="file")
    return data


def external_upload_offered(zaak: Zaak) -> bool:
    """Whether the page offers an upload on this external zaak (no call to the source: the
    zaak was loaded with ``projectie__source``): its zaaktype names an upload type here and
    the source has a Documenten API. Whether the source knows that type is found out on
    upload."""
    projectie = getattr(zaak, "projectie", None)
    return (
        projectie is not None
        and bool(projectie.source.documenten_api)
        and bool(zaak.zaaktype.portaal_upload_informatieobjecttype)
    )


def external_document_add(
    *,
    citizen: Citizen,
    zaak: Zaak,
    upload: UploadedFile,
    bestandsnaam: str,
    titel: str,
    beschrijving: str = "",
    author: str,
) -> ProjectedDocument | None:
    """Store a citizen's upload at the source of ``zaak`` and link it there; then re-read the
    zaak so the document shows. Refused plainly (``upload-not-allowed``) when the source has
    no Documenten API or no upload type, ``SourceDown`` when it does not answer."""
    link = ProjectedZaak.objects.select_related("source").filter(zaak=zaak).first()
    omschrijving = zaak.zaaktype.portaal_upload_informatieobjecttype
    if link is None or not omschrijving or not citizen_may_add_document(citizen, zaak):
        raise DomainError("Documents cannot be added to this case.", code="upload-not-allowed")
    source = link.source
    reader = reader_for(source, timeout=settings.ZGW_SOURCE_PAGE_TIMEOUT_MS / 1000)
    if not has_api(reader, "documenten"):
        raise DomainError("Documents cannot be added to this case.", code="upload-not-allowed")
    formaat = mimetypes.guess_type(bestandsnaam)[0] or "application/octet-stream"
    data = _content(upload, bestandsnaam, formaat)
    try:
        found = upload_type_at_source(
            reader=reader, catalogus_url=zaak.zaaktype.catalogus.bron_url, omschrijving=omschrijving
        )
        if not found:
            raise DomainError("Documents cannot be added to this case.", code="upload-not-allowed")
        created = document_upload(
            reader=reader,
            zaak_url=link.url,
            informatieobjecttype=str(found["url"]),
            content=data,
            fields={
                "bronorganisatie": zaak.bronorganisatie or settings.ORGANISATION_RSIN,
                "creatiedatum": date.today().isoformat(),
                "ontvangstdatum": date.today().isoformat(),
                "titel": (titel.strip() or bestandsnaam)[:200],
                "auteur": author[:200],
                "status": "definitief",
                "formaat": formaat,
                "taal": "nld",
                "bestandsnaam": bestandsnaam,
                "beschrijving": beschrijving[:1000],
                "vertrouwelijkheidaanduiding": vertrouwelijkheid_for_citizen(
                    str(found.get("vertrouwelijkheidaanduiding") or "openbaar")
                ),
                "indicatieGebruiksrecht": False,
            },
        )
        zaak_refresh(source=source, url=link.url, reader=reader_for(source))
    except SourceError as exc:
        failure_record(source, str(exc))
        raise SourceDown() from exc
    with transaction.atomic():
        upload_tasks_complete(citizen=citizen, zaak=zaak)
    logger.info("zgw_document_uploaded", source=source.naam)
    return ProjectedDocument.objects.filter(zaak=zaak, url=str(created.get("url") or "")).first()
