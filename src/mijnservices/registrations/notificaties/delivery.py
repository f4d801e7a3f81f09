"""Sending deliveries: claim due ones, POST them concurrently, record the outcome.

- **At least once.** A claim sets a lease (``claimed_until``) and a claim id in its own short
  transaction; the outcome is recorded afterwards. A worker killed in between leaves the
  lease behind, and the delivery is claimed again when it runs out: the subscriber may see
  a notificatie twice, always with the same ``Idempotency-Key`` (the notificatie's id).
- **In order per (abonnement, hoofdobject).** Only the oldest pending delivery of a pair is
  claimable, and none while an older outbox event for the same hoofdobject is still pending.
- **Several workers.** On PostgreSQL the claim uses ``FOR UPDATE SKIP LOCKED``.
- **Final state.** Delivered on a 2xx answer; otherwise retried with capped exponential
  backoff and jitter until ``NOTIFICATION_RETRY_WINDOW`` has passed since the first attempt,
  then failed. Administrators see, filter and resend them in the admin.
"""

from __future__ import annotations

import json
import random
import threading
import time
import uuid
from collections import defaultdict
from concurrent.futures import ThreadPoolExecutor
from dataclasses import dataclass
from datetime import datetime, timedelta

import structlog
from django.conf import settings
from django.db import connection, transaction
from django.db.models import Exists, F, OuterRef, Q
from django.db.models.functions import Coalesce
from django.utils import timezone
from urllib3 import PoolManager, Timeout

from mijnservices.core.models import OutboxEvent, OutboxStatus
from mijnservices.registrations.notificaties.callbacks import CallbackRefused, guarded_pool_manager
from mijnservices.registrations.notificaties.models import Delivery, DeliveryStatus, Notificatie

logger = structlog.get_logger(__name__)

USER_AGENT = "MijnServices-Notificaties/1.0"
_PURGE_CHUNK = 1000


@dataclass(frozen=True)
class Job:
    """Everything needed to send one claimed delivery, without touching the database."""

    id: int
    claim: uuid.UUID
    notificatie_id: uuid.UUID
    url: str
    auth: str
    allow_private: bool
    body: bytes
    attempts: int
    first_attempt_at: datetime


@dataclass(frozen=True)
class Outcome:
    job: Job
    status_code: int | None
    error: str

    @property
    def delivered(self) -> bool:
        return self.status_code is not None and 200 <= self.status_code < 300


def backoff(attempts: int, *, rng: random.Random | None = None) -> timedelta:
    """Delay after the ``attempts``-th failed attempt: base · 2^(n-1), capped, equal jitter."""
    base = settings.NOTIFICATION_RETRY_BASE_DELAY
    cap = settings.NOTIFICATION_RETRY_MAX_DELAY
    raw = min(cap, base * 2 ** min(max(attempts - 1, 0), 32))
    # Jitter spreads retries of many deliveries to one recovering subscriber.
    jitter = (rng or random).uniform(0.5, 1.0)
    return timedelta(seconds=raw * jitter)


def _claimable(now: datetime):  # type: ignore[no-untyped-def]
    earlier_delivery = Delivery.objects.filter(
        abonnement_id=OuterRef("abonnement_id"),
        order_key=OuterRef("order_key"),
        status=DeliveryStatus.PENDING,
    ).filter(
        Q(created_at__lt=OuterRef("created_at"))
        | Q(created_at=OuterRef("created_at"), id__lt=OuterRef("id"))
    )
    # An older change to the same hoofdobject whose notificatie does not exist yet.
    earlier_event = OutboxEvent.objects.filter(
        status=OutboxStatus.PENDING,
        hoofd_object=OuterRef("order_key"),
        created_at__lt=OuterRef("created_at"),
    )
    return (
        Delivery.objects.filter(status=DeliveryStatus.PENDING, next_attempt_at__lte=now)
        .filter(Q(claimed_until__isnull=True) | Q(claimed_until__lt=now))
        .filter(~Exists(earlier_delivery), ~Exists(earlier_event))
        .order_by("created_at", "id")
    )


def deliveries_claim(*, limit: int | None = None) -> list[Job]:
    """Claim up to ``limit`` due deliveries (the heads of their queues) under a lease."""
    now = timezone.now()
    token = uuid.uuid4()
    if not Delivery.objects.filter(
        status=DeliveryStatus.PENDING, next_attempt_at__lte=now
    ).exists():
        return []  # a plain read first: no write transaction (SQLite: no write lock) when idle
    with transaction.atomic():
        due = _claimable(now).select_related("notificatie", "abonnement")
        if connection.features.has_select_for_update_skip_locked:
            due = due.select_for_update(skip_locked=True, of=("self",))
        rows = list(due[: limit or settings.NOTIFICATION_BATCH_SIZE])
        if not rows:
            return []
        Delivery.objects.filter(id__in=[row.id for row in rows]).update(
            claim=token,
            claimed_until=now + timedelta(seconds=settings.NOTIFICATION_LEASE),
            attempts=F("attempts") + 1,
            first_attempt_at=Coalesce("first_attempt_at", now),
        )
    return [
        Job(
            id=row.id,
            claim=token,
            notificatie_id=row.notificatie_id,
            url=row.abonnement.callback_url,
            auth=row.abonnement.auth,
            allow_private=row.abonnement.allow_private_network,
            body=json.dumps(row.notificatie.message()).encode(),
            attempts=row.attempts + 1,
            first_attempt_at=row.first_attempt_at or now,
        )
        for row in rows
    ]


_local = threading.local()


