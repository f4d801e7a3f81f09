"""Template context every page shares: the organisation's branding and route to a person."""

from __future__ import annotations

from typing import Any

from django.http import HttpRequest

from mijnservices.services.presentation.branding import BrandingView, branding_current


def branding_for(request: HttpRequest) -> BrandingView:
    """The branding, read once per request."""
    found = getattr(request, "_branding", None)
    if not isinstance(found, BrandingView):
        found = branding_current()
        request._branding = found  # type: ignore[attr-defined]
    return found


def branding(request: HttpRequest) -> dict[str, Any]:
    return {"branding": branding_for(request)}
