from __future__ import annotations

from datetime import timedelta

import pytest
from django.db import transaction
from django.utils import timezone

from mijnservices.core import outbox
from mijnservices.core.models import OutboxEvent, OutboxStatus


def _record(**overrides):
    fields = {
        "kanaal": "zaken",
        "resource": "zaak",
        "actie": "create",
        "hoofd_object": "/zaken/api/v1/zaken/1",
        "resource_id": "/zaken/api/v1/zaken/1",
    }
    fields.update(overrides)
    with transaction.atomic():
        return outbox.event_record(**fields)


@pytest.mark.django_db(transaction=True)
def test_recording_outside_a_transaction_is_refused():
    with pytest.raises(RuntimeError, match="inside the change's transaction"):
        outbox.event_record(
            kanaal="zaken", resource="zaak", actie="create", hoofd_object="x", resource_id="x"
        )


@pytest.mark.django_db(transaction=True)
def test_event_is_rolled_back_with_the_change_it_describes():
    with pytest.raises(ZeroDivisionError), transaction.atomic():
        outbox.event_record(
            kanaal="zaken", resource="zaak", actie="create", hoofd_object="x", resource_id="x"
        )
        _ = 1 / 0
    assert not OutboxEvent.objects.exists()


@pytest.mark.django_db
def test_drain_processes_due_events_and_records_final_status():
    event = _record()
    result = outbox.drain_once()
    event.refresh_from_db()
    assert result.processed == 1
    assert event.status == OutboxStatus.PROCESSED
    assert event.processed_at is not None
    assert event.attempts == 1


@pytest.mark.django_db
def test_failing_handler_is_retried_with_backoff_then_marked_failed(settings, monkeypatch):
    settings.OUTBOX_MAX_ATTEMPTS = 2
    calls: list[str] = []

    def broken(event):
        calls.append(str(event.id))
        raise ConnectionError("subscriber down")

    monkeypatch.setattr(outbox, "_HANDLERS", [("broken", broken)])
    event = _record()

    first = outbox.drain_once()
    event.refresh_from_db()
    assert first.retried == 1
    assert event.status == OutboxStatus.PENDING
    assert event.next_attempt_at > timezone.now()
    assert "subscriber down" in event.last_error

    assert outbox.drain_once().total == 0  # not due yet: backoff holds it back

    OutboxEvent.objects.filter(pk=event.pk).update(next_attempt_at=timezone.now())
    second = outbox.drain_once()
    event.refresh_from_db()
    assert second.failed == 1
    assert event.status == OutboxStatus.FAILED
    assert calls == [str(event.id), str(event.id)]  # same stable id on every attempt


def test_backoff_doubles_and_is_capped_at_one_hour():
    assert outbox.backoff(1) == timedelta(seconds=2)
    assert outbox.backoff(5) == timedelta(seconds=32)
    assert outbox.backoff(30) == timedelta(hours=1)


@pytest.mark.django_db
def test_events_are_handled_in_creation_order(monkeypatch):
    seen: list[str] = []
    monkeypatch.setattr(outbox, "_HANDLERS", [("spy", lambda e: seen.append(e.resource_id))])
    for n in range(5):
        _record(resource_id=f"r{n}")
    outbox.drain_once()
    assert seen == [f"r{n}" for n in range(5)]


@pytest.mark.django_db
def test_a_batch_handler_takes_the_whole_batch_and_one_bad_event_falls_back(monkeypatch):
    batches: list[list[str]] = []
    singles: list[str] = []

    def single(event):
        if event.resource_id == "bad":
            raise ValueError("bad event")
        singles.append(event.resource_id)

    def batch(events):
        batches.append([e.resource_id for e in events])
        for event in events:
            single(event)

    monkeypatch.setattr(outbox, "_HANDLERS", [("spy", single)])
    monkeypatch.setattr(outbox, "_BATCH", {single: batch})
    for n in range(3):
        _record(resource_id=f"r{n}")

    assert outbox.drain_once().processed == 3
    assert batches == [["r0", "r1", "r2"]]
    assert singles == ["r0", "r1", "r2"]
    assert set(OutboxEvent.objects.values_list("status", "attempts")) == {
        (OutboxStatus.PROCESSED, 1)
    }

    singles.clear()
    for resource_id in ("r3", "bad", "r4"):
        _record(resource_id=resource_id)
    result = outbox.drain_once()
    # The batch failed as a whole (nothing of it kept); then event by event: only "bad" waits.
    assert (result.processed, result.retried) == (2, 1)
    assert singles == ["r3", "r3", "r4"]
    assert OutboxEvent.objects.get(resource_id="bad").status == OutboxStatus.PENDING
