"""The delivery engine's promises with real parts in one process (decision 0032): a real SMTP
server (aiosmtpd), a real HTTP subscriber, the worker's own rounds.

- a subscriber that hangs delays no citizen e-mail, and a mail server that hangs delays no
  subscriber delivery (each destination has its own lane);
- after an SMTP outage everything waiting goes out as soon as the probe sees it back, in the
  order of each person's zaak, instead of each message waiting out its own backoff.
"""

from __future__ import annotations

import time
from collections import defaultdict
from collections.abc import Iterator

import pytest
from django.db import transaction

from mijnservices.core.worker import Worker
from mijnservices.registrations.catalogi.models import StatusType
from mijnservices.registrations.notificaties import services as notificaties
from mijnservices.registrations.zaken import services as zaken
from mijnservices.services.notifications import delivery
from mijnservices.services.notifications.models import Notification, Status
from mijnservices.services.notifications.tests.conftest import SUZANNE, drain, with_email
from mijnservices.testing.factories import ZaakFactory, published_zaaktype
from mijnservices.testing.smtp import SmtpSink
from mijnservices.testing.subscriber import Subscriber

# Transactional: the worker sends e-mail from its lane threads, with their own connections.
pytestmark = pytest.mark.django_db(transaction=True)


@pytest.fixture
def sink(settings) -> Iterator[SmtpSink]:
    running = SmtpSink().start()
    running.use_in(settings)
    settings.NOTIFICATIONS_THROTTLE_MINUTES = 0
    yield running
    running.stop()


def _zaken_with_steps(count: int):
    zaaktype = published_zaaktype(steps=4, identificatie="ZT-ENGINE")
    StatusType.objects.filter(zaaktype=zaaktype, volgnummer__in=[2, 3]).update(informeren=True)
    steps = list(
        StatusType.objects.filter(zaaktype=zaaktype, volgnummer__in=[2, 3]).order_by("volgnummer")
    )
    burst = [
        ZaakFactory.create(zaaktype=zaaktype, for_bsn=SUZANNE.identifier, status_count=1)
        for _ in range(count)
    ]
    return burst, steps


def _until(condition, timeout: float, worker: Worker) -> bool:
    deadline = time.monotonic() + timeout
    while time.monotonic() < deadline:
        if condition():
            return True
        if worker.run_round() == 0:
            time.sleep(0.02)
    return condition()


@pytest.mark.parametrize(
    ("changes", "spacing"),
    [
        pytest.param(8, 0.0, id="8"),
        # ``make soak``: the subscriber hangs for about 90 s while changes keep coming.
        pytest.param(45, 2.0, id="90s", marks=[pytest.mark.soak, pytest.mark.timeout(600)]),
    ],
)
def test_a_hanging_subscriber_does_not_delay_citizen_email(sink, settings, changes, spacing):
    settings.NOTIFICATION_CALLBACK_ALLOWED_NETWORKS = ["127.0.0.1/32"]
    settings.NOTIFICATION_REQUEST_TIMEOUT = 15
    with_email(SUZANNE)
    burst, steps = _zaken_with_steps(4)
    drain()
    Notification.objects.all().delete()
    with Subscriber(hold_after=0) as hanging:  # takes every request in and never answers
        notificaties.kanalen_seed()
        notificaties.abonnement_create(
            callback_url=hanging.url, kanalen=[{"naam": "zaken"}], allow_private_network=True
        )
        worker = Worker()
        latencies = []
        for n in range(changes):
            expected = len(sink.snapshot()) + 1
            started = time.monotonic()
            with transaction.atomic():
                zaken.status_set(zaak=burst[n % 4], statustype=steps[n % 2])
            assert _until(lambda e=expected: len(sink.snapshot()) >= e, 10, worker)
            latencies.append(time.monotonic() - started)
            _until(lambda: False, spacing, worker)
        assert hanging.received  # the subscriber really was hanging on our requests
        hanging.release()
    latencies.sort()
    p95 = latencies[int(0.95 * (len(latencies) - 1))]
    print(f"citizen e-mail while the subscriber hangs: p95 {p95:.2f} s, max {latencies[-1]:.2f} s")
    assert p95 <= 2.0, latencies


