"""The real worker process: killed with SIGKILL mid-delivery and restarted, it loses nothing.
The suite sends 200 notificaties; ``make soak`` the same test with 1,000."""

from __future__ import annotations

import signal
import subprocess
import sys
import time
from collections import Counter, defaultdict

import pytest
from django.db import transaction

from mijnservices.core import outbox
from mijnservices.core.models import OutboxEvent
from mijnservices.registrations.notificaties.models import Delivery, DeliveryStatus
from mijnservices.testing.processes import child_env

# (notificaties, zaken, notificaties the subscriber answers before it starts holding them)
SMALL = (200, 20, 50)
SOAK = (1000, 100, 150)


def _start_worker() -> subprocess.Popen[str]:
    env = child_env(
        NOTIFICATION_CALLBACK_ALLOWED_NETWORKS="127.0.0.1/32",
        NOTIFICATION_LEASE="2",
        NOTIFICATION_REQUEST_TIMEOUT="2",
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


def _state() -> dict[str, object]:
    """What is where, for a failure message."""
    return {
        "outbox": Counter(OutboxEvent.objects.values_list("status", flat=True)),
        "deliveries": Counter(Delivery.objects.values_list("status", flat=True)),
        "claimed": Delivery.objects.filter(claim__isnull=False).count(),
        "errors": Counter(
            Delivery.objects.exclude(last_error="").values_list("last_error", flat=True)
        ),
    }


def _wait_until(condition, timeout: float) -> bool:
    deadline = time.monotonic() + timeout
    while time.monotonic() < deadline:
        if condition():
            return True
        time.sleep(0.05)
    return False


@pytest.mark.django_db(transaction=True)
@pytest.mark.parametrize(
    ("notifications", "zaken", "hold_after"),
    [pytest.param(*SMALL, id="200"), pytest.param(*SOAK, id="1000", marks=pytest.mark.soak)],
)
def test_a_worker_killed_mid_delivery_and_restarted_loses_no_notification(
    subscriber, subscribe, notifications: int, zaken: int, hold_after: int
):
    subscribe(subscriber.url)
    expected: dict[str, list[str]] = defaultdict(list)  # zaak → ids in order of the change
    for start in range(0, notifications, 100):
        with transaction.atomic():
            for n in range(start, min(start + 100, notifications)):
                zaak = f"zaak-{n % zaken}"
                event = outbox.event_record(
                    kanaal="zaken",
                    resource="status",
                    actie="create",
                    hoofd_object=f"/zaken/api/v1/zaken/{zaak}",
                    resource_id=f"/zaken/api/v1/statussen/{n}",
                )
                expected[zaak].append(str(event.id))
    all_ids = {i for ids in expected.values() for i in ids}

    # From the hold_after-th notificatie on the subscriber takes them in but does not answer,
    # so the worker is surely in the middle of a batch when it is killed.
    subscriber.hold_after = hold_after
    first = _start_worker()
    try:
        started = _wait_until(lambda: len(subscriber.ids()) >= hold_after, 60)
        in_flight = _wait_until(lambda: Delivery.objects.filter(claim__isnull=False).exists(), 10)
    finally:
        first.send_signal(signal.SIGKILL)
        output, _ = first.communicate(timeout=30)
    assert started and in_flight, output
    received_before_restart = len(set(subscriber.ids()))
    assert received_before_restart < notifications
    subscriber.release()

    second = _start_worker()
    try:
        done = _wait_until(lambda: set(subscriber.ids()) >= all_ids, 90)
    finally:
        second.send_signal(signal.SIGTERM)
        output, _ = second.communicate(timeout=30)
    assert done, (_state(), output[-3000:])
    assert second.returncode == 0, output

    received = subscriber.snapshot()
    assert {r.id for r in received} == all_ids  # none lost, nothing unknown
    bodies: dict[str, dict] = {}
    for r in received:  # a duplicate is the same notificatie, with the same id
        assert bodies.setdefault(r.id, r.body) == r.body
    first_seen: dict[str, list[str]] = defaultdict(list)
    for r in received:
        zaak = r.body["hoofdObject"].rsplit("/", 1)[-1]
        if r.id not in first_seen[zaak]:
            first_seen[zaak].append(r.id)
    assert first_seen == expected  # order per zaak kept, also across the crash
    assert set(Delivery.objects.values_list("status", flat=True)) == {DeliveryStatus.DELIVERED}
    # Those that arrived but were never acknowledged came again after the lease.
    duplicates = sum(c - 1 for c in Counter(r.id for r in received).values())
    assert duplicates >= 1
