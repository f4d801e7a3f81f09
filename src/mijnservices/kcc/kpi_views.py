"""The KPI pages (beheerder and manager): dashboard with export, 0-meting and imports, and
the business case. Counts only: nothing here shows a zaak or a person."""

from __future__ import annotations

from datetime import date
from typing import Any

from django.contrib import messages
from django.http import Http404, HttpRequest, HttpResponse, HttpResponseRedirect
from django.shortcuts import render, resolve_url
from django.utils.translation import gettext as _
from django.views.decorators.http import require_http_methods

from mijnservices.core.errors import DomainError
from mijnservices.core.identity import Employee
from mijnservices.kcc.auth import employee_required
from mijnservices.kcc.forms_kpi import (
    BaselineForm,
    BusinessCaseForm,
    FilterForm,
    GoLiveForm,
    ImportForm,
    default_range,
    initial_from_case,
)
from mijnservices.services.access import employees
from mijnservices.services.kpis import business_case, imports
from mijnservices.services.kpis.dashboard import kpi_dashboard, zaaktype_choices
from mijnservices.services.kpis.definitions import Kpi
from mijnservices.services.kpis.export import export_records, records_csv, records_xlsx
from mijnservices.services.kpis.periods import Granularity


def _allowed(employee: Employee) -> None:
    if not employees.may_see_kpis(employee):
        raise Http404


def _filter(request: HttpRequest, zaaktypen: list[tuple[str, str]]) -> FilterForm:
    start, end = default_range()
    data = {"van": start.isoformat(), "tot": end.isoformat(), "zaaktype": "", "periode": "month"}
    data.update({k: request.GET[k] for k in data if k in request.GET})
    return FilterForm(data, zaaktypen=zaaktypen)


def _choices(form: FilterForm) -> tuple[date, date, Granularity, str | None]:
    data = form.cleaned_data
    return data["van"], data["tot"], Granularity(data["periode"]), data["zaaktype"] or None


@employee_required
def dashboard(request: HttpRequest, employee: Employee) -> HttpResponse:
    _allowed(employee)
    zaaktypen = zaaktype_choices()
    form = _filter(request, zaaktypen)
    board = None
    if form.is_valid():
        start, end, granularity, zaaktype = _choices(form)
        board = kpi_dashboard(start=start, end=end, granularity=granularity, zaaktype=zaaktype)
    return render(
        request,
        "kcc/kpi_dashboard.html",
        {
            "form": form,
            "board": board,
            "kpis": list(Kpi),
            "query": request.GET.urlencode(),
            "has_errors": not form.is_valid(),
        },
    )


EXPORT_FORMATS = {
    "csv": "text/csv; charset=utf-8",
    "xlsx": "application/vnd.openxmlformats-officedocument.spreadsheetml.sheet",
}


@employee_required
def export(request: HttpRequest, employee: Employee, fmt: str = "csv") -> HttpResponse:
    """The figures as CSV or a spreadsheet: one row per zaaktype x period x KPI, stable
    identifiers."""
    _allowed(employee)
    form = _filter(request, zaaktype_choices())
    if not form.is_valid():
        return HttpResponse(_("Invalid filter."), status=400, content_type="text/plain")
    start, end, granularity, zaaktype = _choices(form)
    records = export_records(start=start, end=end, granularity=granularity, zaaktype=zaaktype)
    content = records_xlsx(records) if fmt == "xlsx" else records_csv(records)
    response = HttpResponse(content, content_type=EXPORT_FORMATS[fmt])
    name = f"kpis-{start.isoformat()}-{end.isoformat()}{'-' + zaaktype if zaaktype else ''}.{fmt}"
    response["Content-Disposition"] = f'attachment; filename="{name}"'
    return response


@employee_required
@require_http_methods(["GET", "POST"])
def baseline(request: HttpRequest, employee: Employee) -> HttpResponse:
    """The 0-meting: import a CSV, enter one figure, or set a zaaktype's go-live date."""
    _allowed(employee)
    zaaktypen = zaaktype_choices()
    action = request.POST.get("action", "")
    import_form = ImportForm(
        request.POST if action == "import" else None,
        request.FILES if action == "import" else None,
    )
    baseline_form = BaselineForm(
        request.POST if action == "baseline" else None, zaaktypen=zaaktypen
    )
    go_live_form = GoLiveForm(request.POST if action == "golive" else None, zaaktypen=zaaktypen)
    report = None
    if action == "import" and import_form.is_valid():
        text = import_form.cleaned_data["bestand"]
        if import_form.cleaned_data["soort"] == "baseline":
            report = imports.baseline_import(text=text)
        else:
            report = imports.channel_volumes_import(text=text)
    elif action == "baseline" and baseline_form.is_valid():
        data = baseline_form.cleaned_data
        try:
            imports.baseline_set(
                zaaktype=data["zaaktype"],
                period_start=data["van"],
                period_end=data["tot"],
                kpi=Kpi(data["kpi"]),
                value=data["waarde"],
                source=employee.username,
            )
        except DomainError as exc:
            baseline_form.add_error(None, str(exc))
        else:
            messages.success(request, _("The 0-meting figure has been saved."))
            return HttpResponseRedirect(resolve_url("kcc:kpi_baseline"))
    elif action == "golive" and go_live_form.is_valid():
        imports.go_live_set(**go_live_form.cleaned_data)
        messages.success(request, _("The go-live date has been saved."))
        return HttpResponseRedirect(resolve_url("kcc:kpi_baseline"))
    context: dict[str, Any] = {
        "import_form": import_form,
        "baseline_form": baseline_form,
        "go_live_form": go_live_form,
        "report": report,
    }
    return render(request, "kcc/kpi_baseline.html", context)


@employee_required
@require_http_methods(["GET", "POST"])
def business_case_page(request: HttpRequest, employee: Employee) -> HttpResponse:
    """Steps A-C of Startgids §4.2, pre-filled from the last year's volumes and KPIs."""
    _allowed(employee)
    outcome = None
    if request.method == "POST":
        form = BusinessCaseForm(request.POST)
        if form.is_valid():
            case = form.case()
            outcome = business_case.business_case_compute(case)
            if request.POST.get("action") == "save":
                try:
                    business_case.scenario_save(naam=form.cleaned_data["naam"], case=case)
                except DomainError as exc:
                    form.add_error("naam", str(exc))
                else:
                    messages.success(request, _("The scenario has been saved."))
                    return HttpResponseRedirect(resolve_url("kcc:kpi_business_case"))
    else:
        start, end = default_range()
        case = business_case.business_case_prefill(start=start, end=end)
        form = BusinessCaseForm(initial=initial_from_case(case))
    return render(
        request,
        "kcc/kpi_business_case.html",
        {
            "form": form,
            "outcome": outcome,
            "scenarios": business_case.scenarios_compared(),
        },
    )