def test_a_hanging_mail_server_does_not_delay_subscriber_deliveries(settings):
    settings.NOTIFICATION_CALLBACK_ALLOWED_NETWORKS = ["127.0.0.1/32"]
    settings.NOTIFICATIONS_THROTTLE_MINUTES = 0
    hanging = SmtpSink(hold_after=0).start()  # takes every e-mail in and never answers
    hanging.use_in(settings)
    settings.EMAIL_TIMEOUT = 5
    with_email(SUZANNE)
    burst, steps = _zaken_with_steps(4)
    drain()
    Notification.objects.all().delete()
    try:
        with Subscriber() as subscriber:
            notificaties.kanalen_seed()
            notificaties.abonnement_create(
                callback_url=subscriber.url, kanalen=[{"naam": "zaken"}], allow_private_network=True
            )
            worker = Worker()
            latencies = []
            for n in range(6):
                before = len(subscriber.snapshot())
                started = time.monotonic()
                with transaction.atomic():
                    zaken.status_set(zaak=burst[n % 4], statustype=steps[n % 2])
                assert _until(lambda b=before: len(subscriber.snapshot()) > b, 20, worker)
                latencies.append(time.monotonic() - started)
            assert hanging.holding.is_set()  # the mail server really was hanging on an e-mail
    finally:
        hanging.release()
        delivery.notifications_in_flight_finish()
        hanging.stop()
    latencies.sort()
    p95 = latencies[int(0.95 * (len(latencies) - 1))]
    assert p95 <= 2.0, latencies


@pytest.mark.parametrize(
    ("outage", "within", "quick_probes"),
    [
        pytest.param(2.5, 5, True, id="2.5s"),
        # ``make soak``: down for 3 minutes with the default breaker settings.
        pytest.param(180, 30, False, id="180s", marks=[pytest.mark.soak, pytest.mark.timeout(600)]),
    ],
)
def test_after_an_smtp_outage_everything_goes_out_at_once_and_in_order(
    sink, settings, outage, within, quick_probes
):
    if quick_probes:
        settings.DELIVERY_BREAKER_THRESHOLD = 1
        settings.DELIVERY_PROBE_INTERVAL = 1
        settings.DELIVERY_PROBE_MAX_INTERVAL = 1
    with_email(SUZANNE)
    burst, steps = _zaken_with_steps(3)
    drain()
    Notification.objects.all().delete()
    sink.stop()  # the mail server is down
    with transaction.atomic():
        for n in range(12):
            zaken.status_set(zaak=burst[n % 3], statustype=steps[n // 3 % 2])
    worker = Worker()
    _until(lambda: False, outage, worker)  # the outage: failures, then the destination pauses
    assert not Notification.objects.filter(status=Status.DELIVERED).exists()
    tried = Notification.objects.filter(attempts__gt=0).count()
    assert tried <= 4  # paused: no retry storm while it is down

    sink.start()
    back = time.monotonic()
    assert _until(
        lambda: not Notification.objects.exclude(status=Status.DELIVERED).exists(),
        within + 5,
        worker,
    )
    recovered = time.monotonic() - back
    assert recovered <= within  # not each message after a backoff of its own
    print(f"all delivered {recovered:.1f} s after the mail server was back")
    order = {
        f"<{uuid}@notificaties.mijnservices>": (zaak, n)
        for n, (uuid, zaak) in enumerate(
            Notification.objects.order_by("created_at", "id").values_list("uuid", "zaak_uuid")
        )
    }
    arrived: dict[str, list[int]] = defaultdict(list)
    for mail in sink.snapshot():
        zaak, n = order[mail.message_id]
        arrived[zaak].append(n)
    assert len(arrived) == 3
    for numbers in arrived.values():
        assert numbers == sorted(numbers)  # per zaak in the order of the changes
