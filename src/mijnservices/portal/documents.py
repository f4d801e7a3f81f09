"""Documents on a citizen's zaak page: download one, add one."""

from __future__ import annotations

from uuid import UUID

from django.contrib import messages
from django.http import (
    FileResponse,
    Http404,
    HttpRequest,
    HttpResponse,
    HttpResponseBase,
    HttpResponseRedirect,
    StreamingHttpResponse,
)
from django.shortcuts import render, resolve_url
from django.utils.http import content_disposition_header
from django.utils.translation import gettext as _
from django.views.decorators.http import require_POST

from mijnservices.core.errors import DomainError
from mijnservices.core.identity import Citizen
from mijnservices.portal import audit
from mijnservices.portal.auth import citizen_required
from mijnservices.portal.upload_form import UPLOAD_ERRORS, DocumentUploadForm
from mijnservices.portal.views import detail_context
from mijnservices.registrations.documenten.storage import open_content
from mijnservices.registrations.zaken.models import Zaak
from mijnservices.services.mijnzaken.documents import (
    document_for_download,
    external_document_for_download,
)
from mijnservices.services.mijnzaken.external_documents import (
    SourceDown,
    external_document_add,
    external_document_content,
)
from mijnservices.services.mijnzaken.selectors import zaak_for_citizen, zaak_for_detail
from mijnservices.services.mijnzaken.uploads import (
    citizen_author,
    citizen_document_add,
    upload_file_check,
)


@citizen_required
def document_download(
    request: HttpRequest, citizen: Citizen, zaak_uuid: UUID, document_uuid: UUID
) -> HttpResponseBase:
    """Stream one document the citizen may see; 404 for anything else (nothing leaks)."""
    zaak = zaak_for_citizen(citizen, zaak_uuid)
    if zaak.bron_url:
        return _external_download(request, citizen, zaak_uuid, document_uuid)
    document = document_for_download(citizen, zaak, document_uuid)
    versie = document.huidige_versie
    assert versie is not None
    audit.record("document_downloaded", citizen, zaak=str(zaak.uuid), document=str(document.uuid))
    response = FileResponse(
        open_content(versie.inhoud),
        as_attachment=True,
        filename=versie.bestandsnaam or versie.titel,
        content_type=versie.formaat or "application/octet-stream",
    )
    response["Cache-Control"] = "private, no-store"
    response["X-Content-Type-Options"] = "nosniff"
    return response


def _external_download(
    request: HttpRequest, citizen: Citizen, zaak_uuid: UUID, document_uuid: UUID
) -> HttpResponseBase:
    """A document of an external zaak: streamed from its source, after the same checks."""
    zaak = zaak_for_detail(citizen, zaak_uuid)
    document = external_document_for_download(citizen, zaak, document_uuid)
    try:
        found = external_document_content(document=document, zaak=zaak, for_citizen=True)
    except SourceDown:
        context = detail_context(citizen, zaak)
        context["source_down"] = True
        messages.error(
            request,
            _("This document cannot be fetched right now. Please try again later."),
        )
        return render(request, "portal/zaak_detail.html", context, status=503)
    except DomainError as error:
        raise Http404 from error
    audit.record("document_downloaded", citizen, zaak=str(zaak.uuid), document=str(document.uuid))
    response = StreamingHttpResponse(found.chunks, content_type=found.formaat)
    response["Content-Disposition"] = _attachment(found.filename)
    response["Cache-Control"] = "private, no-store"
    response["X-Content-Type-Options"] = "nosniff"
    return response


def _attachment(filename: str) -> str:
    # The same header FileResponse sets: an ASCII fallback and the RFC 5987 name.
    return content_disposition_header(True, filename) or "attachment"


def _external_add(citizen: Citizen, zaak: Zaak, form: DocumentUploadForm) -> UUID | None:
    upload = form.cleaned_data["file"]
    document = external_document_add(
        citizen=citizen,
        zaak=zaak,
        upload=upload,
        bestandsnaam=upload_file_check(upload),
        titel=form.cleaned_data["titel"],
        beschrijving=form.cleaned_data["beschrijving"],
        author=citizen_author(citizen),
    )
    return document.uuid if document is not None else None


@require_POST
@citizen_required
def document_add(request: HttpRequest, citizen: Citizen, zaak_uuid: UUID) -> HttpResponse:
    """Add a document; a refusal shows the zaak page again with the message and the input."""
    zaak = zaak_for_detail(citizen, zaak_uuid)
    form = DocumentUploadForm(request.POST, request.FILES)
    if form.is_valid():
        try:
            if zaak.bron_url:
                added = _external_add(citizen, zaak, form)
            else:
                added = citizen_document_add(
                    citizen=citizen,
                    zaak=zaak,
                    upload=form.cleaned_data["file"],
                    titel=form.cleaned_data["titel"],
                    beschrijving=form.cleaned_data["beschrijving"],
                ).uuid
        except DomainError as error:
            form.add_error(
                "file" if error.field in ("file", "inhoud") else None,
                UPLOAD_ERRORS.get(error.code, _("This file could not be added.")),
            )
        else:
            audit.record("document_added", citizen, zaak=str(zaak.uuid), document=str(added or ""))
            messages.success(request, _("Your document has been added to your case."))
            url = resolve_url("portal:zaak_detail", zaak_uuid=zaak.uuid)
            return HttpResponseRedirect(f"{url}#documenten")
    audit.record("document_refused", citizen, zaak=str(zaak.uuid))
    context = detail_context(citizen, zaak, upload_form=form)
    return render(request, "portal/zaak_detail.html", context, status=400)
