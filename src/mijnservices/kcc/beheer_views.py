"""The beheer screens at /medewerker/beheer/ (beheerder role, decision 0036): which zaaktypen
are ready for the portal, their texts and settings, a preview as citizens see it, the history
of changes, import and export, and the branding and contact details."""

from __future__ import annotations

from typing import Any

from django.contrib import messages
from django.http import Http404, HttpRequest, HttpResponse, HttpResponseRedirect
from django.shortcuts import render, resolve_url
from django.utils import translation
from django.utils.translation import gettext as _
from django.views.decorators.http import require_http_methods, require_POST

from mijnservices.core.identity import Employee
from mijnservices.kcc.auth import employee_required
from mijnservices.kcc.forms_beheer import (
    STEP_FIELD_NAMES,
    BrandingForm,
    ImportForm,
    KccAccessForm,
    PresentationForm,
    step_form_class,
    step_values,
)
from mijnservices.registrations.catalogi.models import ZaakType
from mijnservices.services.access import employees
from mijnservices.services.mijnzaken.titles import zaaktype_title
from mijnservices.services.mijnzaken.tracking import build_tracking
from mijnservices.services.presentation import branding, exchange, importing, services
from mijnservices.services.presentation.completeness import missing_items, readiness_list
from mijnservices.services.presentation.models import PresentationChange
from mijnservices.services.presentation.preview import sample_zaak
from mijnservices.ui.display import status_text


def _allowed(employee: Employee) -> None:
    if not employees.may_manage_portal(employee):
        raise Http404


def _zaaktype(identificatie: str) -> ZaakType:
    zaaktype = services.latest_zaaktype(identificatie)
    if zaaktype is None:
        raise Http404
    return zaaktype


@employee_required
def home(request: HttpRequest, employee: Employee) -> HttpResponse:
    _allowed(employee)
    return render(request, "kcc/beheer_home.html", {"rows": readiness_list()})


@employee_required
@require_http_methods(["GET", "POST"])
def zaaktype_edit(request: HttpRequest, employee: Employee, identificatie: str) -> HttpResponse:
    _allowed(employee)
    zaaktype = _zaaktype(identificatie)
    current = exchange.presentation_data(zaaktype)
    steps = current["steps"]
    names = [step["statustype_omschrijving"] for step in steps]
    steps_form_class = step_form_class(len(steps))
    if request.method == "POST":
        form = PresentationForm(request.POST)
        steps_form = steps_form_class(request.POST)
        if form.is_valid() and steps_form.is_valid():
            fields = {**form.cleaned_data, "auth_level": form.cleaned_data["auth_level"] or ""}
            services.presentation_update(
                identificatie=identificatie,
                user=request.user,
                what=_("Texts and settings changed"),
                fields=fields,
                steps=step_values(steps_form, names),
            )
            messages.success(request, _("Saved. Citizens see the change on their next visit."))
            return HttpResponseRedirect(resolve_url("kcc:beheer_zaaktype", identificatie))
    else:
        form = PresentationForm(initial={k: v for k, v in current.items() if k != "steps"})
        initial = {
            f"step{n}_{name}": step.get(name)
            for n, step in enumerate(steps)
            for name in STEP_FIELD_NAMES
        }
        steps_form = steps_form_class(initial=initial)
    step_rows = [
        {
            "name": name,
            "fields": [steps_form[f"step{n}_{f}"] for f in ("text_nl", "text_en", "expected_days")],
            "informeren": steps_form[f"step{n}_informeren"],
            "email": [
                steps_form[f"step{n}_email_{part}_{language}"]
                for language in ("nl", "en")
                for part in ("subject", "body")
            ],
        }
        for n, name in enumerate(names)
    ]
    context = {
        "zaaktype": zaaktype,
        "form": form,
        "step_rows": step_rows,
        "has_errors": bool(form.errors or steps_form.errors),
        "shown": current["shown_in_portal"],
        "missing": missing_items(_zaaktype(identificatie)),
        "kcc_form": KccAccessForm(initial=_kcc_initial(identificatie)),
    }
    return render(request, "kcc/beheer_zaaktype.html", context)


def _kcc_initial(identificatie: str) -> dict[str, bool]:
    setting = employees.zaaktype_setting(identificatie)
    if setting is None:
        return {"released_for_kcc": False, "social_domain": False}
    return {"released_for_kcc": setting.released_for_kcc, "social_domain": setting.social_domain}


