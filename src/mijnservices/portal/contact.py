"""MijnContactmomenten (one timeline of every contact) and asking a question on a zaak."""

from __future__ import annotations

from datetime import date
from uuid import UUID

from django.contrib import messages
from django.http import HttpRequest, HttpResponse, HttpResponseRedirect
from django.shortcuts import render
from django.urls import reverse
from django.utils.translation import gettext as _
from django.views.decorators.http import require_POST

from mijnservices.core.errors import DomainError
from mijnservices.core.identity import Citizen
from mijnservices.core.paging import page_number
from mijnservices.portal import audit
from mijnservices.portal.auth import citizen_required
from mijnservices.portal.question_form import QuestionForm
from mijnservices.portal.views import detail_context
from mijnservices.services.mijnoverzicht.contactmomenten import contact_page, question_ask
from mijnservices.services.mijnzaken.selectors import zaak_for_detail
from mijnservices.ui.display import DateFormatter


@citizen_required
def contactmomenten(request: HttpRequest, citizen: Citizen) -> HttpResponse:
    page = contact_page(citizen, number=page_number(request))
    audit.record("contactmomenten_viewed", citizen, contacts=len(page.items))
    return render(
        request,
        "portal/contactmomenten.html",
        {"citizen": citizen, "rows": page.items, "page": page},
    )


@require_POST
@citizen_required
def question(request: HttpRequest, citizen: Citizen, zaak_uuid: UUID) -> HttpResponse:
    """Send a question about the zaak; a refusal shows the zaak page again with the text."""
    zaak = zaak_for_detail(citizen, zaak_uuid)
    form = QuestionForm(request.POST)
    if form.is_valid():
        try:
            asked = question_ask(citizen=citizen, zaak=zaak, vraag=form.cleaned_data["vraag"])
        except DomainError as error:
            form.add_error("vraag", _(error.message))
        else:
            audit.record("question_asked", citizen, zaak=str(zaak.uuid))
            messages.success(
                request,
                _(
                    "Your question has been sent. You will get an answer within "
                    "%(days)d working days, so by %(date)s at the latest. You will find it "
                    "under Contact about this case."
                )
                % {"days": asked.answer_within_days, "date": _date_text(asked.answer_by)},
            )
            url = reverse("portal:zaak_detail", args=[zaak.uuid]) + "#contact"
            return HttpResponseRedirect(url)
    context = detail_context(citizen, zaak, question_form=form)
    return render(request, "portal/zaak_detail.html", context, status=400)


def _date_text(value: date) -> str:
    formatted = DateFormatter()(value)
    return formatted.text if formatted else ""
