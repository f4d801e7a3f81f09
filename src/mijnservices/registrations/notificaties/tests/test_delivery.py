from __future__ import annotations

import random
import time
import uuid
from datetime import timedelta

import pytest
from django.db import transaction
from django.utils import timezone

from mijnservices.conf.env import REGISTRY
from mijnservices.core import outbox
from mijnservices.core.models import OutboxEvent
from mijnservices.core.worker import Worker
from mijnservices.registrations.notificaties import callbacks, delivery
from mijnservices.registrations.notificaties.models import Delivery, DeliveryStatus, Notificatie


def _change(zaak: str, n: int = 0) -> OutboxEvent:
    with transaction.atomic():
        return outbox.event_record(
            kanaal="zaken",
            resource="status",
            actie="create",
            hoofd_object=f"/zaken/api/v1/zaken/{zaak}",
            resource_id=f"/zaken/api/v1/statussen/{zaak}-{n}",
            kenmerken={"bronorganisatie": "002220647"},
        )


def _key(job: delivery.Job) -> str:
    return Delivery.objects.get(pk=job.id).order_key.rsplit("/", 1)[-1]


@pytest.mark.django_db
def test_a_delivery_posts_the_zgw_message_with_auth_and_a_stable_id(subscriber, subscribe):
    subscribe(subscriber.url, auth="Bearer geheim")
    event = _change("a")
    outbox.drain_once()

    assert delivery.deliveries_send_due() == 1

    (received,) = subscriber.snapshot()
    assert received.id == str(event.id)
    assert received.authorization == "Bearer geheim"
    assert set(received.body) == {
        "kanaal",
        "hoofdObject",
        "resource",
        "resourceUrl",
        "actie",
        "aanmaakdatum",
        "kenmerken",
    }
    assert received.body["hoofdObject"].endswith("/zaken/api/v1/zaken/a")
    sent = Delivery.objects.get()
    assert sent.status == DeliveryStatus.DELIVERED
    assert (sent.attempts, sent.last_status_code) == (1, 204)
    assert sent.delivered_at is not None and sent.claimed_until is None


@pytest.mark.django_db
def test_only_the_oldest_pending_delivery_per_hoofdobject_is_claimed(subscribe):
    subscribe("http://127.0.0.1:9/hook")
    for n in range(3):
        _change("a", n)
    for n in range(2):
        _change("b", n)
    outbox.drain_once()

    first = delivery.deliveries_claim()
    assert sorted(_key(job) for job in first) == ["a", "b"]
    assert delivery.deliveries_claim() == []  # the heads are in flight: nothing behind them

    head_a = next(job for job in first if _key(job) == "a")
    delivery.deliveries_record([delivery.Outcome(head_a, 204, "")])
    (second,) = delivery.deliveries_claim()
    assert _key(second) == "a"
    assert Delivery.objects.get(pk=second.id).notificatie.resource_url.endswith("a-1")


@pytest.mark.django_db
def test_no_delivery_goes_out_while_an_older_change_to_its_hoofdobject_is_in_the_outbox(
    subscribe,
):
    subscribe("http://127.0.0.1:9/hook")
    older = _change("a", 0)
    _change("a", 1)
    _change("b", 0)
    # The older event waits for a retry (say its handler failed once); the newer ones are done.
    OutboxEvent.objects.filter(pk=older.pk).update(
        next_attempt_at=timezone.now() + timedelta(minutes=5)
    )
    outbox.drain_once()

    assert [_key(job) for job in delivery.deliveries_claim()] == ["b"]


@pytest.mark.django_db
def test_failed_attempts_are_retried_with_backoff_then_marked_failed(
    settings, subscriber, subscribe
):
    settings.NOTIFICATION_RETRY_WINDOW = 60
    subscriber.status = 400  # this message is refused (a host that is down pauses instead)
    subscribe(subscriber.url)
    _change("a")
    outbox.drain_once()

    delivery.deliveries_send_due()
    pending = Delivery.objects.get()
    assert pending.status == DeliveryStatus.PENDING
    assert (pending.attempts, pending.last_status_code) == (1, 400)
    assert pending.next_attempt_at > timezone.now()
    assert pending.claimed_until is None
    assert delivery.deliveries_send_due() == 0  # waiting for its backoff

    # The clock moves past the retry window.
    Delivery.objects.update(
        next_attempt_at=timezone.now(), first_attempt_at=timezone.now() - timedelta(seconds=61)
    )
    delivery.deliveries_send_due()
    failed = Delivery.objects.get()
    assert failed.status == DeliveryStatus.FAILED
    assert failed.attempts == 2 and failed.failed_at is not None
    assert "HTTP 400" in failed.last_error
    assert subscriber.refused == 2


@pytest.mark.django_db
def test_a_resent_failed_delivery_arrives_with_the_same_id(settings, subscriber, subscribe):
    from mijnservices.registrations.notificaties.services import delivery_resend

    settings.NOTIFICATION_RETRY_WINDOW = 1
    subscriber.status = 503
    subscribe(subscriber.url)
    event = _change("a")
    outbox.drain_once()
    Delivery.objects.update(first_attempt_at=timezone.now() - timedelta(seconds=5))
    delivery.deliveries_send_due()
    assert Delivery.objects.get().status == DeliveryStatus.FAILED

    subscriber.status = 204
    delivery_resend(delivery=Delivery.objects.get())
    delivery.deliveries_send_due()
    assert Delivery.objects.get().status == DeliveryStatus.DELIVERED
    assert subscriber.ids() == [str(event.id)]


