"""A citizen adds a document to their zaak: stored through the Documenten registration and
related to the zaak through the Zaken registration, in one transaction (outbox events and
the objectinformatieobject mirror follow from those services)."""

from __future__ import annotations

import mimetypes
from datetime import date
from pathlib import PurePosixPath

from django.conf import settings
from django.core.files.uploadedfile import UploadedFile
from django.db import transaction

from mijnservices.core.errors import DomainError
from mijnservices.core.identity import Citizen
from mijnservices.core.resources import resource_path
from mijnservices.registrations.catalogi.models import Vertrouwelijkheid
from mijnservices.registrations.documenten.models import EnkelvoudigInformatieObject
from mijnservices.registrations.documenten.services import informatieobject_create
from mijnservices.registrations.zaken.models import Zaak
from mijnservices.registrations.zaken.services import zaakinformatieobject_create
from mijnservices.services.access.policy import citizen_may_add_document
from mijnservices.services.mijnoverzicht.receipts import receipt_publish
from mijnservices.services.mijnoverzicht.taken import upload_tasks_complete
from mijnservices.services.mijnzaken.documents import upload_type

FILE_FIELD = "file"


def _safe_name(name: str) -> str:
    # Browsers send a bare name; strip any path a client might add anyway.
    base = PurePosixPath(name.replace("\\", "/")).name.strip()
    return base[-255:] or "document"


def upload_file_check(upload: UploadedFile) -> str:
    """The file's safe name, after the portal's rules for kinds, emptiness and size."""
    name = _safe_name(upload.name or "")
    extension = PurePosixPath(name.lower()).suffix.lstrip(".")
    allowed = [e.lower().lstrip(".") for e in settings.PORTAL_UPLOAD_EXTENSIONS]
    if extension not in allowed:
        raise DomainError("This kind of file is not allowed.", code="file-type", field=FILE_FIELD)
    if upload.size is None or upload.size == 0:
        raise DomainError("The file is empty.", code="file-empty", field=FILE_FIELD)
    if upload.size > int(settings.PORTAL_UPLOAD_MAX_SIZE):
        raise DomainError("The file is too large.", code="file-too-large", field=FILE_FIELD)
    return name


def vertrouwelijkheid_for_citizen(default: str) -> str:
    """The type's level, but never above what the citizen may see: they must see their own."""
    maximum = settings.CITIZEN_MAX_VERTROUWELIJKHEID
    if Vertrouwelijkheid.rank(default) > Vertrouwelijkheid.rank(maximum):
        return str(maximum)
    return default


def citizen_document_add(
    *, citizen: Citizen, zaak: Zaak, upload: UploadedFile, titel: str, beschrijving: str = ""
) -> EnkelvoudigInformatieObject:
    """Add ``upload`` to ``zaak`` for ``citizen`` (who must be allowed to: open zaak, a
    zaaktype with an upload type). Raises :class:`DomainError` naming the form field."""
    if not citizen_may_add_document(citizen, zaak):
        raise DomainError("Documents cannot be added to this case.", code="upload-not-allowed")
    informatieobjecttype = upload_type(zaak)
    if informatieobjecttype is None:
        raise DomainError("Documents cannot be added to this case.", code="upload-not-allowed")
    bestandsnaam = upload_file_check(upload)
    formaat = mimetypes.guess_type(bestandsnaam)[0] or "application/octet-stream"
    with transaction.atomic():
        document = informatieobject_create(
            informatieobjecttype=informatieobjecttype,
            content=upload.chunks(),
            vertrouwelijkheidaanduiding=vertrouwelijkheid_for_citizen(
                informatieobjecttype.vertrouwelijkheidaanduiding
            ),
            bronorganisatie=settings.ORGANISATION_RSIN,
            creatiedatum=date.today(),
            ontvangstdatum=date.today(),
            titel=(titel.strip() or bestandsnaam)[:200],
            # The author is whoever added it; when acting on behalf, both are named.
            auteur=citizen_author(citizen)[:200],
            status="definitief",
            formaat=formaat,
            taal="nld",
            bestandsnaam=bestandsnaam,
            beschrijving=beschrijving[:1000],
        )
        url = settings.SITE_URL.rstrip("/") + resource_path(
            "documenten", "enkelvoudiginformatieobjecten", document.uuid
        )
        zaakinformatieobject_create(
            zaak=zaak, informatieobject=url, titel=(titel.strip() or bestandsnaam)[:200]
        )
        # A task asking for a document on this zaak is done once one is added.
        upload_tasks_complete(citizen=citizen, zaak=zaak)
        receipt_publish(
            citizen=citizen,
            zaak=zaak,
            wat=f'uw document "{(titel.strip() or bestandsnaam)[:200]}"',
            onderwerp="Ontvangen: uw document",
        )
    return document


def citizen_author(citizen: Citizen) -> str:
    actor = citizen.actor.name or "Aanvrager (MijnServices)"
    if citizen.represented is None:
        return actor
    represented = citizen.represented.name or "aanvrager"
    return f"{actor} namens {represented}"
