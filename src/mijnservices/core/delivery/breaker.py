"""One circuit breaker per destination, in the database (``core.Destination``) so every worker
and the administrator see the same state.

*Closed*: send. After ``DELIVERY_BREAKER_THRESHOLD`` destination failures in a row (down,
timing out, 5xx/429) it *opens*: nothing is sent to it, so no retries are wasted, and the
items wait without a backoff of their own. At ``probe_at`` one worker sends one item (the
oldest) as a probe: success closes it and everything waiting goes out at once, in order; a
failure sets the next probe after half the outage so far, between
``DELIVERY_PROBE_INTERVAL`` and ``DELIVERY_PROBE_MAX_INTERVAL``. ``destination_resume`` closes
it by hand (admin action, ``mijnservices destinations --resume``).
"""

from __future__ import annotations

from datetime import datetime, timedelta

import structlog
from django.conf import settings
from django.db import transaction
from django.utils import timezone

from mijnservices.core.models import Destination, DestinationState

logger = structlog.get_logger(__name__)

# Destinations this process saw succeed with nothing to reset: a success then costs no query.
_healthy: set[str] = set()


def paused(*, now: datetime | None = None) -> dict[str, bool]:
    """Open destinations → whether a probe is due now. Closed ones are not in it."""
    now = now or timezone.now()
    found = {
        key: probe_at is None or probe_at <= now
        for key, probe_at in Destination.objects.filter(state=DestinationState.OPEN).values_list(
            "key", "probe_at"
        )
    }
    # Opened by another process since this one saw them succeed: the next success here (the
    # probe) must close them, not be skipped as "nothing to reset".
    _healthy.difference_update(found)
    return found


def probe_take(key: str, *, now: datetime | None = None) -> bool:
    """Reserve the due probe of ``key`` for this worker (only one worker gets it)."""
    now = now or timezone.now()
    later = now + timedelta(seconds=settings.DELIVERY_PROBE_INTERVAL)
    taken = Destination.objects.filter(
        key=key, state=DestinationState.OPEN, probe_at__lte=now
    ).update(probe_at=later)
    return taken == 1


def destination_failed(key: str, error: str, *, now: datetime | None = None) -> bool:
    """Count a failure of the destination itself; returns whether it is now paused."""
    now = now or timezone.now()
    _healthy.discard(key)
    threshold = settings.DELIVERY_BREAKER_THRESHOLD
    with transaction.atomic():
        row, _ = Destination.objects.select_for_update().get_or_create(key=key)
        row.failures += 1
        row.last_error = error[:300]
        if row.state == DestinationState.OPEN or row.failures >= threshold:
            if row.state != DestinationState.OPEN:
                row.opened_at = now
                logger.warning("destination_paused", destination=key, failures=row.failures)
            # The longer the outage, the longer between probes (half of it), within bounds.
            outage = (now - (row.opened_at or now)).total_seconds()
            wait = min(
                settings.DELIVERY_PROBE_MAX_INTERVAL,
                max(settings.DELIVERY_PROBE_INTERVAL, outage / 2),
            )
            row.state = DestinationState.OPEN
            row.probe_at = now + timedelta(seconds=wait)
        row.save()
    return row.state == DestinationState.OPEN


def destination_succeeded(key: str) -> None:
    """A send went through: close the breaker and forget the failures."""
    if key in _healthy:
        return
    reopened = Destination.objects.filter(key=key).exclude(
        state=DestinationState.CLOSED, failures=0
    )
    if reopened.update(
        state=DestinationState.CLOSED, failures=0, probe_at=None, last_success_at=timezone.now()
    ):
        logger.info("destination_resumed", destination=key)
    _healthy.add(key)


def destination_resume(*, key: str) -> bool:
    """The administrator resumes a paused destination by hand: sending starts at once."""
    _healthy.discard(key)
    return bool(
        Destination.objects.filter(key=key).update(
            state=DestinationState.CLOSED, failures=0, probe_at=None
        )
    )
