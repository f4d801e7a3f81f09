"""The real worker process during a burst of 1,000 status changes: killed with SIGKILL while
it is in the middle of sending an e-mail, then restarted — every notification arrives at the
real SMTP server exactly once."""

from __future__ import annotations

import signal
import subprocess
import sys
import time
from collections import Counter

import pytest
from django.db import transaction

from mijnservices.core.models import OutboxEvent
from mijnservices.registrations.catalogi.models import StatusType
from mijnservices.registrations.zaken import services as zaken
from mijnservices.services.notifications.models import Notification, Status
from mijnservices.services.notifications.tests.conftest import SUZANNE, with_email
from mijnservices.testing.factories import ZaakFactory, published_zaaktype
from mijnservices.testing.processes import child_env
from mijnservices.testing.smtp import SmtpSink

CHANGES = 1000
ZAKEN = 50


def _worker(sink: SmtpSink) -> subprocess.Popen[str]:
    env = child_env(
        EMAIL_HOST="127.0.0.1",
        EMAIL_PORT=str(sink.port),
        EMAIL_TIMEOUT="30",
        NOTIFICATIONS_THROTTLE_MINUTES="0",
        WORKER_POLL_INTERVAL="1",
        LOG_LEVEL="WARNING",
    )
    return subprocess.Popen(
        [sys.executable, "-m", "mijnservices", "worker"],
        env=env,
        stdout=subprocess.PIPE,
        stderr=subprocess.STDOUT,
        text=True,
    )


def _wait(condition, timeout: float) -> bool:
    deadline = time.monotonic() + timeout
    while time.monotonic() < deadline:
        if condition():
            return True
        time.sleep(0.05)
    return False


def _done() -> bool:
    pending = OutboxEvent.objects.filter(status="pending").exists()
    return not pending and not Notification.objects.exclude(status=Status.DELIVERED).exists()


@pytest.mark.django_db(transaction=True)
def test_a_killed_worker_delivers_every_notification_exactly_once_after_restart():
    with_email(SUZANNE)
    zaaktype = published_zaaktype(steps=4, identificatie="ZT-BURST")
    StatusType.objects.filter(zaaktype=zaaktype, volgnummer__in=[2, 3]).update(informeren=True)
    steps = list(
        StatusType.objects.filter(zaaktype=zaaktype, volgnummer__in=[2, 3]).order_by("volgnummer")
    )
    burst = [
        ZaakFactory.create(zaaktype=zaaktype, for_bsn=SUZANNE.identifier) for _ in range(ZAKEN)
    ]
    for start in range(0, CHANGES, 100):
        with transaction.atomic():
            for n in range(start, start + 100):
                zaken.status_set(zaak=burst[n % ZAKEN], statustype=steps[n % 2])

    sink = SmtpSink(hold_after=300).start()
    first = _worker(sink)
    try:
        in_flight = _wait(sink.holding.is_set, 120)
    finally:
        first.send_signal(signal.SIGKILL)
        output, _ = first.communicate(timeout=30)
    assert in_flight, output[-3000:]
    before = len(sink.snapshot())
    assert before == 300
    sink.release()

    second = _worker(sink)
    try:
        finished = _wait(_done, 180)
    finally:
        second.send_signal(signal.SIGTERM)
        output, _ = second.communicate(timeout=30)
        sink.stop()
    assert finished, (
        Counter(Notification.objects.values_list("status", flat=True)),
        output[-3000:],
    )
    expected = {
        f"<{u}@notificaties.mijnservices>"
        for u in Notification.objects.values_list("uuid", flat=True)
    }
    arrived = Counter(m.message_id for m in sink.snapshot())
    # One per status change plus one "received" per zaak; none lost, none twice.
    assert len(expected) == CHANGES + ZAKEN
    assert set(arrived) == expected
    assert set(arrived.values()) == {1}
