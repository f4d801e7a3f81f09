"""The behandelaar's list of questions referred to their case team ("Doorverwezen vragen")."""

from __future__ import annotations

from uuid import UUID

from django.contrib import messages
from django.http import Http404, HttpRequest, HttpResponse, HttpResponseRedirect
from django.shortcuts import render, resolve_url
from django.utils.translation import gettext as _
from django.views.decorators.http import require_POST

from mijnservices.core.identity import Employee
from mijnservices.kcc.auth import employee_required
from mijnservices.services.access import employees
from mijnservices.services.casework import referrals
from mijnservices.services.casework.verwerkingen import log_view


@employee_required
def referral_list(request: HttpRequest, employee: Employee) -> HttpResponse:
    if not employees.referral_zaaktypen(employee):
        raise Http404
    rows = referrals.referrals_for(employee)
    # The questions are what residents said: a read of personal data.
    if rows:
        log_view(
            employee,
            activiteit="doorverwezen vragen inzien",
            doel="zaak behandelen",
            personen=list(dict.fromkeys(p for row in rows for p in row.parties)),
            objecttype="internetaak",
            objecten=[row.nummer for row in rows],
        )
    return render(request, "kcc/referrals.html", {"rows": rows})


@employee_required
@require_POST
def referral_done(request: HttpRequest, employee: Employee, taak_uuid: UUID) -> HttpResponse:
    taak = referrals.referral_for_employee(employee, taak_uuid)
    if taak is None:
        raise Http404
    referrals.referral_handle(internetaak=taak)
    messages.success(request, _("The question has been marked as handled."))
    return HttpResponseRedirect(resolve_url("kcc:referrals"))
