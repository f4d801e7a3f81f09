"""Writing to and draining the outbox."""

from __future__ import annotations

from collections.abc import Callable
from dataclasses import dataclass
from datetime import datetime, timedelta
from typing import Any

import structlog
from django.conf import settings
from django.db import connection, transaction
from django.db.models import F
from django.utils import timezone

from mijnservices.core.delivery.claims import lock_due
from mijnservices.core.delivery.retry import RetryPolicy
from mijnservices.core.models import OutboxEvent, OutboxStatus

logger = structlog.get_logger(__name__)

Handler = Callable[[OutboxEvent], None]
BatchHandler = Callable[[list[OutboxEvent]], None]
_HANDLERS: list[tuple[str, Handler]] = []
# A handler's faster way to do a whole batch in a few queries (same outcome as one by one).
_BATCH: dict[Handler, BatchHandler] = {}
MAX_BACKOFF = timedelta(hours=1)
# PostgreSQL channel a commit with new work notifies, so idle workers wake at once.
WAKE_CHANNEL = "mijnservices_worker"


def register_handler(name: str, handler: Handler, *, batch: BatchHandler | None = None) -> None:
    """Register a consumer of outbox events (called from an AppConfig.ready).

    ``batch``, when given, handles a list of events with the same outcome as ``handler`` on
    each; the worker uses it for the whole claimed batch and falls back to ``handler`` event
    by event when any batch handler fails (so one bad event is retried on its own).
    """
    if name not in {n for n, _ in _HANDLERS}:
        _HANDLERS.append((name, handler))
    if batch is not None:
        _BATCH[handler] = batch


def handlers() -> list[tuple[str, Handler]]:
    return list(_HANDLERS)


def event_record(
    *,
    kanaal: str,
    resource: str,
    actie: str,
    hoofd_object: str,
    resource_id: str,
    kenmerken: dict[str, Any] | None = None,
    payload: dict[str, Any] | None = None,
) -> OutboxEvent:
    """Record an event. Must run inside the transaction of the change it describes."""
    if not connection.in_atomic_block:
        raise RuntimeError("event_record must be called inside the change's transaction")
    now = timezone.now()
    worker_wake()
    return OutboxEvent.objects.create(
        kanaal=kanaal,
        resource=resource,
        actie=actie,
        hoofd_object=hoofd_object,
        resource_id=resource_id,
        kenmerken=kenmerken or {},
        payload=payload or {},
        created_at=now,
        next_attempt_at=now,
    )


def events_record(events: list[dict[str, Any]]) -> list[OutboxEvent]:
    """Record many events in one INSERT (each dict has ``event_record``'s arguments), in the
    order given. Must run inside the transaction of the changes they describe."""
    if not connection.in_atomic_block:
        raise RuntimeError("events_record must be called inside the change's transaction")
    if not events:
        return []
    now = timezone.now()
    worker_wake()
    return OutboxEvent.objects.bulk_create(
        OutboxEvent(
            kanaal=e["kanaal"],
            resource=e["resource"],
            actie=e["actie"],
            hoofd_object=e["hoofd_object"],
            resource_id=e["resource_id"],
            kenmerken=e.get("kenmerken") or {},
            payload=e.get("payload") or {},
            # Distinct times keep the order the worker handles them in.
            created_at=now + timedelta(microseconds=n),
            next_attempt_at=now,
        )
        for n, e in enumerate(events)
    )


def worker_wake() -> None:
    """Wake idle workers when the current transaction commits (PostgreSQL ``NOTIFY``; a
    rolled-back transaction sends nothing). SQLite workers notice commits themselves."""
    if connection.vendor == "postgresql":
        with connection.cursor() as cursor:
            cursor.execute(f"NOTIFY {WAKE_CHANNEL}")


def retry_policy() -> RetryPolicy:
    """2, 4, 8 … seconds, capped at one hour, failed after ``OUTBOX_MAX_ATTEMPTS``."""
    return RetryPolicy(
        base=2,
        cap=MAX_BACKOFF.total_seconds(),
        window=float("inf"),
        max_attempts=settings.OUTBOX_MAX_ATTEMPTS,
        jitter=False,
    )


def backoff(attempts: int) -> timedelta:
    """Exponential backoff: 2, 4, 8 … seconds, capped at one hour."""
    return retry_policy().delay(attempts)


@dataclass
class DrainResult:
    processed: int = 0
    retried: int = 0
    failed: int = 0

    @property
    def total(self) -> int:
        return self.processed + self.retried + self.failed