def _pool(allow_private: bool) -> PoolManager:
    """One keep-alive pool per thread and policy (pool managers are cheap, sockets are not)."""
    pools: dict[bool, PoolManager] | None = getattr(_local, "pools", None)
    if pools is None:
        pools = _local.pools = {}
    if allow_private not in pools:
        pools[allow_private] = guarded_pool_manager(allow_private=allow_private)
    return pools[allow_private]


def delivery_send(job: Job) -> Outcome:
    """POST one notificatie to its subscriber. Never raises: the outcome says what happened."""
    headers = {
        "Content-Type": "application/json",
        "Accept": "application/json",
        "User-Agent": USER_AGENT,
        # Stable per notificatie: a receiver that saw this key before can drop the repeat.
        "Idempotency-Key": str(job.notificatie_id),
    }
    if job.auth:
        headers["Authorization"] = job.auth
    timeout = settings.NOTIFICATION_REQUEST_TIMEOUT
    try:
        response = _pool(job.allow_private).request(
            "POST",
            job.url,
            body=job.body,
            headers=headers,
            timeout=Timeout(connect=timeout, read=timeout),
            redirect=False,
            retries=False,
        )
    except CallbackRefused as exc:
        return Outcome(job, None, f"refused by the callback policy: {exc}")
    except Exception as exc:
        return Outcome(job, None, f"{type(exc).__name__}: {exc}"[:2000])
    if 200 <= response.status < 300:
        return Outcome(job, response.status, "")
    return Outcome(job, response.status, f"HTTP {response.status}: {response.data[:500]!r}")


def deliveries_record(outcomes: list[Outcome]) -> None:
    """Store each outcome, unless the lease ran out and another worker claimed it since."""
    now = timezone.now()
    window = timedelta(seconds=settings.NOTIFICATION_RETRY_WINDOW)
    delivered: dict[tuple[uuid.UUID, int | None], list[int]] = defaultdict(list)
    with transaction.atomic():
        for outcome in outcomes:
            job = outcome.job
            if outcome.delivered:
                delivered[(job.claim, outcome.status_code)].append(job.id)
                continue
            mine = Delivery.objects.filter(id=job.id, claim=job.claim)
            common = {
                "claim": None,
                "claimed_until": None,
                "last_status_code": outcome.status_code,
                "last_error": outcome.error,
            }
            if now - job.first_attempt_at >= window:
                mine.update(status=DeliveryStatus.FAILED, failed_at=now, **common)
                logger.error(
                    "delivery_failed",
                    delivery=job.id,
                    notificatie=str(job.notificatie_id),
                    attempts=job.attempts,
                )
            else:
                mine.update(next_attempt_at=now + backoff(job.attempts), **common)
                logger.warning(
                    "delivery_retry",
                    delivery=job.id,
                    notificatie=str(job.notificatie_id),
                    attempts=job.attempts,
                    status_code=outcome.status_code,
                )
        for (claim, code), ids in delivered.items():
            Delivery.objects.filter(id__in=ids, claim=claim).update(
                status=DeliveryStatus.DELIVERED,
                delivered_at=now,
                last_status_code=code,
                last_error="",
                claim=None,
                claimed_until=None,
            )


_executor: ThreadPoolExecutor | None = None


def _pool_executor() -> ThreadPoolExecutor:
    global _executor
    if _executor is None:
        _executor = ThreadPoolExecutor(
            max_workers=settings.NOTIFICATION_CONCURRENCY, thread_name_prefix="delivery"
        )
    return _executor


def deliveries_send_due() -> int:
    """One round: claim due deliveries, send them concurrently, record. Returns how many."""
    jobs = deliveries_claim()
    if not jobs:
        return 0
    outcomes = list(_pool_executor().map(delivery_send, jobs))
    deliveries_record(outcomes)
    sent = sum(o.delivered for o in outcomes)
    logger.info("deliveries_sent", claimed=len(jobs), delivered=sent, retry=len(jobs) - sent)
    return len(jobs)


def deliveries_purge(*, now: datetime | None = None) -> int:
    """Delete delivered and failed deliveries older than the retention period, then the
    notificaties left without deliveries. In chunks, so no long lock is held."""
    cutoff = (now or timezone.now()) - timedelta(days=settings.NOTIFICATION_RETENTION_DAYS)
    old = Delivery.objects.filter(
        Q(status=DeliveryStatus.DELIVERED, delivered_at__lt=cutoff)
        | Q(status=DeliveryStatus.FAILED, failed_at__lt=cutoff)
    )
    orphans = Notificatie.objects.filter(aanmaakdatum__lt=cutoff).filter(
        ~Exists(Delivery.objects.filter(notificatie=OuterRef("pk")))
    )
    deleted = 0
    for queryset in (old, orphans):
        while ids := list(queryset.values_list("pk", flat=True)[:_PURGE_CHUNK]):
            deleted += queryset.model._default_manager.filter(pk__in=ids).delete()[0]
    if deleted:
        logger.info("deliveries_purged", deleted=deleted, cutoff=cutoff.isoformat())
    return deleted


_last_purge = [float("-inf")]


def deliveries_purge_when_due() -> int:
    """The worker step: purge once per ``NOTIFICATION_PURGE_INTERVAL`` seconds."""
    if time.monotonic() - _last_purge[0] < settings.NOTIFICATION_PURGE_INTERVAL:
        return 0
    _last_purge[0] = time.monotonic()
    deliveries_purge()
    # Purging is housekeeping, not work that should keep the worker from idling.
    return 0
