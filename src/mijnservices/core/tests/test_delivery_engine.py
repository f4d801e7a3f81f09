"""The delivery engine's parts (decision 0032): the retry policy, leases with a token, and a
circuit breaker per destination that administrators see and resume."""

from __future__ import annotations

import random
from datetime import timedelta
from io import StringIO

import pytest
from django.core.management import call_command
from django.utils import timezone

from mijnservices.core.delivery import breaker
from mijnservices.core.delivery.claims import Lease
from mijnservices.core.delivery.retry import RetryPolicy
from mijnservices.core.models import Destination, DestinationState, OutboxEvent

KEY = "subscriber:http://ontvanger.example:80"


def test_the_retry_policy_doubles_caps_and_ends_after_its_window():
    policy = RetryPolicy(base=10, cap=100, window=3600, jitter=False)
    assert [policy.delay(n).total_seconds() for n in (1, 2, 3, 5)] == [10, 20, 40, 100]
    now = timezone.now()
    assert not policy.exhausted(attempts=50, first_attempt_at=now, now=now)
    assert policy.exhausted(attempts=2, first_attempt_at=now - timedelta(hours=1), now=now)
    jittered = RetryPolicy(base=10, cap=100, window=1).delay(2, rng=random.Random(1))
    assert 10 <= jittered.total_seconds() <= 20


def test_a_lease_covers_a_send_only_with_time_to_spare():
    lease = Lease(30)
    assert lease.covers(10) and not lease.covers(29.5)


@pytest.mark.django_db
def test_a_destination_pauses_after_failures_in_a_row_and_one_worker_takes_the_probe(settings):
    settings.DELIVERY_BREAKER_THRESHOLD = 2
    settings.DELIVERY_PROBE_INTERVAL = 5
    assert breaker.destination_failed(KEY, "timeout") is False
    assert breaker.paused() == {}
    assert breaker.destination_failed(KEY, "timeout") is True
    assert breaker.paused() == {KEY: False}  # paused, no probe due yet
    later = timezone.now() + timedelta(seconds=6)
    assert breaker.paused(now=later) == {KEY: True}
    assert breaker.probe_take(KEY, now=later) is True
    assert breaker.probe_take(KEY, now=later) is False  # another worker: no second probe
    breaker.destination_succeeded(KEY)
    row = Destination.objects.get(key=KEY)
    assert (row.state, row.failures, row.probe_at) == (DestinationState.CLOSED, 0, None)


@pytest.mark.django_db
def test_the_wait_between_probes_grows_with_the_outage_within_bounds(settings):
    settings.DELIVERY_BREAKER_THRESHOLD = 1
    settings.DELIVERY_PROBE_INTERVAL = 2
    settings.DELIVERY_PROBE_MAX_INTERVAL = 20
    start = timezone.now()
    breaker.destination_failed(KEY, "down", now=start)
    first = Destination.objects.get(key=KEY).probe_at
    assert first == start + timedelta(seconds=2)
    breaker.destination_failed(KEY, "down", now=start + timedelta(seconds=10))
    assert Destination.objects.get(key=KEY).probe_at == start + timedelta(seconds=15)
    breaker.destination_failed(KEY, "down", now=start + timedelta(seconds=600))
    assert Destination.objects.get(key=KEY).probe_at == start + timedelta(seconds=620)


@pytest.mark.django_db
def test_the_command_lists_destinations_and_resumes_one_by_hand(settings):
    settings.DELIVERY_BREAKER_THRESHOLD = 1
    breaker.destination_failed(KEY, "HTTP 503")
    out = StringIO()
    call_command("destinations", stdout=out)
    assert KEY in out.getvalue() and "open" in out.getvalue() and "HTTP 503" in out.getvalue()
    call_command("destinations", "--resume", KEY, stdout=StringIO())
    assert Destination.objects.get(key=KEY).state == DestinationState.CLOSED
    assert breaker.paused() == {}


@pytest.mark.django_db
def test_an_administrator_sees_the_state_and_resumes_in_the_admin(settings, admin_client):
    settings.DELIVERY_BREAKER_THRESHOLD = 1
    breaker.destination_failed(KEY, "HTTP 503")
    client = admin_client
    listing = client.get("/admin/core/destination/")
    assert listing.status_code == 200 and KEY in listing.content.decode()
    row = Destination.objects.get(key=KEY)
    client.post(
        "/admin/core/destination/",
        {"action": "resume", "_selected_action": [row.pk]},
    )
    row.refresh_from_db()
    assert row.state == DestinationState.CLOSED


@pytest.mark.django_db
def test_old_outbox_events_are_purged_after_their_retention(settings):
    from mijnservices.core.outbox import events_purge

    settings.OUTBOX_RETENTION_DAYS = 30
    now = timezone.now()
    for age, status in ((40, "processed"), (40, "failed"), (10, "processed"), (40, "pending")):
        OutboxEvent.objects.create(
            kanaal="zaken",
            resource="zaak",
            actie="create",
            hoofd_object="/z/1",
            resource_id="/z/1",
            created_at=now - timedelta(days=age),
            next_attempt_at=now,
            status=status,
            processed_at=None if status == "pending" else now - timedelta(days=age),
        )
    assert events_purge() == 2
    assert sorted(OutboxEvent.objects.values_list("status", flat=True)) == ["pending", "processed"]
