"""Citizen sessions for the portal: who is logged in, and the guard for citizen pages.

A citizen is not a Django ``User``: DigiD and eHerkenning (and the demo login) hand us a
BSN or KvK-nummer, which we keep in the session as plain data. Idle sessions end after
``SESSION_IDLE_TIMEOUT`` seconds (the session cookie age, renewed at most once a minute:
core.sessions).
"""

from __future__ import annotations

import functools
from collections.abc import Callable
from typing import Any, Concatenate, ParamSpec, TypeVar

from django.conf import settings
from django.http import HttpRequest, HttpResponse, HttpResponseBase, HttpResponseRedirect
from django.shortcuts import render, resolve_url
from django.utils.http import urlencode

from mijnservices.core.identity import Citizen, Party
from mijnservices.portal import audit
from mijnservices.registrations.zaken.models import Zaak
from mijnservices.services.kpis.portal_use import citizen_login_count
from mijnservices.services.mijnzaken.selectors import LoginLevelTooLow
from mijnservices.services.mijnzaken.sources import zaken_refresh_from_sources
from mijnservices.services.mijnzaken.titles import zaaktype_title
from mijnservices.services.presentation.levels import broker_for, level_label
from mijnservices.services.presentation.selectors import required_level
from mijnservices.ui.session import safe_next_url

SESSION_KEY = "portal_citizen"
# Which broker a DigiD/eHerkenning login came from, and its ID token (for logout there).
OIDC_SESSION_KEY = "portal_oidc"
LOGIN_URL = "portal:login"
AFTER_LOGIN_URL = "portal:overview"
# A harmless cookie that outlives the session: "someone was logged in here". When it is
# present but the session is gone, the session ended by itself (idle), and the login
# page says so. Explicit logout deletes it. It holds no identity.
MARKER_COOKIE = "portal_was_logged_in"
MARKER_MAX_AGE = 12 * 3600

P = ParamSpec("P")


def login_citizen(request: HttpRequest, citizen: Citizen) -> None:
    """Start a citizen session. A new session key prevents session fixation."""
    request.session.cycle_key()
    request.session[SESSION_KEY] = {
        "actor": citizen.actor.to_session(),
        "auth_method": citizen.auth_method,
        "represented": citizen.represented.to_session() if citizen.represented else None,
        "mandate": citizen.mandate,
        "mandate_zaaktypen": list(citizen.mandate_zaaktypen),
        "level": citizen.level,
    }
    # Pseudonyms and kinds only: never the BSN or a name in the logs.
    audit.record("citizen_login", citizen, kind=citizen.party.kind)
    citizen_login_count()  # for the KPI dashboard: a daily count, not who
    # Zaken in the gemeente's existing zaaksystemen: re-read them, waiting only briefly.
    zaken_refresh_from_sources(party=citizen.party)


def logout_citizen(request: HttpRequest) -> None:
    """End the session completely: data removed, key replaced, cookie renewed."""
    citizen = current_citizen(request)
    if citizen is not None:
        audit.record("citizen_logout", citizen)
    request.session.flush()


def set_marker(response: HttpResponseBase) -> None:
    response.set_cookie(
        MARKER_COOKIE,
        "1",
        max_age=MARKER_MAX_AGE,
        httponly=True,
        samesite="Lax",
        secure=settings.SESSION_COOKIE_SECURE,
    )


def forget_marker(response: HttpResponse) -> None:
    response.delete_cookie(MARKER_COOKIE, samesite="Lax")


def session_timed_out(request: HttpRequest) -> bool:
    """True when this browser was logged in and the session has since ended by itself."""
    return bool(request.COOKIES.get(MARKER_COOKIE)) and current_citizen(request) is None


def current_citizen(request: HttpRequest) -> Citizen | None:
    """The logged-in citizen, or ``None`` (also for a damaged session entry)."""
    data: Any = request.session.get(SESSION_KEY)
    if not isinstance(data, dict):
        return None
    try:
        represented = data.get("represented")
        auth_method = data["auth_method"]
        if auth_method not in ("demo", "digid", "eherkenning"):
            return None
        return Citizen(
            actor=Party.from_session(data["actor"]),
            auth_method=auth_method,
            represented=Party.from_session(represented) if represented else None,
            mandate=str(data.get("mandate") or ""),
            mandate_zaaktypen=tuple(str(z) for z in data.get("mandate_zaaktypen") or ()),
            level=int(data.get("level") or 0),
        )
    except (KeyError, TypeError, ValueError):
        return None


def redirect_after_login(request: HttpRequest, candidate: str | None) -> HttpResponseRedirect:
    return HttpResponseRedirect(safe_next_url(request, candidate) or resolve_url(AFTER_LOGIN_URL))


def login_redirect(request: HttpRequest) -> HttpResponseRedirect:
    """To the login page, remembering where the citizen wanted to go."""
    query = urlencode({"next": request.get_full_path()})
    return HttpResponseRedirect(f"{resolve_url(LOGIN_URL)}?{query}")


R = TypeVar("R", bound=HttpResponseBase)


def _step_up_url(request: HttpRequest, level: str) -> str:
    """Straight to the broker the level belongs to, asking that level, when it is configured;
    else the login page. Back to this page afterwards."""
    broker = broker_for(level)
    query = {"next": request.get_full_path()}
    if settings.OIDC["providers"][broker].get("discovery_url"):
        return f"{resolve_url(f'portal:{broker}_login')}?{urlencode({**query, 'niveau': level})}"
    return f"{resolve_url(LOGIN_URL)}?{urlencode(query)}"


def step_up_page(request: HttpRequest, citizen: Citizen, zaak: Zaak) -> HttpResponse:
    """The zaak exists, but this login's level is too low for it: say which level is needed
    and offer to log in again; nothing of the zaak's content (decision 0036)."""
    level = required_level(zaak.zaaktype)
    audit.record("zaak_level_too_low", citizen, zaak=str(zaak.uuid), required=level)
    context = {
        "citizen": citizen,
        "title": zaaktype_title(zaak.zaaktype),
        "zaaknummer": zaak.identificatie,
        "level": level_label(level),
        "login_url": _step_up_url(request, level),
    }
    return render(request, "portal/step_up.html", context, status=403)


def citizen_required(
    view: Callable[Concatenate[HttpRequest, Citizen, P], R],
) -> Callable[Concatenate[HttpRequest, P], R | HttpResponse]:
    """Only for a logged-in citizen; the view receives the :class:`Citizen` after ``request``."""

    @functools.wraps(view)
    def wrapper(request: HttpRequest, *args: P.args, **kwargs: P.kwargs) -> R | HttpResponse:
        citizen = current_citizen(request)
        if citizen is None:
            return login_redirect(request)
        response: R | HttpResponse
        try:
            response = view(request, citizen, *args, **kwargs)
        except LoginLevelTooLow as refused:
            response = step_up_page(request, citizen, refused.zaak)
        # Personal pages must not be kept by shared computers' caches or the back button.
        response["Cache-Control"] = "no-store"
        set_marker(response)
        return response

    return wrapper
