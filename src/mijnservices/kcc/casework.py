"""The behandelaar's further actions on a zaak: a task or a message for the resident, an
answer to the resident's question, a document (visible to the resident or not) and a
besluit. The forms are checked here; the changes are ``services.casework.services``; a refused
form shows the zaak page again with what was typed (status 400).
"""

from __future__ import annotations

from collections.abc import Callable
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


def _act(
    request: HttpRequest,
    employee: Employee,
    zaak_uuid: UUID,
    name: str,
    *,
    refused: str,
    done: str,
    change: Callable[[Zaak, dict[str, Any]], str | None],
) -> HttpResponse:
    """One casework action: bind form ``name``, run ``change`` with its cleaned data, and
    either go back to the zaak with ``done`` or show the page again (400) with ``refused``, a
    domain error's text, or the text ``change`` returns when it could not be done."""
    zaak = _handle(request, employee, zaak_uuid)
    form, forms = _bound(request, zaak, name)
    problem: str | None = refused
    if form.is_valid():
        try:
            problem = change(zaak, form.cleaned_data)
        except DomainError as error:
            problem = str(error)
    if problem is not None:
        messages.error(request, problem)
        return render_zaak(request, employee, zaak, Detail.FULL, forms=forms, status=400)
    messages.success(request, done)
    return _back(zaak)


@employee_required
@require_POST
def taak_add(request: HttpRequest, employee: Employee, zaak_uuid: UUID) -> HttpResponse:
    """A task for the resident: send a document for this zaak, within a number of days."""

    def change(zaak: Zaak, data: dict[str, Any]) -> None:
        services.casework_taak_create(
            zaak=zaak, titel=data["titel"], dagen=data["dagen"], toelichting=data["toelichting"]
        )

    return _act(
        request,
        employee,
        zaak_uuid,
        "taak",
        refused=_("The task was not created. Check the fields."),
        done=_("The task has been created. The resident sees it now."),
        change=change,
    )


@employee_required
@require_POST
def bericht_send(request: HttpRequest, employee: Employee, zaak_uuid: UUID) -> HttpResponse:
    def change(zaak: Zaak, data: dict[str, Any]) -> None:
        services.casework_bericht_send(zaak=zaak, onderwerp=data["onderwerp"], tekst=data["tekst"])

    return _act(
        request,
        employee,
        zaak_uuid,
        "bericht",
        refused=_("The message was not sent. Check the fields."),
        done=_("The message has been sent. The resident sees it now."),
        change=change,
    )


@employee_required
@require_POST
def vraag_answer(request: HttpRequest, employee: Employee, zaak_uuid: UUID) -> HttpResponse:
    """Answer the resident's question about this zaak (a follow-up klantcontact)."""

    def change(zaak: Zaak, data: dict[str, Any]) -> str | None:
        answered = services.casework_vraag_answer(
            zaak=zaak, vraag_uuid=data["vraag"], antwoord=data["antwoord"], employee=employee
        )
        # answered meanwhile: not offered again
        return None if answered else _("This question has been answered.")

    return _act(
        request,
        employee,
        zaak_uuid,
        "antwoord",
        refused=_("The answer was not sent. Check the fields."),
        done=_("The answer has been sent. The resident sees it now."),
        change=change,
    )


@employee_required
@require_POST
def document_add(request: HttpRequest, employee: Employee, zaak_uuid: UUID) -> HttpResponse:
    """Add a document; the choice "the resident may see it" sets its vertrouwelijkheid."""

    def change(zaak: Zaak, data: dict[str, Any]) -> None:
        upload = data["bestand"]
        services.casework_document_add(
            zaak=zaak,
            informatieobjecttype=data["informatieobjecttype"],
            bestandsnaam=upload.name or "",
            content=upload.chunks(),
            titel=data["titel"],
            zichtbaar=data["zichtbaar"],
        )

    return _act(
        request,
        employee,
        zaak_uuid,
        "document",
        refused=_("The document was not added. Check the fields."),
        done=_("The document has been added."),
        change=change,
    )


@employee_required
@require_POST
def besluit_add(request: HttpRequest, employee: Employee, zaak_uuid: UUID) -> HttpResponse:
    def change(zaak: Zaak, data: dict[str, Any]) -> None:
        services.casework_besluit_add(
            zaak=zaak, besluittype=data["besluittype"], toelichting=data["toelichting"]
        )

    return _act(
        request,
        employee,
        zaak_uuid,
        "besluit",
        refused=_("The decision was not recorded. Check the fields."),
        done=_("The decision has been recorded."),
        change=change,
    )
