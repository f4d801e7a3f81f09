"""KCC pages: start (search and work list), klantbeeld, and registering a contactmoment.

The person being looked at is kept in the session, not in the URL, so no BSN ends up in
access logs or browser history. Every page that shows personal data logs a verwerking.
"""

from __future__ import annotations

from datetime import date

from django.contrib import messages
from django.http import Http404, HttpRequest, HttpResponse, HttpResponseRedirect, JsonResponse
from django.shortcuts import render, resolve_url
from django.utils.translation import gettext as _
from django.views.decorators.http import require_http_methods, require_POST

from mijnservices.core.identity import Employee, Party
from mijnservices.core.paging import page_number
from mijnservices.core.sessions import session_touch
from mijnservices.kcc.auth import current_employee, employee_required
from mijnservices.kcc.forms import ContactmomentForm, SearchForm
from mijnservices.kcc.rows import zaak_rows
from mijnservices.services.access import employees
from mijnservices.services.casework import selectors, services
from mijnservices.services.casework.klantbeeld import party_header, party_name, party_overview
from mijnservices.services.casework.search import party_by_name_and_birth_date
from mijnservices.services.casework.verwerkingen import log_view
from mijnservices.services.mijnzaken.sources import zaken_refresh_from_sources
from mijnservices.ui.display import party_label
from mijnservices.ui.session import safe_next_url

PARTY_KEY = "kcc_party"


def _current_party(request: HttpRequest) -> Party | None:
    data = request.session.get(PARTY_KEY)
    try:
        return Party.from_session(data) if isinstance(data, dict) else None
    except (KeyError, ValueError):
        return None


def _find(kind: str, query: str, geboortedatum: date | None = None) -> Party | None:
    query = query.strip()
    if kind == "naam" and geboortedatum is not None:
        return party_by_name_and_birth_date(query, geboortedatum)
    if kind == "bsn" and query.isdigit() and len(query) == 9:
        return Party("bsn", query)
    if kind == "kvk" and query.isdigit() and len(query) == 8:
        return Party("kvk", query)
    if kind == "zaak":
        return selectors.party_of_zaak(query)
    if kind in ("email", "telefoon"):
        return selectors.party_for_digitaal_adres(query)
    return None


@employee_required
@require_http_methods(["GET", "POST"])
def home(request: HttpRequest, employee: Employee) -> HttpResponse:
    """Search for a person or business (KCC) and the work list (behandelaar)."""
    can_search = employees.may_search_persons(employee)
    form = SearchForm(request.POST or None)
    not_found = False
    if request.method == "POST":
        if not can_search:
            raise Http404
        if form.is_valid():
            data = form.cleaned_data
            party = _find(data["kind"], data["q"], data.get("geboortedatum"))
            if party is not None:
                request.session[PARTY_KEY] = party.to_session()
                return HttpResponseRedirect(resolve_url("kcc:klantbeeld"))
            not_found = True
    work = zaak_rows(list(selectors.work_list(employee)))
    # The work list shows zaaknummers and statuses, no names or numbers of people: it is
    # not a read of personal data, so nothing is logged here (the zaak page logs).
    context = {
        "employee": employee,
        "can_search": can_search,
        "form": form,
        "not_found": not_found,
        "work": work,
        "is_behandelaar": employee.has_role("behandelaar"),
        "is_auditor": employees.may_read_verwerkingen(employee),
        "may_manage_portal": employees.may_manage_portal(employee),
        "may_see_kpis": employees.may_see_kpis(employee),
    }
    status = 400 if request.method == "POST" else 200
    return render(request, "kcc/home.html", context, status=status)


def _klantbeeld(
    request: HttpRequest,
    employee: Employee,
    party: Party,
    *,
    form: ContactmomentForm | None = None,
    status: int = 200,
) -> HttpResponse:
    # Zaken in the gemeente's existing zaaksystemen: re-read them, waiting only briefly.
    zaken_refresh_from_sources(party=party)
    zaken = list(selectors.zaken_of_party(employee, party))
    timeline = selectors.contact_timeline(party, number=page_number(request))
    log_view(
        employee,
        activiteit="klantbeeld inzien",
        doel="klantvraag beantwoorden",
        personen=[party],
        objecttype="klantbeeld",
        objecten=[z.identificatie for z in zaken],
    )
    header = party_header(party, zaken)
    if form is None:
        phones = [a.adres for a in header.contact_details if a.soort_digitaal_adres != "email"]
        form = ContactmomentForm(
            zaken=[(str(z.uuid), z.identificatie) for z in zaken],
            initial={"terugbelnummer": phones[0] if phones else ""},
        )
    context = {
        "header": header,
        "party": party,
        "party_label": party_label(party),
        "zaken": zaak_rows(zaken),
        "timeline": timeline.items,
        "page": timeline,
        "contact_form": form,
        "overview": party_overview(party),
    }
    return render(request, "kcc/klantbeeld.html", context, status=status)


@employee_required
def klantbeeld(request: HttpRequest, employee: Employee) -> HttpResponse:
    """One screen with what the citizen sees: zaken and their status, tasks, messages,
    notifications, preferences and contacts."""
    party = _current_party(request)
    if party is None or not employees.may_search_persons(employee):
        raise Http404
    return _klantbeeld(request, employee, party)


@employee_required
@require_POST
def contactmoment(request: HttpRequest, employee: Employee) -> HttpResponse:
    """Register a phone call, desk visit, ... with the person in view; optionally refer
    the question to the case team of the linked zaak (an internetaak)."""
    party = _current_party(request)
    if party is None or not employees.may_search_persons(employee):
        raise Http404
    zaken = {str(z.uuid): z for z in selectors.zaken_of_party(employee, party)}
    form = ContactmomentForm(
        request.POST, zaken=[(key, z.identificatie) for key, z in zaken.items()]
    )
    if not form.is_valid():
        messages.error(request, _("The contact was not saved. Fill in all questions."))
        return _klantbeeld(request, employee, party, form=form, status=400)
    zaak = zaken.get(form.cleaned_data["zaak"] or "")
    referral = form.cleaned_data["doorverwijzing"].strip()
    services.contactmoment_register(
        party=party,
        employee=employee,
        kanaal=form.cleaned_data["kanaal"],
        over_status=form.cleaned_data["vraag_over_status"],
        interne_notitie=form.cleaned_data["inhoud"],
        voor_inwoner=form.cleaned_data["voor_inwoner"],
        zaak=zaak,
        doorverwijzing=referral,
        terugbelnummer=form.cleaned_data["terugbelnummer"],
        naam=party_name(party) if referral else "",
    )
    if referral and zaak is not None:
        messages.success(request, _("The contact has been saved and referred to the case team."))
    else:
        messages.success(request, _("The contact has been saved."))
    target = safe_next_url(request, request.POST.get("next"))
    return HttpResponseRedirect(target or resolve_url("kcc:klantbeeld"))


@require_POST
def keep_alive(request: HttpRequest) -> HttpResponse:
    """ "Stay logged in": saves the session, so its idle time starts again."""
    employee = current_employee(request)
    if employee is None:
        return JsonResponse({"logged_in": False}, status=401)
    session_touch(request)
    if request.headers.get("accept", "").startswith("application/json"):
        response: HttpResponse = JsonResponse({"logged_in": True})
    else:
        next_url = safe_next_url(request, request.POST.get("next"))
        response = HttpResponseRedirect(next_url or resolve_url("kcc:home"))
    response["Cache-Control"] = "no-store"
    return response
