from typing import Any

from django.conf import settings
from django.http import HttpRequest
from django.utils.translation import get_language

from mijnservices.core.process_cache import ProcessCacheMap
from mijnservices.core.sessions import session_seconds_left
from mijnservices.portal.auth import current_citizen
from mijnservices.services.mijnoverzicht.berichten import unread_total
from mijnservices.services.mijnzaken.titles import zaaktype_titles
from mijnservices.services.presentation.selectors import PRESENTATION
from mijnservices.ui.context_processors import branding_for
from mijnservices.ui.display import mandate_label, party_label

# Which menu item a page belongs to (its URL name → the menu entry).
MENU_SECTIONS = {
    "overview": "overview",
    "taken": "taken",
    "zaken": "zaken",
    "zaak_detail": "zaken",
    "berichten": "berichten",
    "bericht": "berichten",
    "contactmomenten": "contactmomenten",
    "profiel": "profiel",
}


# A machtiging's scope in words, per language and set of zaaktypen: a zaaktype's save moves
# the presentation generation (decision 0043), so no query per page (decision 0046).
_SCOPE_TITLES: ProcessCacheMap[tuple[str, tuple[str, ...]], list[str]] = ProcessCacheMap(
    PRESENTATION, lambda key: zaaktype_titles(key[1])
)


def portal(request: HttpRequest) -> dict[str, Any]:
    citizen = current_citizen(request) if hasattr(request, "session") else None
    acting_for = None
    if citizen is not None and citizen.represented is not None:
        acting_for = {
            "name": party_label(citizen.represented),
            "mandate": mandate_label(citizen.mandate) if citizen.mandate else "",
            # The machtiging's scope in words (issue 21): "only for Subsidie geluidsisolatie".
            "scope": _SCOPE_TITLES.get((get_language(), citizen.mandate_zaaktypen)),
        }
    url_name = getattr(getattr(request, "resolver_match", None), "url_name", "") or ""
    warning = min(settings.SESSION_WARNING_BEFORE, settings.SESSION_IDLE_TIMEOUT)
    return {
        "organisation_name": branding_for(request).organisation_name,
        "demo_mode": settings.DEMO_MODE,
        "logged_in_citizen": citizen,
        "acting_for": acting_for,
        # The menu marks the current page (aria-current) and counts unread messages.
        "menu_current": MENU_SECTIONS.get(url_name, ""),
        "menu_unread": unread_total(citizen) if citizen is not None else 0,
        "session_timeout": session_seconds_left(request),
        "session_warning": warning,
        "session_warning_minutes": max(round(warning / 60), 1),
        "session_timeout_minutes": max(round(settings.SESSION_IDLE_TIMEOUT / 60), 1),
    }
