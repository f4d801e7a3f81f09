from typing import Any

from django.conf import settings
from django.http import HttpRequest


def portal(request: HttpRequest) -> dict[str, Any]:
    return {"organisation_name": settings.ORGANISATION_NAME, "demo_mode": settings.DEMO_MODE}
