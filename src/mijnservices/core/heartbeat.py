"""Worker heartbeats: each worker process keeps one row up to date while it runs, so a load
balancer's readiness check and the metrics can tell whether background work is being done.

A beat is written at most once per :data:`BEAT_EVERY` seconds (a busy worker goes round many
times a second); an idle worker beats once per poll interval. Rows of workers that were
killed stay until they are older than :data:`FORGET_AFTER`."""

from __future__ import annotations

import os
import socket
import time
from datetime import timedelta

import structlog
from django.db import DatabaseError
from django.utils import timezone

from mijnservices.core.models import WorkerHeartbeat

logger = structlog.get_logger(__name__)

BEAT_EVERY = 1.0
FORGET_AFTER = timedelta(days=1)


def worker_name() -> str:
    return f"{socket.gethostname()}:{os.getpid()}"[:200]


class Heartbeat:
    def __init__(self, name: str | None = None) -> None:
        self.name = name or worker_name()
        self.started_at = timezone.now()
        self.rounds = 0
        self._last = 0.0

    def beat(self) -> None:
        """Count a round; write the row when the last write is older than BEAT_EVERY."""
        self.rounds += 1
        if time.monotonic() - self._last < BEAT_EVERY:
            return
        now = timezone.now()
        try:
            WorkerHeartbeat.objects.update_or_create(
                worker=self.name,
                defaults={"started_at": self.started_at, "beat_at": now, "rounds": self.rounds},
            )
            if self._last == 0.0:  # once per process start
                WorkerHeartbeat.objects.filter(beat_at__lt=now - FORGET_AFTER).delete()
        except DatabaseError:
            # The database is away: the worker's own round will fail and retry too.
            logger.warning("worker_heartbeat_failed", exc_info=True)
            return
        self._last = time.monotonic()

    def stop(self) -> None:
        try:
            WorkerHeartbeat.objects.filter(worker=self.name).delete()
        except DatabaseError:
            logger.warning("worker_heartbeat_stop_failed", exc_info=True)


def newest_beat_age() -> float | None:
    """Seconds since the most recent heartbeat of any worker, or None when there is none."""
    newest = WorkerHeartbeat.objects.order_by("-beat_at").values_list("beat_at", flat=True).first()
    if newest is None:
        return None
    return max(0.0, (timezone.now() - newest).total_seconds())
