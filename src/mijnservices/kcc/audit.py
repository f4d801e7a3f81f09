"""The auditor's page: search the verwerkingenlogging by person (BSN → pseudonym, the
form in which the log stores it) and by period. Only the auditor role reaches it, and the
auditor reaches nothing else (services/access/employees.py).

The query is the registration's auditor selector ``verwerkingsacties_search`` (beside the
citizen's ``verwerkingen_for``, which shows no employee names and no vertrouwelijke acties).
The search itself is logged: looking up who saw someone's data is
again a processing of that person's data.
"""

from __future__ import annotations

from datetime import date, timedelta

from django import forms
from django.http import Http404, HttpRequest, HttpResponse
from django.shortcuts import render
from django.utils import timezone
from django.utils.translation import gettext_lazy as _

from mijnservices.core.identity import Employee, Party
from mijnservices.kcc.auth import employee_required
from mijnservices.registrations.verwerkingen.selectors import (
    AUDIT_LIMIT as LIMIT,
)
from mijnservices.registrations.verwerkingen.selectors import AuditRow
from mijnservices.services.access import employees
from mijnservices.services.casework.verwerkingen import audit_rows, log_view

DATE_FORMATS = ["%d-%m-%Y", "%Y-%m-%d"]


def _day(offset: int) -> str:
    return (timezone.localdate() + timedelta(days=offset)).strftime("%d-%m-%Y")


class AuditForm(forms.Form):
    bsn = forms.RegexField(
        label=_("BSN of the person (optional)"),
        regex=r"^\d{9}$",
        required=False,
        error_messages={"invalid": _("A BSN has 9 digits.")},
    )
    # Defaults (issue 21): the last 30 days, so a first search needs no typing.
    van = forms.DateField(
        label=_("From"),
        help_text=_("For example 01-01-2026."),
        input_formats=DATE_FORMATS,
        initial=lambda: _day(-30),
        widget=forms.DateInput(format="%d-%m-%Y"),
    )
    tot = forms.DateField(
        label=_("Up to and including"),
        help_text=_("For example 31-01-2026."),
        input_formats=DATE_FORMATS,
        initial=lambda: _day(0),
        widget=forms.DateInput(format="%d-%m-%Y"),
    )

    def clean(self) -> dict[str, object]:
        data = super().clean() or {}
        van, tot = data.get("van"), data.get("tot")
        if isinstance(van, date) and isinstance(tot, date) and tot < van:
            self.add_error("tot", _("The end lies before the start."))
        return data


def _searched(form: AuditForm) -> str:
    bsn = form.cleaned_data.get("bsn", "") if form.is_bound and form.is_valid() else ""
    return str(bsn)


@employee_required
def audit_page(request: HttpRequest, employee: Employee) -> HttpResponse:
    if not employees.may_read_verwerkingen(employee):
        raise Http404
    form = AuditForm(request.GET or None)
    rows: list[AuditRow] | None = None
    if form.is_bound and form.is_valid():
        bsn = form.cleaned_data["bsn"]
        party = Party("bsn", bsn) if bsn else None
        rows = audit_rows(party=party, van=form.cleaned_data["van"], tot=form.cleaned_data["tot"])
        if party is not None:
            log_view(
                employee,
                activiteit="verwerkingenlogging inzien",
                doel="verantwoording en controle",
                personen=[party],
                objecttype="verwerkingenlogging",
            )
    status = 400 if form.is_bound and not form.is_valid() else 200
    context = {"form": form, "rows": rows, "limit": LIMIT, "searched": _searched(form)}
    return render(request, "kcc/audit.html", context, status=status)
