"""The keys of destinations every sender shares: the SMTP server and the Notify API are one
destination each, whoever sends to them (citizen notifications, verification messages)."""

from __future__ import annotations

from urllib.parse import urlsplit

from django.conf import settings


def smtp() -> str:
    return f"smtp:{settings.EMAIL_HOST}:{settings.EMAIL_PORT}"


def notify() -> str:
    base = str(getattr(settings, "NOTIFY_BASE_URL", ""))
    return f"notify:{urlsplit(base).netloc or base}"
