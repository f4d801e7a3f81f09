"""The answer to the satisfaction survey of a closed zaak (once per zaak, without who)."""

from __future__ import annotations

from uuid import UUID

from django.contrib import messages
from django.http import HttpRequest, HttpResponse, HttpResponseRedirect
from django.shortcuts import render
from django.urls import reverse
from django.utils.translation import gettext as _
from django.views.decorators.http import require_POST

from mijnservices.core.errors import DomainError
from mijnservices.core.identity import Citizen
from mijnservices.portal.auth import citizen_required
from mijnservices.portal.kto_form import KtoForm
from mijnservices.portal.views import detail_context
from mijnservices.services.kpis.surveys import kto_newest, kto_questionnaire, kto_submit
from mijnservices.services.mijnzaken.selectors import zaak_for_detail


@citizen_required
@require_POST
def kto_answer(request: HttpRequest, citizen: Citizen, zaak_uuid: UUID) -> HttpResponse:
    zaak = zaak_for_detail(citizen, zaak_uuid)
    # The version that applies now; the service refuses when the KTO is off.
    questionnaire = kto_questionnaire(zaak.zaaktype.identificatie) or kto_newest()
    form = KtoForm(request.POST, questionnaire=questionnaire)
    if form.is_valid():
        try:
            kto_submit(zaak=zaak, answers=form.answers(), open_answer=form.cleaned_data["open"])
        except DomainError as error:
            form.add_error(None, _(error.message))
        else:
            messages.success(request, _("Thank you for your answers."))
            return HttpResponseRedirect(reverse("portal:zaak_detail", args=[zaak.uuid]))
    context = detail_context(citizen, zaak)
    context["kto_form"] = form
    return render(request, "portal/zaak_detail.html", context, status=400)
