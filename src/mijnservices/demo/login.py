"""DEMO ONLY: the demo login — log in as a demo person, business or machtiging. Its section
sits on the portal's login page (``demo/_login.html``); outside demo mode this URL answers 404
and the section is not shown."""

from __future__ import annotations

from django.conf import settings
from django.http import Http404, HttpRequest, HttpResponse
from django.views.decorators.http import require_POST

from mijnservices.demo.forms import DemoBsnForm, DemoPersonaForm
from mijnservices.portal.auth import login_citizen, redirect_after_login
from mijnservices.portal.login import render_login


@require_POST
def demo_login(request: HttpRequest) -> HttpResponse:
    """Log in as a demo person or demo machtiging. Outside demo mode this URL does not exist."""
    if not settings.DEMO_MODE:
        raise Http404
    if "bsn" in request.POST:
        bsn_form = DemoBsnForm(request.POST)
        if not bsn_form.is_valid():
            return render_login(request, bsn_form=bsn_form)
        citizen = bsn_form.cleaned_data["bsn"]
    else:
        persona_form = DemoPersonaForm(request.POST)
        if not persona_form.is_valid():
            return render_login(request, persona_form=persona_form)
        citizen = persona_form.cleaned_data["persona"]
    login_citizen(request, citizen)
    return redirect_after_login(request, request.POST.get("next"))
