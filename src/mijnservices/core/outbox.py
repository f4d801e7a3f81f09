"""Writing to and draining the outbox."""

from __future__ import annotations

from collections.abc import Callable
from dataclasses import dataclass
from datetime import timedelta
from typing import Any

import structlog
from django.conf import settings
from django.db import connection, transaction
from django.db.models import F
from django.utils import timezone

from mijnservices.core.models import OutboxEvent, OutboxStatus

logger = structlog.get_logger(__name__)

Handler = Callable[[OutboxEvent], None]
_HANDLERS: list[tuple[str, Handler]] = []
MAX_BACKOFF = timedelta(hours=1)
# PostgreSQL channel a commit with new work notifies, so idle workers wake at once.
WAKE_CHANNEL = "mijnservices_worker"


def register_handler(name: str, handler: Handler) -> None:
    """Register a consumer of outbox events (called from an AppConfig.ready)."""
    if name not in {n for n, _ in _HANDLERS}:
        _HANDLERS.append((name, handler))


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


def worker_wake() -> None:
    """Wake idle workers when the current transaction commits (PostgreSQL ``NOTIFY``; a
    rolled-back transaction sends nothing). SQLite workers notice commits themselves."""
    if connection.vendor == "postgresql":
        with connection.cursor() as cursor:
            cursor.execute(f"NOTIFY {WAKE_CHANNEL}")


def backoff(attempts: int) -> timedelta:
    """Exponential backoff: 2, 4, 8 … seconds, capped at one hour."""
    return min(timedelta(seconds=2**attempts), MAX_BACKOFF)


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
    with transaction.atomic():
        due = OutboxEvent.objects.filter(
            status=OutboxStatus.PENDING, next_attempt_at__lte=timezone.now()
        ).order_by("created_at")
        if connection.features.has_select_for_update_skip_locked:
            due = due.select_for_update(skip_locked=True)
        events = list(due[:size])
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


def _process(event: OutboxEvent, result: DrainResult) -> None:
    event.attempts += 1
    try:
        with transaction.atomic():
            for _name, handler in _HANDLERS:
                handler(event)
    except Exception as exc:
        event.last_error = f"{type(exc).__name__}: {exc}"[:2000]
        if event.attempts >= settings.OUTBOX_MAX_ATTEMPTS:
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
