"""The background worker loop: drains the outbox until told to stop."""

from __future__ import annotations

import signal
import threading
import time
from types import FrameType

import structlog
from django.conf import settings
from django.db import close_old_connections

from mijnservices.core.outbox import drain_once

logger = structlog.get_logger(__name__)


class Worker:
    def __init__(self, *, poll_interval: float | None = None) -> None:
        self.poll_interval = poll_interval or settings.WORKER_POLL_INTERVAL
        self._stop = threading.Event()

    def stop(self, signum: int | None = None, frame: FrameType | None = None) -> None:
        self._stop.set()

    def install_signal_handlers(self) -> None:
        signal.signal(signal.SIGTERM, self.stop)
        signal.signal(signal.SIGINT, self.stop)

    def run(self, *, once: bool = False) -> int:
        """Process events; returns how many were handled. ``once`` stops when idle."""
        logger.info("worker_started", poll_interval=self.poll_interval)
        handled = 0
        while not self._stop.is_set():
            close_old_connections()
            result = drain_once()
            handled += result.total
            if result.total == 0:
                if once:
                    break
                self._stop.wait(self.poll_interval)
        logger.info("worker_stopped", handled=handled)
        return handled


def run_forever() -> None:
    worker = Worker()
    worker.install_signal_handlers()
    started = time.monotonic()
    worker.run()
    logger.info("worker_exit", seconds=round(time.monotonic() - started, 1))
