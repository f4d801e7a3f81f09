"""The background worker loop: drains the outbox and runs the registered steps until stopped.

Apps add work to the same loop with :func:`register_step` (notification delivery does), so
one ``mijnservices worker`` process runs everything. When a round finds nothing to do the
worker waits up to ``WORKER_POLL_INTERVAL`` seconds, but wakes as soon as another process
commits: on PostgreSQL through ``LISTEN``/``NOTIFY`` (``event_record`` notifies), on SQLite by
watching ``PRAGMA data_version``. That keeps the time from commit to handling short without
polling the tables often.
"""

from __future__ import annotations

import signal
import sqlite3
import threading
import time
from collections.abc import Callable
from types import FrameType
from typing import Any

import structlog
from django.conf import settings
from django.db import close_old_connections, connection, connections

from mijnservices.core.delivery import lanes
from mijnservices.core.heartbeat import Heartbeat
from mijnservices.core.outbox import WAKE_CHANNEL, drain_once

logger = structlog.get_logger(__name__)

Step = Callable[[], int]
_STEPS: list[tuple[str, Step]] = []
# Run once when the worker stops (e.g. record the outcomes of sends still in flight).
_ON_STOP: list[Callable[[], object]] = []
_SQLITE_WATCH_INTERVAL = 0.02
# After a wake-up, wait this long for more commits: under a steady stream of changes one
# round then handles a batch instead of one event, for little added latency.
_COALESCE_SECONDS = 0.05


def register_step(name: str, step: Step) -> None:
    """Add work to every worker round (called from an AppConfig.ready).

    A step returns how much it did; 0 lets the worker idle.
    """
    if name not in {n for n, _ in _STEPS}:
        _STEPS.append((name, step))


def register_on_stop(hook: Callable[[], object]) -> None:
    """Run ``hook`` when the worker stops gracefully (SIGTERM, ``--once``)."""
    if hook not in _ON_STOP:
        _ON_STOP.append(hook)


def steps() -> list[tuple[str, Step]]:
    return list(_STEPS)


class _Wakeup:
    """Waits until another connection commits, the timeout passes, or ``stop`` is set."""

    def __init__(self, stop: threading.Event) -> None:
        self._stop = stop
        self._pg: Any = None
        self._sqlite: sqlite3.Connection | None = None

    def wait(self, timeout: float) -> None:
        try:
            if connection.vendor == "postgresql":
                woken = self._wait_postgresql(timeout)
            elif connection.vendor == "sqlite":
                woken = self._wait_sqlite(timeout)
            else:
                woken = self._stop.wait(timeout)
            if woken:  # also after ended sends: their outcomes are then stored together
                self._stop.wait(_COALESCE_SECONDS)
        except Exception:  # a broken wake-up channel must not stop the worker
            logger.warning("worker_wakeup_failed", exc_info=True)
            self.close()
            self._stop.wait(timeout)

    def _wait_postgresql(self, timeout: float) -> bool:
        if self._pg is None:
            wrapper = connections.create_connection("default")
            wrapper.ensure_connection()
            self._pg = wrapper
            wrapper.connection.execute(f"LISTEN {WAKE_CHANNEL}")
        raw = self._pg.connection
        deadline = time.monotonic() + timeout
        while not self._stop.is_set() and (left := deadline - time.monotonic()) > 0:
            if lanes.finished.is_set():
                return True  # a send in a delivery lane ended: record its outcome
            # Short slices so SIGTERM and ended sends are noticed promptly.
            if any(True for _ in raw.notifies(timeout=min(left, 0.1), stop_after=1)):
                for _ in raw.notifies(timeout=0):  # drain the burst
                    pass
                return True
        return False

    def _wait_sqlite(self, timeout: float) -> bool:
        if self._sqlite is None:
            self._sqlite = sqlite3.connect(
                connection.settings_dict["NAME"], check_same_thread=False
            )
        version = self._sqlite.execute("PRAGMA data_version").fetchone()[0]
        deadline = time.monotonic() + timeout
        while not self._stop.is_set() and time.monotonic() < deadline:
            if self._stop.wait(_SQLITE_WATCH_INTERVAL):
                return False
            if lanes.finished.is_set():
                return True  # a send in a delivery lane ended: record its outcome
            if self._sqlite.execute("PRAGMA data_version").fetchone()[0] != version:
                return True
        return False

    def close(self) -> None:
        if self._pg is not None:
            self._pg.close()
            self._pg = None
        if self._sqlite is not None:
            self._sqlite.close()
            self._sqlite = None


class Worker:
    def __init__(self, *, poll_interval: float | None = None) -> None:
        self.poll_interval = poll_interval or settings.WORKER_POLL_INTERVAL
        self._stop = threading.Event()

    def stop(self, signum: int | None = None, frame: FrameType | None = None) -> None:
        self._stop.set()

    def install_signal_handlers(self) -> None:
        signal.signal(signal.SIGTERM, self.stop)
        signal.signal(signal.SIGINT, self.stop)

    def run_round(self) -> int:
        """Drain one outbox batch, then run every step once. Returns the work done."""
        done = drain_once().total
        for name, step in _STEPS:
            try:
                done += step()
            except Exception:
                # One failing step (a database hiccup) must not stop the others or the loop.
                logger.exception("worker_step_failed", step=name)
        return done

    def run(self, *, once: bool = False) -> int:
        """Process events; returns how many were handled. ``once`` stops when idle."""
        logger.info("worker_started", poll_interval=self.poll_interval)
        wakeup = _Wakeup(self._stop)
        heartbeat = Heartbeat()
        handled = 0
        try:
            while not self._stop.is_set():
                close_old_connections()
                heartbeat.beat()
                done = self.run_round()
                handled += done
                if done == 0:
                    if once and not lanes.busy():
                        break
                    wakeup.wait(self.poll_interval)
        finally:
            for hook in _ON_STOP:
                try:
                    hook()
                except Exception:
                    logger.exception("worker_stop_hook_failed")
            wakeup.close()
            heartbeat.stop()
        logger.info("worker_stopped", handled=handled)
        return handled


def run_forever() -> None:
    worker = Worker()
    worker.install_signal_handlers()
    started = time.monotonic()
    worker.run()
    logger.info("worker_exit", seconds=round(time.monotonic() - started, 1))