@employee_required
@require_POST
def zaaktype_kcc_access(
    request: HttpRequest, employee: Employee, identificatie: str
) -> HttpResponse:
    """What the KCC may see of this product's cases (``access.ZaaktypeSetting``)."""
    _allowed(employee)
    _zaaktype(identificatie)
    form = KccAccessForm(request.POST)
    form.is_valid()  # two checkboxes: always valid
    services.kcc_access_update(
        identificatie=identificatie,
        released_for_kcc=form.cleaned_data["released_for_kcc"],
        social_domain=form.cleaned_data["social_domain"],
        user=request.user,
    )
    messages.success(request, _("Saved. KCC employees see the change on their next search."))
    return HttpResponseRedirect(resolve_url("kcc:beheer_zaaktype", identificatie))


@employee_required
@require_POST
def zaaktype_release(request: HttpRequest, employee: Employee, identificatie: str) -> HttpResponse:
    _allowed(employee)
    _zaaktype(identificatie)
    shown = request.POST.get("shown") == "1"
    services.presentation_release(identificatie=identificatie, shown=shown, user=request.user)
    messages.success(
        request,
        _("The product is now shown in the portal.")
        if shown
        else _("The product is now hidden from the portal."),
    )
    return HttpResponseRedirect(resolve_url("kcc:beheer_zaaktype", identificatie))


@employee_required
def zaaktype_preview(request: HttpRequest, employee: Employee, identificatie: str) -> HttpResponse:
    """The zaak page as a citizen will see it, with a sample zaak, in Dutch or English."""
    _allowed(employee)
    language = "en" if request.GET.get("taal") == "en" else "nl"
    zaaktype = _zaaktype(identificatie)
    zaak = sample_zaak(zaaktype)
    with translation.override(language):
        request.LANGUAGE_CODE = language
        title = zaaktype_title(zaaktype)
        presented = getattr(zaaktype, "_presentation", None)
        context: dict[str, Any] = {
            "preview": True,
            "zaak": zaak,
            "title": title,
            "kind": "",
            "status": status_text(zaak),
            "tracking": build_tracking(zaak),
            "department": presented.department if presented else "",
            "documents": {"besluiten": [], "documents": []},
            "contacts": [],
            "preview_back": resolve_url("kcc:beheer_zaaktype", identificatie),
        }
        response = render(request, "kcc/beheer_preview.html", context)
    return response


@employee_required
def zaaktype_history(request: HttpRequest, employee: Employee, identificatie: str) -> HttpResponse:
    _allowed(employee)
    zaaktype = _zaaktype(identificatie)
    changes = PresentationChange.objects.filter(
        presentation__zaaktype_identificatie=identificatie
    ).order_by("-changed_at", "-pk")[:100]
    return render(request, "kcc/beheer_history.html", {"zaaktype": zaaktype, "changes": changes})


@employee_required
def zaaktype_export(request: HttpRequest, employee: Employee, identificatie: str) -> HttpResponse:
    _allowed(employee)
    content = exchange.zaaktype_export(zaaktype=_zaaktype(identificatie))
    response = HttpResponse(content, content_type="application/zip")
    response["Content-Disposition"] = f'attachment; filename="zaaktype-{identificatie}.zip"'
    return response


@employee_required
@require_http_methods(["GET", "POST"])
def catalogue_import(request: HttpRequest, employee: Employee) -> HttpResponse:
    _allowed(employee)
    form = ImportForm(request.POST or None, request.FILES or None)
    report, problems = None, []
    if request.method == "POST" and form.is_valid():
        try:
            report = importing.catalogue_import(
                content=form.cleaned_data["file"].read(), user=request.user
            )
        except importing.ImportRefused as refused:
            problems = refused.problems
    status = 400 if problems or form.errors else 200
    context = {"form": form, "report": report, "problems": problems}
    return render(request, "kcc/beheer_import.html", context, status=status)


@employee_required
@require_http_methods(["GET", "POST"])
def branding_page(request: HttpRequest, employee: Employee) -> HttpResponse:
    _allowed(employee)
    if request.method == "POST":
        form = BrandingForm(request.POST)
        if form.is_valid():
            branding.branding_update(values=form.cleaned_data, user=request.user)
            messages.success(request, _("Saved. Every page shows the change on its next visit."))
            return HttpResponseRedirect(resolve_url("kcc:beheer_branding"))
    else:
        form = BrandingForm(initial=branding.branding_overrides())
    return render(
        request,
        "kcc/beheer_branding.html",
        {"form": form, "defaults": branding.branding_defaults(), "has_errors": bool(form.errors)},
    )
