"""Retention of citizen notifications (decision 0032): the address, subject and text of a
finished notification are erased after ``NOTIFICATIONS_CONTENT_RETENTION_DAYS`` (once it is on
the person's timeline); the proof of sending — the SHA-256 of the text, the provider and its
reference, when it was sent and finished — stays until ``NOTIFICATIONS_PROOF_RETENTION_DAYS``,
then the row goes. Notificaties received from external sources go
``NOTIFICATIONS_RECEIVED_RETENTION_DAYS`` after they were handled or failed. In chunks, so no
long lock is held."""

from __future__ import annotations

from datetime import datetime, timedelta

import structlog
from django.conf import settings
from django.db.models import Q
from django.utils import timezone

from mijnservices.services.notifications.models import FINAL, Notification, ReceivedNotificatie

logger = structlog.get_logger(__name__)
_CHUNK = 1000


def notifications_purge(*, at: datetime | None = None) -> int:
    now = at or timezone.now()
    content_cutoff = now - timedelta(days=settings.NOTIFICATIONS_CONTENT_RETENTION_DAYS)
    proof_cutoff = now - timedelta(days=settings.NOTIFICATIONS_PROOF_RETENTION_DAYS)
    finished = Notification.objects.filter(status__in=FINAL, klantcontact_registered=True)
    with_content = finished.filter(completed_at__lt=content_cutoff).exclude(tekst="", adres="")
    erased = 0
    while ids := list(with_content.values_list("pk", flat=True)[:_CHUNK]):
        erased += Notification.objects.filter(pk__in=ids).update(adres="", onderwerp="", tekst="")
    old = finished.filter(completed_at__lt=proof_cutoff)
    deleted = 0
    while ids := list(old.values_list("pk", flat=True)[:_CHUNK]):
        # A fallback keeps its own row: only the link to the purged one goes.
        deleted += Notification.objects.filter(pk__in=ids).delete()[0]
    received = received_purge(at=now)
    if erased or deleted or received:
        logger.info("notifications_purged", erased=erased, deleted=deleted, received=received)
    return erased + deleted + received


def received_purge(*, at: datetime) -> int:
    """Received external notificaties that were handled (or failed for good) before the
    retention period; pending ones stay, however old."""
    cutoff = at - timedelta(days=settings.NOTIFICATIONS_RECEIVED_RETENTION_DAYS)
    old = ReceivedNotificatie.objects.filter(
        Q(processed_at__lt=cutoff) | Q(failed=True, received_at__lt=cutoff)
    )
    deleted = 0
    while ids := list(old.values_list("pk", flat=True)[:_CHUNK]):
        deleted += ReceivedNotificatie.objects.filter(pk__in=ids).delete()[0]
    return deleted
