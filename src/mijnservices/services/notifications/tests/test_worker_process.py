"""The real worker process during a burst of status changes: killed with SIGKILL while it is in
the middle of sending an e-mail, then restarted — every notification arrives at the real SMTP
server exactly once. The suite runs a burst of 50; ``make soak`` the same test with 1,000."""

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

# (status changes, zaken, e-mails accepted before the SMTP server holds one mid-send)
SMALL = (50, 10, 20)
SOAK = (1000, 50, 300)


def _worker(sink: SmtpSink, **extra: str) -> subprocess.Popen[str]:
    env = child_env(
        EMAIL_HOST="127.0.0.1",
        EMAIL_PORT=str(sink.port),
        EMAIL_TIMEOUT="3",
        NOTIFICATIONS_THROTTLE_MINUTES="0",
        # The killed worker's e-mail in flight is sent again once its lease runs out.
        NOTIFICATIONS_LEASE_SECONDS="5",
        WORKER_POLL_INTERVAL="1",
        LOG_LEVEL="WARNING",
    )
    env.update(extra)
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
@pytest.mark.parametrize(
    ("changes", "zaken_count", "hold_after"),
    [pytest.param(*SMALL, id="50"), pytest.param(*SOAK, id="1000", marks=pytest.mark.soak)],
)
def test_a_killed_worker_delivers_every_notification_exactly_once_after_restart(
    changes: int, zaken_count: int, hold_after: int
):
    with_email(SUZANNE)
    zaaktype = published_zaaktype(steps=4, identificatie="ZT-BURST")
    StatusType.objects.filter(zaaktype=zaaktype, volgnummer__in=[2, 3]).update(informeren=True)
    steps = list(
        StatusType.objects.filter(zaaktype=zaaktype, volgnummer__in=[2, 3]).order_by("volgnummer")
    )
    burst = [
        ZaakFactory.create(zaaktype=zaaktype, for_bsn=SUZANNE.identifier)
        for _ in range(zaken_count)
    ]
    for start in range(0, changes, 100):
        with transaction.atomic():
            for n in range(start, min(start + 100, changes)):
                zaken.status_set(zaak=burst[n % zaken_count], statustype=steps[n % 2])

    sink = SmtpSink(hold_after=hold_after).start()
    first = _worker(sink)
    try:
        in_flight = _wait(sink.holding.is_set, 120)
    finally:
        first.send_signal(signal.SIGKILL)
        output, _ = first.communicate(timeout=30)
    assert in_flight, output[-3000:]
    before = len(sink.snapshot())
    assert before == hold_after
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
    assert len(expected) == changes + zaken_count
    assert set(arrived) == expected
    assert set(arrived.values()) == {1}


# (status changes, zaken, kills, seconds the SMTP server takes per message)
TWO_SMALL = (40, 8, 1, 0.05)
TWO_SOAK = (1000, 50, 5, 0.2)


@pytest.mark.django_db(transaction=True)
@pytest.mark.parametrize(
    ("changes", "zaken_count", "kills", "delay"),
    [
        pytest.param(*TWO_SMALL, id="40"),
        pytest.param(*TWO_SOAK, id="1000", marks=pytest.mark.soak),
    ],
)
def test_two_workers_and_kills_at_a_slow_smtp_server_lose_nothing_and_keep_order_per_zaak(
    changes: int, zaken_count: int, kills: int, delay: float
):
    with_email(SUZANNE)
    zaaktype = published_zaaktype(steps=4, identificatie="ZT-TWO")
    StatusType.objects.filter(zaaktype=zaaktype, volgnummer__in=[2, 3]).update(informeren=True)
    steps = list(
        StatusType.objects.filter(zaaktype=zaaktype, volgnummer__in=[2, 3]).order_by("volgnummer")
    )
    burst = [
        ZaakFactory.create(zaaktype=zaaktype, for_bsn=SUZANNE.identifier)
        for _ in range(zaken_count)
    ]
    for start in range(0, changes, 100):
        with transaction.atomic():
            for n in range(start, min(start + 100, changes)):
                zaken.status_set(zaak=burst[n % zaken_count], statustype=steps[n % 2])

    # A batch takes longer than the lease: the sender must renew it, not let the other
    # worker take messages it is still going to send (decision 0032).
    sink = SmtpSink(delay=delay).start()
    env = {"NOTIFICATIONS_LEASE_SECONDS": "2", "NOTIFICATIONS_BATCH_SIZE": "100"}
    workers = [_worker(sink, **env), _worker(sink, **env)]
    try:
        for kill in range(kills):
            target = (kill + 1) * (changes + zaken_count) // (kills + 2)
            assert _wait(lambda t=target: len(sink.snapshot()) >= t, 120)
            victim = workers.pop(0)
            victim.send_signal(signal.SIGKILL)
            victim.communicate(timeout=30)
            workers.append(_worker(sink, **env))
        finished = _wait(_done, 240)
    finally:
        outputs = []
        for process in workers:
            process.send_signal(signal.SIGTERM)
            outputs.append(process.communicate(timeout=30)[0])
        sink.stop()
    assert finished, (Counter(Notification.objects.values_list("status", flat=True)), outputs)
    planned = list(
        Notification.objects.order_by("created_at", "id").values_list("uuid", "zaak_uuid")
    )
    assert len(planned) == changes + zaken_count
    zaak_of = {f"<{u}@notificaties.mijnservices>": z for u, z in planned}
    arrived = Counter(m.message_id for m in sink.snapshot())
    assert set(arrived) == set(zaak_of)  # none lost
    duplicates = sum(count - 1 for count in arrived.values())
    print(f"{changes} changes, {kills} kills: {duplicates} duplicate(s), none lost")
    assert duplicates <= kills  # at most the message in flight per kill, same Message-ID
    first_seen: dict[str, list[str]] = {}
    for mail in sink.snapshot():
        seen = first_seen.setdefault(zaak_of[mail.message_id], [])
        if mail.message_id not in seen:
            seen.append(mail.message_id)
    for zaak_uuid, seen in first_seen.items():
        expected = [f"<{u}@notificaties.mijnservices>" for u, z in planned if z == zaak_uuid]
        assert seen == expected  # per zaak in the order of the changes, across the kills
