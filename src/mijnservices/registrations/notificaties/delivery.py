"""Sending deliveries on the delivery engine (``core/delivery``, decisions 0009 and 0032).

- **Claims with fencing.** Due deliveries are claimed in a short transaction under a lease
  (``NOTIFICATION_LEASE``) with a token; each POST checks right before it starts that the lease
  still covers its timeout, and each outcome is stored on its own as soon as it is there, only
  while the token still matches. A killed worker re-sends at most its requests in flight, with
  the same ``Idempotency-Key`` (the notificatie's id).
- **In order per (abonnement, hoofdobject).** Only the oldest pending delivery of a pair is
  claimable, and none while an older outbox event for the same hoofdobject is still pending.
- **Isolated per subscriber host.** Each callback host has its own lane of
  ``NOTIFICATION_CONCURRENCY`` threads and its own circuit breaker; the worker does not wait
  for the requests (it records them in a later round), so a hanging subscriber holds up
  neither other subscribers nor the rest of the worker (citizen e-mail).
- **Final state.** Delivered on a 2xx answer. A host that is down, times out or answers
  5xx/429 counts against its breaker and the delivery waits without a backoff of its own; any
  other answer is retried with capped exponential backoff. After ``NOTIFICATION_RETRY_WINDOW``
  since the first attempt: failed. Administrators see, filter and resend them in the admin.
"""

from __future__ import annotations

import json
import random
import threading
import time
import uuid
from concurrent.futures import Future, as_completed
from dataclasses import dataclass
from datetime import datetime, timedelta
from urllib.parse import urlsplit

import structlog
from django.conf import settings
from django.db import transaction
from django.db.models import Exists, F, OuterRef, Q
from django.db.models.functions import Coalesce
from django.utils import timezone
from urllib3 import PoolManager, Timeout

from mijnservices.core.delivery import breaker, lanes
from mijnservices.core.delivery.claims import Lease, claims_serialise, lock_due
from mijnservices.core.delivery.retry import RetryPolicy
from mijnservices.core.models import OutboxEvent, OutboxStatus
from mijnservices.registrations.notificaties.callbacks import CallbackRefused, guarded_pool_manager
from mijnservices.registrations.notificaties.models import (
    Abonnement,
    Delivery,
    DeliveryStatus,
    Notificatie,
)

logger = structlog.get_logger(__name__)

USER_AGENT = "MijnServices-Notificaties/1.0"


