"""Reminders: an open task whose deadline comes within NOTIFICATIONS_REMINDER_DAYS (or whose
own ``datumHerinnering`` has come) gets one reminder. Reminders ask the person to act, so
they cannot be switched off."""

from __future__ import annotations

import time
from datetime import date, timedelta

from django.conf import settings
from django.db.models import Q
from django.utils import timezone

from mijnservices.registrations.taken.models import ExterneTaak, TaakStatus
from mijnservices.services.notifications.models import Notification, Trigger
from mijnservices.services.notifications.services import notify
from mijnservices.services.notifications.triggers import party_of_columns, related_zaak


def taak_reminders_due(*, today: date | None = None, limit: int = 500) -> int:
    """Plan the reminders that are due; returns how many tasks got one."""
    today = today or timezone.localdate()
    horizon = today + timedelta(days=int(settings.NOTIFICATIONS_REMINDER_DAYS))
    due = (
        ExterneTaak.objects.filter(status=TaakStatus.OPEN, einddatum_handelings_termijn__gte=today)
        .filter(Q(einddatum_handelings_termijn__lte=horizon) | Q(datum_herinnering__lte=today))
        .order_by("einddatum_handelings_termijn")[:limit]
    )
    planned = 0
    for taak in due:
        event_id = f"herinnering:{taak.uuid}:{taak.einddatum_handelings_termijn.isoformat()}"
        if Notification.objects.filter(event_id=event_id).exists():
            continue
        party = party_of_columns(taak)
        if party is None:
            continue
        if notify(
            event_id=event_id,
            trigger=Trigger.TAAK_DEADLINE,
            parties=[party],
            zaak=related_zaak(taak),
        ):
            planned += 1
    return planned


_last_run = [float("-inf")]


def taak_reminders_when_due() -> int:
    """The worker step: look for due reminders every 10 minutes."""
    if time.monotonic() - _last_run[0] < 600:
        return 0
    _last_run[0] = time.monotonic()
    return taak_reminders_due()
