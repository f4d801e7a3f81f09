"""Branding and the route to a person: the settings (conf/settings_branding.py) with the
beheerder's overrides (one ``Branding`` row; an empty field keeps the setting)."""

from __future__ import annotations

from dataclasses import dataclass, fields
from typing import Any

from django.conf import settings
from django.db import transaction
from django.utils.translation import get_language

from mijnservices.core.process_cache import ProcessCache, changed
from mijnservices.services.presentation.models import Branding

# Branding field → the setting it overrides.
SETTINGS = {
    "organisation_name": "ORGANISATION_NAME",
    "logo_url": "BRANDING_LOGO_URL",
    "favicon_url": "BRANDING_FAVICON_URL",
    "theme_css_url": "BRANDING_THEME_CSS_URL",
    "theme_class": "BRANDING_THEME_CLASS",
    "contact_phone": "CONTACT_PHONE",
    "contact_hours_nl": "CONTACT_HOURS",
    "contact_hours_en": "CONTACT_HOURS_EN",
    "contact_form_url": "CONTACT_FORM_URL",
    "contact_address": "CONTACT_ADDRESS",
    "privacy_url": "PRIVACY_STATEMENT_URL",
    "accessibility_url": "ACCESSIBILITY_STATEMENT_URL",
    "cookies_url": "COOKIE_STATEMENT_URL",
}


@dataclass(frozen=True)
class BrandingView:
    organisation_name: str
    logo_url: str
    favicon_url: str
    theme_css_url: str
    theme_class: str
    contact_phone: str
    contact_hours_nl: str
    contact_hours_en: str
    contact_form_url: str
    contact_address: str
    privacy_url: str
    accessibility_url: str
    cookies_url: str

    @property
    def contact_hours(self) -> str:
        if get_language() == "en" and self.contact_hours_en:
            return self.contact_hours_en
        return self.contact_hours_nl

    @property
    def phone_href(self) -> str:
        return "tel:" + "".join(c for c in self.contact_phone if c.isdigit() or c == "+")


def _row() -> Branding | None:
    return Branding.objects.order_by("pk").first()


def _load() -> BrandingView:
    row = _row()
    values = {
        name: (getattr(row, name, "") if row is not None else "") or getattr(settings, setting)
        for name, setting in SETTINGS.items()
    }
    return BrandingView(**values)


# Every page shows the branding: kept per process until a save anywhere moves its generation
# (core/process_cache.py, decision 0043).
_CURRENT = ProcessCache("branding", _load)


def cache_clear() -> None:
    """Forget it in this process (the view also depends on settings, which tests change)."""
    _CURRENT.clear()


def branding_current() -> BrandingView:
    """What the pages show: each beheer override, else its setting."""
    return _CURRENT.get()


def branding_overrides() -> dict[str, str]:
    row = _row()
    return {f.name: (getattr(row, f.name) if row else "") for f in fields(BrandingView)}


def branding_update(*, values: dict[str, str], user: Any = None) -> None:
    """Store the beheerder's overrides (empty: back to the setting)."""
    unknown = set(values) - set(SETTINGS)
    if unknown:
        raise ValueError(f"unknown branding fields: {sorted(unknown)}")
    with transaction.atomic():
        row = Branding.objects.select_for_update().order_by("pk").first() or Branding()
        for name, value in values.items():
            setattr(row, name, (value or "").strip())
        row.updated_by_name = getattr(user, "username", "") or ""
        row.save()
        changed("branding")


def branding_defaults() -> dict[str, str]:
    """The settings' values, shown beside each override field."""
    return {name: str(getattr(settings, setting)) for name, setting in SETTINGS.items()}
