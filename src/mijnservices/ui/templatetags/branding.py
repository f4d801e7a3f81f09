"""``{% branding_safe as branding %}``: the branding for pages rendered without context
processors (the 500 page), falling back to the settings alone when the database fails."""

from __future__ import annotations

from django import template
from django.conf import settings

from mijnservices.services.presentation.branding import SETTINGS, BrandingView, branding_current

register = template.Library()


@register.simple_tag
def branding_safe() -> BrandingView:
    try:
        return branding_current()
    except Exception:
        return BrandingView(**{name: getattr(settings, key) for name, key in SETTINGS.items()})
