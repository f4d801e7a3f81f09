"""Login and logout pages.

DigiD and eHerkenning log in through an OpenID Connect broker (:mod:`.oidc_views`); their
buttons appear only when the broker is configured. Demo mode adds a clearly labelled demo
login that never pretends to be DigiD: its section (``demo/_login.html``) and view belong to
the demo app, which this module never imports.
"""

from __future__ import annotations

from urllib.parse import urlencode

import structlog
from django.contrib import messages
from django.forms import Form
from django.http import HttpRequest, HttpResponse, HttpResponseRedirect
from django.shortcuts import render, resolve_url
from django.utils.translation import gettext as _
from django.views.decorators.http import require_GET, require_POST

from mijnservices.portal.auth import (
    LOGIN_URL,
    OIDC_SESSION_KEY,
    current_citizen,
    forget_marker,
    logout_citizen,
    session_timed_out,
)
from mijnservices.portal.oidc import configured_providers, provider
from mijnservices.ui.oidc import LoginError
from mijnservices.ui.session import safe_next_url

logger = structlog.get_logger("mijnservices.portal")


def render_login(request: HttpRequest, **forms: Form) -> HttpResponse:
    """The login page; ``forms`` are handed back with their errors (the demo login's)."""
    next_url = safe_next_url(request, request.POST.get("next") or request.GET.get("next"))
    timed_out = session_timed_out(request)
    context: dict[str, object] = {
        "next_url": next_url or "",
        "next_query": urlencode({"next": next_url}) if next_url else "",
        "providers": configured_providers(),
        "timed_out": timed_out,
        **forms,
    }
    response = render(request, "portal/login.html", context)
    if timed_out:
        forget_marker(response)  # say it once
    return response


@require_GET
def login_page(request: HttpRequest) -> HttpResponse:
    return render_login(request)


def _broker_logout_url(request: HttpRequest, oidc: object) -> str | None:
    """Where to end the session at the broker too, when it offers that."""
    if not isinstance(oidc, dict) or oidc.get("provider") not in ("digid", "eherkenning"):
        return None
    config = provider(oidc["provider"])
    if not config.configured:
        return None
    try:
        end_session = config.endpoints().get("end_session_endpoint")
    except LoginError:
        return None
    if not isinstance(end_session, str) or not end_session:
        return None
    params = {
        "client_id": config.client_id,
        "post_logout_redirect_uri": request.build_absolute_uri(resolve_url(LOGIN_URL)),
    }
    if oidc.get("id_token"):
        params["id_token_hint"] = str(oidc["id_token"])
    return f"{end_session}?{urlencode(params)}"


@require_POST
def logout(request: HttpRequest) -> HttpResponse:
    oidc = request.session.get(OIDC_SESSION_KEY)
    was_logged_in = current_citizen(request) is not None
    logout_citizen(request)
    messages.info(request, _("You are logged out."))
    target = (_broker_logout_url(request, oidc) if was_logged_in else None) or resolve_url(
        LOGIN_URL
    )
    response = HttpResponseRedirect(target)
    forget_marker(response)
    return response