def drain_once(*, batch_size: int | None = None) -> DrainResult:
    """Claim one batch of due events, run the handlers, record the outcome.

    On PostgreSQL rows are claimed with ``FOR UPDATE SKIP LOCKED`` so several workers
    never process the same event at the same time; SQLite serialises writers anyway.
    """
    size = batch_size or settings.WORKER_BATCH_SIZE
    result = DrainResult()
    pending = OutboxEvent.objects.filter(
        status=OutboxStatus.PENDING, next_attempt_at__lte=timezone.now()
    )
    if not pending.exists():
        return result  # a plain read first: no write transaction (SQLite: no write lock) when idle
    with transaction.atomic():
        events = list(lock_due(pending.order_by("created_at"))[:size])
        # One event goes the plain way (a failing handler then runs once per attempt).
        if len(events) > 1 and _batch_run(events):
            for event in events:
                event.attempts += 1
                event.status = OutboxStatus.PROCESSED
            result.processed += len(events)
        else:
            for event in events:
                _process(event, result)
        # The outcome commits with the handlers' work. The usual outcome is one statement for
        # the whole batch (bulk_update's CASE per row costs more than the handlers).
        done = [e.pk for e in events if e.status == OutboxStatus.PROCESSED]
        if done:
            OutboxEvent.objects.filter(pk__in=done).update(
                status=OutboxStatus.PROCESSED,
                processed_at=timezone.now(),
                last_error="",
                attempts=F("attempts") + 1,
            )
        for event in events:
            if event.status != OutboxStatus.PROCESSED:
                event.save(update_fields=_OUTCOME_FIELDS)
    return result


_OUTCOME_FIELDS = ["attempts", "status", "processed_at", "next_attempt_at", "last_error"]


def _batch_run(events: list[OutboxEvent]) -> bool:
    """Every handler over the whole batch in one savepoint: batch handlers in one go, the
    others event by event. False (nothing kept) when anything fails: then each event is
    processed on its own, so only the failing one is retried."""
    try:
        with transaction.atomic():
            for _name, handler in _HANDLERS:
                batch = _BATCH.get(handler)
                if batch is not None:
                    batch(events)
                else:
                    for event in events:
                        handler(event)
    except Exception:
        logger.warning("outbox_batch_fallback", events=len(events), exc_info=True)
        return False
    logger.info("outbox_batch_processed", events=len(events))
    return True


def now() -> datetime:
    return timezone.now()


def _process(event: OutboxEvent, result: DrainResult) -> None:
    event.attempts += 1
    try:
        with transaction.atomic():
            for _name, handler in _HANDLERS:
                handler(event)
    except Exception as exc:
        event.last_error = f"{type(exc).__name__}: {exc}"[:2000]
        if retry_policy().exhausted(attempts=event.attempts, first_attempt_at=None, now=now()):
            event.status = OutboxStatus.FAILED
            event.processed_at = timezone.now()
            result.failed += 1
            logger.error("outbox_event_failed", event_id=str(event.id), attempts=event.attempts)
        else:
            event.next_attempt_at = timezone.now() + backoff(event.attempts)
            result.retried += 1
            logger.warning("outbox_event_retry", event_id=str(event.id), attempts=event.attempts)
    else:
        event.status = OutboxStatus.PROCESSED
        event.processed_at = timezone.now()
        event.last_error = ""
        result.processed += 1
        logger.info(
            "outbox_event_processed",
            event_id=str(event.id),
            kanaal=event.kanaal,
            resource=event.resource,
            actie=event.actie,
        )


_PURGE_CHUNK = 1000


def events_purge(*, at: datetime | None = None) -> int:
    """Delete processed and failed events older than ``OUTBOX_RETENTION_DAYS`` (in chunks, so
    no long lock is held). What they caused lives on in its own records."""
    cutoff = (at or timezone.now()) - timedelta(days=settings.OUTBOX_RETENTION_DAYS)
    old = OutboxEvent.objects.filter(
        status__in=[OutboxStatus.PROCESSED, OutboxStatus.FAILED], processed_at__lt=cutoff
    )
    deleted = 0
    while ids := list(old.values_list("pk", flat=True)[:_PURGE_CHUNK]):
        deleted += OutboxEvent.objects.filter(pk__in=ids).delete()[0]
    if deleted:
        logger.info("outbox_events_purged", deleted=deleted)
    return deleted
