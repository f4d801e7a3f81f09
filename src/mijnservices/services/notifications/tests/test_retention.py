"""Retention of what the Notificatieservice keeps (``retention.py``, decision 0038)."""

from __future__ import annotations

from datetime import timedelta

import pytest
from django.utils import timezone

from mijnservices.services.notifications.models import ExternalSource, ReceivedNotificatie
from mijnservices.services.notifications.retention import notifications_purge

pytestmark = pytest.mark.django_db


def test_received_external_notificaties_are_purged_after_their_retention_but_pending_ones_stay(
    settings,
):
    settings.NOTIFICATIONS_RECEIVED_RETENTION_DAYS = 30
    source = ExternalSource.objects.create(naam="Open Zaak", authorization="Token abc")
    now = timezone.now()

    def received(notificatie_id: str, **fields) -> ReceivedNotificatie:
        return ReceivedNotificatie.objects.create(
            source=source, notificatie_id=notificatie_id, body={"kanaal": "zaken"}, **fields
        )

    received("handled", processed_at=now)
    received("failed", failed=True, last_error="the source answered 404")
    received("pending", next_attempt_at=now)

    assert notifications_purge(at=now + timedelta(days=29)) == 0
    assert notifications_purge(at=now + timedelta(days=31)) == 2
    # Not handled yet: kept however old, so nothing a source sent is lost unseen.
    assert list(ReceivedNotificatie.objects.values_list("notificatie_id", flat=True)) == ["pending"]
