"""The zaak page for employees: what the citizen sees, and for the behandelaar the actions
that move the zaak forward (next status, sub-status update, resultaat and closing).

All changes go through ``services.casework.services`` (the Zaken service layer, the same one
the Zaken API uses).
"""

from __future__ import annotations

from typing import Any
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
from mijnservices.core.identity import Employee
from mijnservices.kcc.auth import employee_required
from mijnservices.kcc.forms import CloseForm, StatusForm, SubStatusForm
from mijnservices.kcc.forms_casework import casework_forms
from mijnservices.registrations.zaken.models import Zaak
from mijnservices.services.access import employees
from mijnservices.services.access.employees import Detail
from mijnservices.services.casework import selectors, services
from mijnservices.services.casework.verwerkingen import log_view
from mijnservices.services.mijnzaken.external_documents import SourceDown, external_document_content
from mijnservices.services.mijnzaken.titles import zaak_title
from mijnservices.services.mijnzaken.tracking import build_tracking


def _load(employee: Employee, zaak_uuid: UUID) -> tuple[Zaak, Detail]:
    zaak = selectors.zaak_for_employee(employee, zaak_uuid)
    detail = employees.zaak_detail(employee, zaak)
    if detail == Detail.NONE:  # the scope and the detail level always agree; belt and braces
        raise Http404
    return zaak, detail


def _forms(zaak: Zaak, data: Any = None) -> dict[str, Any]:
    statustypen = zaak.zaaktype.statustypen.all()
    final = max((st.volgnummer for st in statustypen), default=0)
    status_form = StatusForm(
        data if data and "status-statustype" in data else None, prefix="status"
    )
    status_form.fields["statustype"].queryset = zaak.zaaktype.statustypen.exclude(  # type: ignore[attr-defined]
        volgnummer=final
    ).order_by("volgnummer")
    close_form = CloseForm(data if data and "close-resultaattype" in data else None, prefix="close")
    close_form.fields["resultaattype"].queryset = zaak.zaaktype.resultaattypen.all()  # type: ignore[attr-defined]
    return {
        "status_form": status_form,
        "substatus_form": SubStatusForm(prefix="sub"),
        "close_form": close_form,
    }


def render_zaak(
    request: HttpRequest,
    employee: Employee,
    zaak: Zaak,
    detail: Detail,
    *,
    forms: dict[str, Any] | None = None,
    status: int = 200,
) -> HttpResponse:
    """The employee zaak page (logged as a verwerking); ``forms`` replaces the empty
    action forms, so a refused form shows again with what was typed."""
    full = detail == Detail.FULL
    log_view(
        employee,
        activiteit="zaak inzien",
        doel="zaak behandelen" if full else "klantvraag beantwoorden",
        personen=selectors.initiators(zaak),
        objecttype="zaak",
        objecten=[zaak.identificatie],
    )
    context: dict[str, Any] = {
        "zaak": zaak,
        "title": zaak_title(zaak),
        "tracking": build_tracking(zaak),
        "can_handle": full and not zaak.is_closed,
        "status_level_only": detail == Detail.STATUS,
        "documents": selectors.employee_documents(employee, zaak, detail),
        "show_documents": detail >= Detail.DOCUMENTS,
    }
    if context["can_handle"]:
        vragen = selectors.open_questions_on(zaak)
        context["vragen"] = vragen
        context.update(_forms(zaak))
        context.update(casework_forms(zaak, vragen))
        context.update(forms or {})
    return render(request, "kcc/zaak.html", context, status=status)


@employee_required
def zaak_page(request: HttpRequest, employee: Employee, zaak_uuid: UUID) -> HttpResponse:
    zaak, detail = _load(employee, zaak_uuid)
    return render_zaak(request, employee, zaak, detail)


def _handle(request: HttpRequest, employee: Employee, zaak_uuid: UUID) -> Zaak:
    zaak, detail = _load(employee, zaak_uuid)
    if detail != Detail.FULL:
        raise Http404
    return zaak


def _back(zaak: Zaak) -> HttpResponseRedirect:
    return HttpResponseRedirect(resolve_url("kcc:zaak", zaak.uuid))


