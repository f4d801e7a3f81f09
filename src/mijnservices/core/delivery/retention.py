"""Housekeeping on a timer: retention purges run from the worker at most once per interval
and never count as work (so they do not keep the worker from idling)."""

from __future__ import annotations

import time
from collections.abc import Callable

from django.conf import settings


def periodic(purge: Callable[[], int], *, interval_setting: str) -> Callable[[], int]:
    last = [float("-inf")]

    def step() -> int:
        if time.monotonic() - last[0] >= float(getattr(settings, interval_setting)):
            last[0] = time.monotonic()
            purge()
        return 0

    step.__name__ = f"{purge.__name__}_when_due"
    return step
