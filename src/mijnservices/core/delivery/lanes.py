"""A thread pool per destination, each with its own concurrency limit: a destination that
hangs occupies only its own threads (each send has its own timeout), never another's. The
caller claims no more for a destination than its lane has free (``Lane.free``), so nothing
queues behind a hanging destination, and records each outcome as soon as its send is done
(``finished`` wakes an idle worker for that)."""

from __future__ import annotations

import threading
from collections.abc import Callable
from concurrent.futures import Future, ThreadPoolExecutor
from typing import Any

_lock = threading.Lock()
_lanes: dict[str, Lane] = {}
# Set whenever a send in any lane ends: the worker's idle wait ends early to record it.
finished = threading.Event()


class Lane:
    def __init__(self, key: str, concurrency: int) -> None:
        self.key = key
        self.concurrency = concurrency
        self._executor = ThreadPoolExecutor(max_workers=concurrency, thread_name_prefix="lane")
        self._running: set[Future[Any]] = set()

    def free(self) -> int:
        self._running = {f for f in self._running if not f.done()}
        return self.concurrency - len(self._running)

    def submit(self, fn: Callable[..., Any], *args: Any) -> Future[Any]:
        future = self._executor.submit(fn, *args)
        self._running.add(future)
        future.add_done_callback(lambda _: finished.set())
        return future


def lane(key: str, concurrency: int) -> Lane:
    """The lane of destination ``key`` (created on first use)."""
    with _lock:
        found = _lanes.get(key)
        if found is None or found.concurrency != concurrency:
            found = _lanes[key] = Lane(key, concurrency)
        return found


def free(key: str, concurrency: int) -> int:
    with _lock:
        found = _lanes.get(key)
    return concurrency if found is None else found.free()


def busy() -> bool:
    """Whether any lane still has a send running or waiting (``worker --once`` waits for it)."""
    with _lock:
        found = list(_lanes.values())
    return any(lane.free() < lane.concurrency for lane in found)