def test_backoff_doubles_with_jitter_and_is_capped(settings):
    settings.NOTIFICATION_RETRY_BASE_DELAY = 10
    settings.NOTIFICATION_RETRY_MAX_DELAY = 3600
    rng = random.Random(1)
    for attempts, full in ((1, 10), (2, 20), (5, 160), (9, 2560), (10, 3600), (60, 3600)):
        delay = delivery.backoff(attempts, rng=rng).total_seconds()
        assert full / 2 <= delay <= full


def test_the_default_retry_window_is_more_than_a_day():
    assert int(REGISTRY["NOTIFICATION_RETRY_WINDOW"].default) >= 24 * 3600
    assert int(REGISTRY["NOTIFICATION_REQUEST_TIMEOUT"].default) > 0


@pytest.mark.django_db
def test_subscriber_down_for_a_while_gets_everything_in_order_per_zaak(
    settings, subscriber, subscribe
):
    settings.NOTIFICATION_RETRY_BASE_DELAY = 1
    settings.NOTIFICATION_RETRY_MAX_DELAY = 1
    settings.DELIVERY_PROBE_INTERVAL = 1
    settings.DELIVERY_PROBE_MAX_INTERVAL = 1
    subscribe(subscriber.url)
    subscriber.status = 503
    order: dict[str, list[str]] = {}
    for n in range(6):
        for zaak in ("a", "b", "c", "d", "e"):
            order.setdefault(zaak, []).append(str(_change(zaak, n).id))
    worker = Worker()
    for _ in range(3):
        worker.run_round()
    assert subscriber.refused >= 5 and subscriber.ids() == []

    subscriber.status = 204
    deadline = time.monotonic() + 30
    while len(subscriber.ids()) < 30 and time.monotonic() < deadline:
        if worker.run_round() == 0:
            time.sleep(0.1)

    received = subscriber.snapshot()
    assert sorted(r.id for r in received) == sorted(i for ids in order.values() for i in ids)
    for zaak, ids in order.items():
        got = [r.id for r in received if r.body["hoofdObject"].endswith(f"/zaken/{zaak}")]
        assert got == ids, zaak
    delivery.deliveries_send_due()  # the worker records the last outcomes in its next round
    assert set(Delivery.objects.values_list("status", flat=True)) == {DeliveryStatus.DELIVERED}


@pytest.mark.django_db
def test_the_policy_is_checked_again_when_delivering(monkeypatch, subscribe):
    addresses = {"ontvanger.example.org": ["93.184.216.34"]}
    monkeypatch.setattr(callbacks, "resolve", lambda host, port: addresses.get(host, [host]))
    subscribe("http://ontvanger.example.org/hook")
    _change("a")
    outbox.drain_once()

    addresses["ontvanger.example.org"] = ["10.0.0.8"]  # DNS rebinding after subscribing
    delivery.deliveries_send_due()

    pending = Delivery.objects.get()
    assert pending.status == DeliveryStatus.PENDING
    assert "refused by the callback policy" in pending.last_error
    assert "10.0.0.8" in pending.last_error


@pytest.mark.django_db
def test_an_outcome_from_a_claim_that_expired_and_was_taken_over_is_ignored(subscribe):
    subscribe("http://127.0.0.1:9/hook")
    _change("a")
    outbox.drain_once()
    (job,) = delivery.deliveries_claim()
    Delivery.objects.update(claim=uuid.uuid4())  # another worker claimed it after the lease
    delivery.deliveries_record([delivery.Outcome(job, 204, "")])
    assert Delivery.objects.get().status == DeliveryStatus.PENDING


@pytest.mark.django_db
def test_an_expired_lease_makes_the_delivery_claimable_again(subscribe):
    subscribe("http://127.0.0.1:9/hook")
    _change("a")
    outbox.drain_once()
    (job,) = delivery.deliveries_claim()
    Delivery.objects.update(claimed_until=timezone.now() - timedelta(seconds=1))
    (again,) = delivery.deliveries_claim()
    assert again.id == job.id and again.attempts == 2


@pytest.mark.django_db
def test_purge_removes_old_final_deliveries_and_their_notificaties(settings, subscribe):
    settings.NOTIFICATION_RETENTION_DAYS = 30
    subscribe("http://127.0.0.1:9/hook")
    for zaak in ("delivered", "failed", "pending", "recent"):
        _change(zaak)
    outbox.drain_once()
    old = timezone.now() - timedelta(days=31)
    Notificatie.objects.exclude(hoofd_object__endswith="recent").update(aanmaakdatum=old)
    by_key = {d.order_key.rsplit("/", 1)[-1]: d for d in Delivery.objects.all()}
    Delivery.objects.filter(pk=by_key["delivered"].pk).update(
        status=DeliveryStatus.DELIVERED, delivered_at=old
    )
    Delivery.objects.filter(pk=by_key["failed"].pk).update(
        status=DeliveryStatus.FAILED, failed_at=old
    )
    Delivery.objects.filter(pk=by_key["recent"].pk).update(
        status=DeliveryStatus.DELIVERED, delivered_at=timezone.now()
    )

    delivery.deliveries_purge()

    left = {d.order_key.rsplit("/", 1)[-1] for d in Delivery.objects.all()}
    assert left == {"pending", "recent"}
    assert Notificatie.objects.count() == 2
