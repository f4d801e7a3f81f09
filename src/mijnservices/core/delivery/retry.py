"""Retry policy, declared once: how long to wait after an item's own failure, and when its
status becomes final. Failures of the destination itself (down, timing out) do not wait per
item: the destination's circuit breaker holds everything back until a probe succeeds."""

from __future__ import annotations

import random
from dataclasses import dataclass
from datetime import datetime, timedelta


@dataclass(frozen=True)
class RetryPolicy:
    """``base · 2^(n-1)`` seconds after the n-th failure, capped at ``cap``, with equal jitter
    when ``jitter``; final after ``window`` seconds since the first attempt or, when given,
    after ``max_attempts`` attempts."""

    base: float
    cap: float
    window: float
    max_attempts: int | None = None
    jitter: bool = True

    def delay(self, attempts: int, *, rng: random.Random | None = None) -> timedelta:
        raw = min(self.cap, self.base * 2 ** min(max(attempts - 1, 0), 32))
        if self.jitter:
            # Spreads the retries of many items to one recovering receiver.
            raw *= (rng or random).uniform(0.5, 1.0)
        return timedelta(seconds=raw)

    def exhausted(self, *, attempts: int, first_attempt_at: datetime | None, now: datetime) -> bool:
        if self.max_attempts is not None and attempts >= self.max_attempts:
            return True
        if first_attempt_at is None:
            return False
        return (now - first_attempt_at).total_seconds() >= self.window
