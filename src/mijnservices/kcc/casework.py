"""The behandelaar's further actions on a zaak: a task or a message for the resident, an
answer to the resident's question, a document (visible to the resident or not) and a
besluit. The forms are checked here; the changes are ``services.casework.services``; a refused
form shows the zaak page again with what was typed (status 400).
"""

from __future__ import annotations

from typing import Any
from uuid import UUID

from django.contrib import messages
from django.http import HttpRequest, HttpResponse
from django.utils.translation import gettext as _
from django.views.decorators.http import require_POST

from mijnservices.core.errors import DomainError
from mijnservices.core.identity import Employee
from mijnservices.kcc.auth import employee_required
from mijnservices.kcc.forms_casework import casework_forms
from mijnservices.kcc.handling import _back, _handle, render_zaak
from mijnservices.registrations.zaken.models import Zaak
from mijnservices.services.access.employees import Detail
from mijnservices.services.casework import selectors, services


def _bound(request: HttpRequest, zaak: Zaak, name: str) -> tuple[Any, dict[str, Any]]:
    forms = casework_forms(
        zaak, selectors.open_questions_on(zaak), request.POST, request.FILES, bound=name
    )
    return forms[f"{name}_form"], forms


def _refused(
    request: HttpRequest, employee: Employee, zaak: Zaak, forms: dict[str, Any], text: str
) -> HttpResponse:
    messages.error(request, text)
    return render_zaak(request, employee, zaak, Detail.FULL, forms=forms, status=400)


@employee_required
@require_POST
def taak_add(request: HttpRequest, employee: Employee, zaak_uuid: UUID) -> HttpResponse:
    """A task for the resident: send a document for this zaak, within a number of days."""
    zaak = _handle(request, employee, zaak_uuid)
    form, forms = _bound(request, zaak, "taak")
    if not form.is_valid():
        return _refused(
            request, employee, zaak, forms, _("The task was not created. Check the fields.")
        )
    try:
        services.casework_taak_create(
            zaak=zaak,
            titel=form.cleaned_data["titel"],
            dagen=form.cleaned_data["dagen"],
            toelichting=form.cleaned_data["toelichting"],
        )
    except DomainError as error:
        return _refused(request, employee, zaak, forms, str(error))
    messages.success(request, _("The task has been created. The resident sees it now."))
    return _back(zaak)


@employee_required
@require_POST
def bericht_send(request: HttpRequest, employee: Employee, zaak_uuid: UUID) -> HttpResponse:
    zaak = _handle(request, employee, zaak_uuid)
    form, forms = _bound(request, zaak, "bericht")
    if not form.is_valid():
        return _refused(
            request, employee, zaak, forms, _("The message was not sent. Check the fields.")
        )
    try:
        services.casework_bericht_send(
            zaak=zaak, onderwerp=form.cleaned_data["onderwerp"], tekst=form.cleaned_data["tekst"]
        )
    except DomainError as error:
        return _refused(request, employee, zaak, forms, str(error))
    messages.success(request, _("The message has been sent. The resident sees it now."))
    return _back(zaak)


@employee_required
@require_POST
def vraag_answer(request: HttpRequest, employee: Employee, zaak_uuid: UUID) -> HttpResponse:
    """Answer the resident's question about this zaak (a follow-up klantcontact)."""
    zaak = _handle(request, employee, zaak_uuid)
    form, forms = _bound(request, zaak, "antwoord")
    if not form.is_valid():
        return _refused(
            request, employee, zaak, forms, _("The answer was not sent. Check the fields.")
        )
    answered = services.casework_vraag_answer(
        zaak=zaak,
        vraag_uuid=form.cleaned_data["vraag"],
        antwoord=form.cleaned_data["antwoord"],
        employee=employee,
    )
    if not answered:  # answered meanwhile: not offered again
        return _refused(request, employee, zaak, forms, _("This question has been answered."))
    messages.success(request, _("The answer has been sent. The resident sees it now."))
    return _back(zaak)


@employee_required
@require_POST
def document_add(request: HttpRequest, employee: Employee, zaak_uuid: UUID) -> HttpResponse:
    """Add a document; the choice "the resident may see it" sets its vertrouwelijkheid."""
    zaak = _handle(request, employee, zaak_uuid)
    form, forms = _bound(request, zaak, "document")
    if not form.is_valid():
        return _refused(
            request, employee, zaak, forms, _("The document was not added. Check the fields.")
        )
    upload = form.cleaned_data["bestand"]
    services.casework_document_add(
        zaak=zaak,
        informatieobjecttype=form.cleaned_data["informatieobjecttype"],
        bestandsnaam=upload.name or "",
        content=upload.chunks(),
        titel=form.cleaned_data["titel"],
        zichtbaar=form.cleaned_data["zichtbaar"],
    )
    messages.success(request, _("The document has been added."))
    return _back(zaak)


@employee_required
@require_POST
def besluit_add(request: HttpRequest, employee: Employee, zaak_uuid: UUID) -> HttpResponse:
    zaak = _handle(request, employee, zaak_uuid)
    form, forms = _bound(request, zaak, "besluit")
    if not form.is_valid():
        return _refused(
            request, employee, zaak, forms, _("The decision was not recorded. Check the fields.")
        )
    try:
        services.casework_besluit_add(
            zaak=zaak,
            besluittype=form.cleaned_data["besluittype"],
            toelichting=form.cleaned_data["toelichting"],
        )
    except DomainError as error:
        return _refused(request, employee, zaak, forms, str(error))
    messages.success(request, _("The decision has been recorded."))
    return _back(zaak)
