from typing import Any

from django.conf import settings
from django.http import HttpRequest

from mijnservices.portal.auth import current_citizen


def portal(request: HttpRequest) -> dict[str, Any]:
    return {
        "organisation_name": settings.ORGANISATION_NAME,
        "demo_mode": settings.DEMO_MODE,
        "logged_in_citizen": current_citizen(request) if hasattr(request, "session") else None,
    }
