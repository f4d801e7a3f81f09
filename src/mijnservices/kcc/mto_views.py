"""The employee survey (MTO): any employee answers once a quarter; stored with the role only."""

from __future__ import annotations

from django.contrib import messages
from django.http import HttpRequest, HttpResponse, HttpResponseRedirect
from django.shortcuts import render, resolve_url
from django.utils.translation import gettext as _
from django.views.decorators.http import require_http_methods

from mijnservices.core.errors import DomainError
from mijnservices.core.identity import Employee
from mijnservices.kcc.auth import employee_required
from mijnservices.kcc.forms_kpi import MtoForm
from mijnservices.services.kpis.surveys import mto_invited, mto_submit


@employee_required
@require_http_methods(["GET", "POST"])
def mto_page(request: HttpRequest, employee: Employee) -> HttpResponse:
    form = MtoForm(request.POST or None)
    if request.method == "POST" and form.is_valid():
        try:
            mto_submit(
                employee=employee, answers=form.answers(), open_answer=form.cleaned_data["open"]
            )
        except DomainError as error:
            form.add_error(None, _(error.message))
        else:
            messages.success(request, _("Thank you for your answers."))
            return HttpResponseRedirect(resolve_url("kcc:home"))
    return render(request, "kcc/mto.html", {"form": form, "invited": mto_invited(employee)})
