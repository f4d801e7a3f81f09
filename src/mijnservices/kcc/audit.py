"""The auditor's page: search the verwerkingenlogging by person (BSN → pseudonym, the
form in which the log stores it) and by period. Only the auditor role reaches it, and the
auditor reaches nothing else (services/access/employees.py).

The query lives here until the Verwerkingenlogging registration offers an auditor
selector next to ``verwerkingen_for`` (which is the citizen's view: no employee names, no
vertrouwelijke acties). The search itself is logged: looking up who saw someone's data is
again a processing of that person's data.
"""

from __future__ import annotations

from dataclasses import dataclass
from datetime import date, datetime, time, timedelta

from django import forms
from django.http import Http404, HttpRequest, HttpResponse
from django.shortcuts import render
from django.utils import timezone
from django.utils.translation import gettext_lazy as _

from mijnservices.core.identity import Employee, Party
from mijnservices.kcc.auth import employee_required
from mijnservices.kcc.logging import log_view
from mijnservices.registrations.verwerkingen.models import Verwerkingsactie
from mijnservices.registrations.verwerkingen.services import SOORT, pseudonym
from mijnservices.services.access import employees

LIMIT = 200
DATE_FORMATS = ["%d-%m-%Y", "%Y-%m-%d"]


class AuditForm(forms.Form):
    bsn = forms.RegexField(
        label=_("BSN of the person (optional)"),
        regex=r"^\d{9}$",
        required=False,
        error_messages={"invalid": _("A BSN has 9 digits.")},
    )
    van = forms.DateField(
        label=_("From"), help_text=_("For example 01-01-2026."), input_formats=DATE_FORMATS
    )
    tot = forms.DateField(
        label=_("Up to and including"),
        help_text=_("For example 31-01-2026."),
        input_formats=DATE_FORMATS,
    )

    def clean(self) -> dict[str, object]:
        data = super().clean() or {}
        van, tot = data.get("van"), data.get("tot")
        if isinstance(van, date) and isinstance(tot, date) and tot < van:
            self.add_error("tot", _("The end lies before the start."))
        return data


@dataclass(frozen=True)
class AuditRow:
    tijdstip: datetime
    gebruiker: str
    organisatie_eenheid: str
    activiteit: str
    doel: str
    vertrouwelijkheid: str


def _aware(day: date) -> datetime:
    return timezone.make_aware(datetime.combine(day, time.min))


def audit_search(*, party: Party | None, van: date, tot: date) -> list[AuditRow]:
    """Verwerkingsacties in the period (about ``party`` when given), newest first: one query."""
    acties = Verwerkingsactie.objects.filter(
        tijdstip__gte=_aware(van), tijdstip__lt=_aware(tot + timedelta(days=1))
    )
    if party is not None:
        acties = acties.filter(
            verwerkte_objecten__soort_object_id=SOORT[party.kind],
            verwerkte_objecten__object_pseudonym=pseudonym(party.kind, party.identifier),
        ).distinct()
    return [
        AuditRow(
            tijdstip=actie.tijdstip,
            gebruiker=actie.gebruiker,
            organisatie_eenheid=actie.organisatie_eenheid or actie.systeem,
            activiteit=actie.actie_naam,
            doel=actie.doel,
            vertrouwelijkheid=actie.vertrouwelijkheid,
        )
        for actie in acties.order_by("-tijdstip", "-pk")[:LIMIT]
    ]


@employee_required
def audit_page(request: HttpRequest, employee: Employee) -> HttpResponse:
    if not employees.may_read_verwerkingen(employee):
        raise Http404
    form = AuditForm(request.GET or None)
    rows: list[AuditRow] | None = None
    if form.is_bound and form.is_valid():
        bsn = form.cleaned_data["bsn"]
        party = Party("bsn", bsn) if bsn else None
        rows = audit_search(party=party, van=form.cleaned_data["van"], tot=form.cleaned_data["tot"])
        if party is not None:
            log_view(
                employee,
                activiteit="verwerkingenlogging inzien",
                doel="verantwoording en controle",
                personen=[party],
                objecttype="verwerkingenlogging",
            )
    status = 400 if form.is_bound and not form.is_valid() else 200
    context = {"form": form, "rows": rows, "limit": LIMIT}
    return render(request, "kcc/audit.html", context, status=status)