def _lane_depth() -> int:
    """Requests per lane thread one worker holds claimed (sending or waiting in the lane)."""
    return max(1, settings.NOTIFICATION_BATCH_SIZE // settings.NOTIFICATION_CONCURRENCY)


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
    lease_until: datetime | None = None


@dataclass(frozen=True)
class Outcome:
    job: Job
    status_code: int | None
    error: str
    # Not sent: the lease no longer covered the request (fencing); released, not counted.
    skipped: bool = False

    @property
    def delivered(self) -> bool:
        return self.status_code is not None and 200 <= self.status_code < 300

    @property
    def destination_failed(self) -> bool:
        """The host itself failed (down, timeout, overloaded), not this one message."""
        if self.skipped or self.error.startswith("refused by the callback policy"):
            return False
        return self.status_code is None or self.status_code >= 500 or self.status_code == 429


def destination_of(url: str) -> str:
    """The breaker and lane key of a callback URL: its scheme, host and port."""
    parts = urlsplit(url)
    port = parts.port or (443 if parts.scheme == "https" else 80)
    return f"subscriber:{parts.scheme}://{parts.hostname}:{port}"


def retry_policy() -> RetryPolicy:
    return RetryPolicy(
        base=settings.NOTIFICATION_RETRY_BASE_DELAY,
        cap=settings.NOTIFICATION_RETRY_MAX_DELAY,
        window=settings.NOTIFICATION_RETRY_WINDOW,
    )


def backoff(attempts: int, *, rng: random.Random | None = None) -> timedelta:
    """Delay after the ``attempts``-th failed attempt: base · 2^(n-1), capped, equal jitter."""
    return retry_policy().delay(attempts, rng=rng)


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


def _room(now: datetime) -> tuple[dict[int, str], dict[str, int], set[str]]:
    """Per abonnement its destination; per destination how many may be claimed now (free
    threads, or one for a due probe); the destinations probed."""
    hosts = {
        pk: destination_of(url) for pk, url in Abonnement.objects.values_list("id", "callback_url")
    }
    paused = breaker.paused(now=now)
    concurrency = settings.NOTIFICATION_CONCURRENCY
    room: dict[str, int] = {}
    for key in set(hosts.values()):
        # Up to a batch may wait in the lane; a hanging host fills only its own.
        free = lanes.free(key, concurrency) + concurrency * (_lane_depth() - 1)
        if key in paused:
            free = min(free, 1) if paused[key] else 0
        room[key] = free
    return hosts, room, {key for key, due in paused.items() if due}


def deliveries_claim(*, limit: int | None = None) -> list[Job]:
    """Claim up to ``limit`` due deliveries (the heads of their queues) under a lease, no
    more per subscriber host than its lane has free, and nothing for a paused host."""
    now = timezone.now()
    if not Delivery.objects.filter(
        status=DeliveryStatus.PENDING, next_attempt_at__lte=now
    ).exists():
        return []  # a plain read first: no write transaction (SQLite: no write lock) when idle
    hosts, room, probes = _room(now)
    full = [pk for pk, key in hosts.items() if room[key] <= 0]
    if full and not (
        Delivery.objects.filter(status=DeliveryStatus.PENDING, next_attempt_at__lte=now)
        .exclude(abonnement_id__in=full)
        .exists()
    ):
        return []  # all that is due waits for a paused or busy host: no write transaction
    # The lease always outlasts one request, so the fencing check before sending can pass.
    lease = Lease(max(settings.NOTIFICATION_LEASE, settings.NOTIFICATION_REQUEST_TIMEOUT + 2))
    with transaction.atomic():
        claims_serialise("notificaties-deliveries")
        due = lock_due(
            _claimable(now)
            .exclude(abonnement_id__in=full)
            .select_related("notificatie", "abonnement"),
            of=("self",),
        )
        rows = []
        for row in due[: limit or settings.NOTIFICATION_BATCH_SIZE]:
            key = hosts.get(row.abonnement_id) or destination_of(row.abonnement.callback_url)
            if room.get(key, 0) <= 0 or (key in probes and not breaker.probe_take(key, now=now)):
                continue
            room[key] = room.get(key, 0) - 1
            probes.discard(key)  # the probe is this worker's now
            rows.append(row)
        if not rows:
            return []
        Delivery.objects.filter(id__in=[row.id for row in rows]).update(
            claim=lease.token,
            claimed_until=lease.until,
            attempts=F("attempts") + 1,
            first_attempt_at=Coalesce("first_attempt_at", now),
        )
    return [
        Job(
            id=row.id,
            claim=lease.token,
            notificatie_id=row.notificatie_id,
            url=row.abonnement.callback_url,
            auth=row.abonnement.auth,
            allow_private=row.abonnement.allow_private_network,
            body=json.dumps(row.notificatie.message()).encode(),
            attempts=row.attempts + 1,
            first_attempt_at=row.first_attempt_at or now,
            lease_until=lease.until,
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
    timeout = settings.NOTIFICATION_REQUEST_TIMEOUT
    # Fencing: only send while the claim is certainly still ours for the whole request.
    if job.lease_until is not None and (
        (job.lease_until - timezone.now()).total_seconds() <= timeout + 1
    ):
        return Outcome(job, None, "the lease ran out before sending", skipped=True)
    headers = {
        "Content-Type": "application/json",
        "Accept": "application/json",
        "User-Agent": USER_AGENT,
        # Stable per notificatie: a receiver that saw this key before can drop the repeat.
        "Idempotency-Key": str(job.notificatie_id),
    }
    if job.auth:
        headers["Authorization"] = job.auth
    try:
        response = _pool(job.allow_private).request(
            "POST",
            job.url,
            body=job.body,
            headers=headers,
            timeout=Timeout(connect=timeout, read=timeout, total=timeout),
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


def delivery_record(outcome: Outcome) -> None:
    """Store one outcome at once, unless the lease ran out and another worker claimed it."""
    now = timezone.now()
    job = outcome.job
    key = destination_of(job.url)
    mine = Delivery.objects.filter(id=job.id, claim=job.claim)
    if outcome.delivered:
        mine.update(
            status=DeliveryStatus.DELIVERED,
            delivered_at=now,
            last_status_code=outcome.status_code,
            last_error="",
            claim=None,
            claimed_until=None,
        )
        breaker.destination_succeeded(key)
        return
    released = {"claim": None, "claimed_until": None}
    if outcome.skipped:  # never sent: give it back as it was
        mine.update(attempts=F("attempts") - 1, **released)
        return
    common = {**released, "last_status_code": outcome.status_code, "last_error": outcome.error}
    if retry_policy().exhausted(
        attempts=job.attempts, first_attempt_at=job.first_attempt_at, now=now
    ):
        mine.update(status=DeliveryStatus.FAILED, failed_at=now, **common)
        logger.error("delivery_failed", delivery=job.id, attempts=job.attempts)
    elif outcome.destination_failed:
        # The host is the problem: its breaker decides when to try again, not this delivery.
        mine.update(next_attempt_at=now, **common)
        breaker.destination_failed(key, outcome.error)
    else:
        mine.update(next_attempt_at=now + backoff(job.attempts), **common)
    if not outcome.destination_failed:
        logger.warning(
            "delivery_retry", delivery=job.id, attempts=job.attempts, code=outcome.status_code
        )


def deliveries_record(outcomes: list[Outcome]) -> None:
    for outcome in outcomes:
        delivery_record(outcome)


_in_flight: list[Future[Outcome]] = []


def _record_finished(*, wait: bool) -> int:
    """Record the outcomes of sends that have ended, as soon as they are there (when ``wait``,
    each as it ends). Deliveries that ended together are stored in one transaction."""
    lanes.finished.clear()
    running = list(_in_flight)
    if wait:
        for future in as_completed(running):
            _in_flight.remove(future)
            delivery_record(future.result())
        return len(running)
    ended = [f for f in running if f.done()]
    for future in ended:
        _in_flight.remove(future)
    outcomes = [f.result() for f in ended]
    delivered = [o for o in outcomes if o.delivered]
    if delivered:
        _delivered_record(delivered)
    for outcome in outcomes:
        if not outcome.delivered:
            delivery_record(outcome)
    return len(ended)


def _delivered_record(outcomes: list[Outcome]) -> None:
    by_claim: dict[tuple[uuid.UUID, int | None], list[int]] = {}
    for outcome in outcomes:
        by_claim.setdefault((outcome.job.claim, outcome.status_code), []).append(outcome.job.id)
    now = timezone.now()
    with transaction.atomic():
        for (claim, code), ids in by_claim.items():
            Delivery.objects.filter(id__in=ids, claim=claim).update(
                status=DeliveryStatus.DELIVERED,
                delivered_at=now,
                last_status_code=code,
                last_error="",
                claim=None,
                claimed_until=None,
            )
    for key in {destination_of(o.job.url) for o in outcomes}:
        breaker.destination_succeeded(key)


def deliveries_send_due(*, wait: bool = True) -> int:
    """One round: record ended sends, claim what is due, start sending it in the lanes.
    ``wait`` (direct calls) records every outcome before returning; the worker's step does
    not wait and records them in its next rounds. Returns the work done."""
    if any(f.done() for f in _in_flight):
        # One write transaction for the outcomes and the next claim (SQLite has one lock).
        with transaction.atomic():
            done = _record_finished(wait=False)
            jobs = deliveries_claim()
    else:
        done = 0
        jobs = deliveries_claim()
    concurrency = settings.NOTIFICATION_CONCURRENCY
    for job in jobs:
        _in_flight.append(
            lanes.lane(destination_of(job.url), concurrency).submit(delivery_send, job)
        )
    if wait:
        _record_finished(wait=True)
    if jobs:
        logger.info("deliveries_started", claimed=len(jobs))
    return done + len(jobs)


def deliveries_record_in_flight() -> None:
    """When the worker stops: wait for the requests in flight (each within its timeout) and
    record them, so a graceful stop re-sends nothing."""
    _record_finished(wait=True)


def deliveries_send_step() -> int:
    """The worker step: never waits for a subscriber."""
    return deliveries_send_due(wait=False)


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
