from typing import Any

from django.conf import settings
from django.http import HttpRequest

from mijnservices.core.sessions import session_seconds_left
from mijnservices.portal.auth import current_citizen
from mijnservices.ui.display import mandate_label, party_label


def portal(request: HttpRequest) -> dict[str, Any]:
    citizen = current_citizen(request) if hasattr(request, "session") else None
    acting_for = None
    if citizen is not None and citizen.represented is not None:
        acting_for = {
            "name": party_label(citizen.represented),
            "mandate": mandate_label(citizen.mandate) if citizen.mandate else "",
        }
    warning = min(settings.SESSION_WARNING_BEFORE, settings.SESSION_IDLE_TIMEOUT)
    return {
        "organisation_name": settings.ORGANISATION_NAME,
        "demo_mode": settings.DEMO_MODE,
        "logged_in_citizen": citizen,
        "acting_for": acting_for,
        "session_timeout": session_seconds_left(request),
        "session_warning": warning,
        "session_warning_minutes": max(round(warning / 60), 1),
        "session_timeout_minutes": max(round(settings.SESSION_IDLE_TIMEOUT / 60), 1),
    }
