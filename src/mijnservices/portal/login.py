"""Login and logout pages.

DigiD and eHerkenning (OIDC) are not built yet: the login page says so. Demo mode adds a
clearly labelled demo login that never pretends to be DigiD.
"""

from __future__ import annotations

from django.conf import settings
from django.contrib import messages
from django.http import Http404, HttpRequest, HttpResponse, HttpResponseRedirect
from django.shortcuts import render, resolve_url
from django.utils.translation import gettext as _
from django.views.decorators.http import require_GET, require_POST

from mijnservices.demo.personas import PERSONAS, Persona
from mijnservices.portal.auth import (
    LOGIN_URL,
    login_citizen,
    logout_citizen,
    redirect_after_login,
    safe_next_url,
)
from mijnservices.portal.forms import (
    DemoBsnForm,
    DemoPersonaForm,
    persona_description,
    persona_key,
)
from mijnservices.services.access.principals import Citizen, Party, PartyKind


def _render_login(
    request: HttpRequest,
    *,
    persona_form: DemoPersonaForm | None = None,
    bsn_form: DemoBsnForm | None = None,
) -> HttpResponse:
    next_url = safe_next_url(request, request.POST.get("next") or request.GET.get("next"))
    persona_form = persona_form or DemoPersonaForm()
    chosen = persona_form["persona"].value()
    personas = [
        {
            "key": persona_key(p),
            "name": p.name,
            "description": persona_description(p),
            "checked": chosen == persona_key(p),
        }
        for p in PERSONAS
    ]
    return render(
        request,
        "portal/login.html",
        {
            "next_url": next_url or "",
            "persona_form": persona_form,
            "bsn_form": bsn_form or DemoBsnForm(),
            "personas": personas,
        },
    )


@require_GET
def login_page(request: HttpRequest) -> HttpResponse:
    return _render_login(request)


def _citizen_for(persona: Persona) -> Citizen:
    kind: PartyKind = "kvk" if persona.kind == "kvk" else "bsn"
    party = Party(kind=kind, identifier=persona.identifier, name=persona.name)
    return Citizen(actor=party, auth_method="demo")


@require_POST
def demo_login(request: HttpRequest) -> HttpResponse:
    """Log in as a demo person. Outside demo mode this URL does not exist."""
    if not settings.DEMO_MODE:
        raise Http404
    if "bsn" in request.POST:
        bsn_form = DemoBsnForm(request.POST)
        if not bsn_form.is_valid():
            return _render_login(request, bsn_form=bsn_form)
        persona = bsn_form.cleaned_data["bsn"]
    else:
        persona_form = DemoPersonaForm(request.POST)
        if not persona_form.is_valid():
            return _render_login(request, persona_form=persona_form)
        persona = persona_form.cleaned_data["persona"]
    login_citizen(request, _citizen_for(persona))
    return redirect_after_login(request, request.POST.get("next"))


@require_POST
def logout(request: HttpRequest) -> HttpResponse:
    logout_citizen(request)
    messages.info(request, _("You are logged out."))
    return HttpResponseRedirect(resolve_url(LOGIN_URL))