@employee_required
@require_POST
def status_next(request: HttpRequest, employee: Employee, zaak_uuid: UUID) -> HttpResponse:
    zaak = _handle(request, employee, zaak_uuid)
    form = _forms(zaak, request.POST)["status_form"]
    if not form.is_valid():
        messages.error(request, _("Choose the next step."))
        return render_zaak(
            request, employee, zaak, Detail.FULL, forms={"status_form": form}, status=400
        )
    try:
        services.zaak_step_set(
            zaak=zaak,
            statustype=form.cleaned_data["statustype"],
            toelichting=form.cleaned_data["toelichting"],
        )
    except DomainError as exc:
        messages.error(request, str(exc))
        return render_zaak(
            request, employee, zaak, Detail.FULL, forms={"status_form": form}, status=400
        )
    messages.success(request, _("The step has been set. The resident sees it now."))
    return _back(zaak)


@employee_required
@require_POST
def substatus_add(request: HttpRequest, employee: Employee, zaak_uuid: UUID) -> HttpResponse:
    zaak = _handle(request, employee, zaak_uuid)
    form = SubStatusForm(request.POST, prefix="sub")
    if not form.is_valid():
        messages.error(request, _("Write the update for the resident."))
        return render_zaak(
            request, employee, zaak, Detail.FULL, forms={"substatus_form": form}, status=400
        )
    services.zaak_update_add(zaak=zaak, omschrijving=form.cleaned_data["omschrijving"])
    messages.success(request, _("The update has been added. The resident sees it now."))
    return _back(zaak)


@employee_required
@require_POST
def close(request: HttpRequest, employee: Employee, zaak_uuid: UUID) -> HttpResponse:
    """Record the resultaat and set the final status: the zaak is closed."""
    zaak = _handle(request, employee, zaak_uuid)
    form = _forms(zaak, request.POST)["close_form"]
    if form.is_valid():
        try:
            services.zaak_close(
                zaak=zaak,
                resultaattype=form.cleaned_data["resultaattype"],
                toelichting=form.cleaned_data["toelichting"],
            )
        except DomainError as exc:
            messages.error(request, str(exc))
            return render_zaak(
                request, employee, zaak, Detail.FULL, forms={"close_form": form}, status=400
            )
    else:
        messages.error(request, _("Choose the result."))
        return render_zaak(
            request, employee, zaak, Detail.FULL, forms={"close_form": form}, status=400
        )
    messages.success(request, _("The case has been closed. The resident sees the result."))
    return _back(zaak)


def _external_download(
    request: HttpRequest, employee: Employee, zaak: Zaak, detail: Detail, document_uuid: UUID
) -> HttpResponseBase:
    """A document of an external zaak: streamed from its source after the same checks."""
    document = selectors.employee_external_document(employee, zaak, detail, document_uuid)
    try:
        found = external_document_content(
            document=document, zaak=zaak, for_citizen=detail != Detail.FULL
        )
    except SourceDown:
        messages.error(
            request, _("This document cannot be fetched right now. Please try again later.")
        )
        return HttpResponseRedirect(resolve_url("kcc:zaak", zaak_uuid=zaak.uuid))
    except DomainError as error:
        raise Http404 from error
    log_view(
        employee,
        activiteit="document inzien",
        doel="zaak behandelen" if detail == Detail.FULL else "klantvraag beantwoorden",
        personen=selectors.initiators(zaak),
        objecttype="document",
        objecten=[str(document.uuid)],
    )
    response = StreamingHttpResponse(found.chunks, content_type=found.formaat)
    response["Content-Disposition"] = content_disposition_header(True, found.filename) or (
        "attachment"
    )
    response["X-Content-Type-Options"] = "nosniff"
    return response


@employee_required
def document_download(
    request: HttpRequest, employee: Employee, zaak_uuid: UUID, document_uuid: UUID
) -> HttpResponseBase:
    """Stream one document of the zaak the employee may see at their level; 404 otherwise."""
    zaak, detail = _load(employee, zaak_uuid)
    if zaak.bron_url:
        return _external_download(request, employee, zaak, detail, document_uuid)
    document = selectors.employee_document(employee, zaak, detail, document_uuid)
    versie = document.huidige_versie
    assert versie is not None  # the selector only returns documents with content
    log_view(
        employee,
        activiteit="document inzien",
        doel="zaak behandelen" if detail == Detail.FULL else "klantvraag beantwoorden",
        personen=selectors.initiators(zaak),
        objecttype="document",
        objecten=[str(document.uuid)],
    )
    response = FileResponse(
        selectors.document_content(versie),
        as_attachment=True,
        filename=versie.bestandsnaam or versie.titel,
        content_type=versie.formaat or "application/octet-stream",
    )
    response["X-Content-Type-Options"] = "nosniff"
    return response
