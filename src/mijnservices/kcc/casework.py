"""The behandelaar's further actions on a zaak: a task or a message for the resident, an
answer to the resident's question, a document (visible to the resident or not) and a
besluit. Each goes through the service layer of its registration, the same one its API
uses; a refused form shows the zaak page again with what was typed (status 400).
"""

from __future__ import annotations

import mimetypes
from datetime import timedelta
from typing import Any
from uuid import UUID

from django.conf import settings
from django.contrib import messages
from django.db import transaction
from django.http import Http404, HttpRequest, HttpResponse
from django.utils import timezone
from django.utils.translation import gettext as _
from django.views.decorators.http import require_POST

from mijnservices.core.errors import DomainError
from mijnservices.core.identity import Employee
from mijnservices.core.resources import resource_path
from mijnservices.kcc import selectors
from mijnservices.kcc.auth import employee_required
from mijnservices.kcc.forms_casework import casework_forms
from mijnservices.kcc.handling import _back, _handle, render_zaak
from mijnservices.registrations.berichten.services import bericht_publish
from mijnservices.registrations.besluiten.services import besluit_create
from mijnservices.registrations.catalogi.models import Vertrouwelijkheid
from mijnservices.registrations.documenten.services.documents import informatieobject_create
from mijnservices.registrations.klantinteracties.services import klantcontact_answer
from mijnservices.registrations.taken.models import HandelingsPerspectief, TaakSoort
from mijnservices.registrations.taken.services import taak_create
from mijnservices.registrations.zaken.models import Zaak
from mijnservices.registrations.zaken.services import zaakinformatieobject_create
from mijnservices.services.access.employees import Detail
from mijnservices.services.mijnoverzicht.taken import upload_link

# Above what citizens may see: a document the resident must not see.
INTERNAL_LEVEL = Vertrouwelijkheid.VERTROUWELIJK


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


def _resident(zaak: Zaak) -> Any:
    parties = selectors.initiators(zaak)
    if not parties:
        raise Http404
    return parties[0]


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
    taak_create(
        taak_soort=TaakSoort.URLTAAK,
        titel=form.cleaned_data["titel"],
        is_toegewezen_aan=_resident(zaak),
        einddatum_handelings_termijn=timezone.localdate()
        + timedelta(days=form.cleaned_data["dagen"]),
        handelings_perspectief=HandelingsPerspectief.INFORMATIE_GEVEN,
        toelichting=form.cleaned_data["toelichting"],
        is_gerelateerd_aan=[selectors.zaak_url(zaak)],
        details={"uitvraagLink": upload_link(zaak)},
    )
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
    bericht_publish(
        ontvanger=_resident(zaak),
        onderwerp=form.cleaned_data["onderwerp"],
        bericht_tekst=form.cleaned_data["tekst"],
        is_gerelateerd_aan=[selectors.zaak_url(zaak)],
    )
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
    vragen = {str(v.uuid): v for v in selectors.open_questions_on(zaak)}
    vraag = vragen.get(form.cleaned_data["vraag"])  # answered meanwhile: not offered again
    if vraag is None:
        return _refused(request, employee, zaak, forms, _("This question has been answered."))
    klantcontact_answer(
        vraag=vraag, antwoord=form.cleaned_data["antwoord"], actor_naam=employee.username
    )
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
    iot = form.cleaned_data["informatieobjecttype"]
    level = (
        str(settings.CITIZEN_MAX_VERTROUWELIJKHEID)
        if form.cleaned_data["zichtbaar"]
        else INTERNAL_LEVEL
    )
    if form.cleaned_data["zichtbaar"] and Vertrouwelijkheid.rank(
        iot.vertrouwelijkheidaanduiding
    ) < Vertrouwelijkheid.rank(level):
        level = iot.vertrouwelijkheidaanduiding
    name = (upload.name or "document").rsplit("/", 1)[-1][:255]
    with transaction.atomic():
        document = informatieobject_create(
            informatieobjecttype=iot,
            content=upload.chunks(),
            vertrouwelijkheidaanduiding=level,
            bronorganisatie=settings.ORGANISATION_RSIN,
            creatiedatum=timezone.localdate(),
            titel=form.cleaned_data["titel"],
            auteur="Gemeente",
            status="definitief",
            formaat=mimetypes.guess_type(name)[0] or "application/octet-stream",
            taal="nld",
            bestandsnaam=name,
        )
        url = settings.SITE_URL.rstrip("/") + resource_path(
            "documenten", "enkelvoudiginformatieobjecten", document.uuid
        )
        zaakinformatieobject_create(
            zaak=zaak, informatieobject=url, titel=form.cleaned_data["titel"]
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
    today = timezone.localdate()
    try:
        besluit_create(
            verantwoordelijke_organisatie=settings.ORGANISATION_RSIN,
            besluittype=form.cleaned_data["besluittype"],
            datum=today,
            ingangsdatum=today,
            zaak=zaak,
            toelichting=form.cleaned_data["toelichting"],
        )
    except DomainError as error:
        return _refused(request, employee, zaak, forms, str(error))
    messages.success(request, _("The decision has been recorded."))
    return _back(zaak)
