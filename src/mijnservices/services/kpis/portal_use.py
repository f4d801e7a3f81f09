"""Portal use beside the KPIs: citizen logins and zaak page views per zaaktype and day.

Counted without storing who (decision 0031): one counter row per day, zaaktype and measure
is incremented; no party, no session id, no IP address and no zaak is kept. These rows are
the one kind of daily figure that cannot be recomputed from the registrations, so the
refresh of a day (``aggregates.figures_day_refresh``) leaves them alone.
"""

from __future__ import annotations

import atexit
import threading
import time
from collections import Counter
from datetime import date

import structlog
from django.conf import settings
from django.db import DatabaseError, connection, transaction
from django.utils import timezone

from mijnservices.services.kpis.definitions import PORTAL_USE, Measure
from mijnservices.services.kpis.models import DailyFigure

logger = structlog.get_logger(__name__)


def portal_use_count(*, measure: Measure, zaaktype: str = "") -> None:
    """Add one to today's counter of ``measure`` (a login has no zaaktype: "")."""
    if measure not in PORTAL_USE:
        raise ValueError(f"{measure} is not a portal use measure")
    table = DailyFigure._meta.db_table
    # One atomic upsert (as identificatie_generate does): the first count of a day inserts the
    # row, every later one adds to it, and concurrent requests never lose a count.
    with connection.cursor() as cursor:
        cursor.execute(
            f"INSERT INTO {table} (day, zaaktype, measure, value, histogram) "  # noqa: S608
            "VALUES (%s, %s, %s, 1, '{}') "
            f"ON CONFLICT (day, zaaktype, measure) DO UPDATE SET value = {table}.value + 1",
            [timezone.localdate(), zaaktype, measure.value],
        )


def portal_use_set(*, day: date, measure: Measure, zaaktype: str = "", value: int) -> None:
    """Set a day's count outright (the demo's history; counts kept elsewhere before)."""
    if measure not in PORTAL_USE:
        raise ValueError(f"{measure} is not a portal use measure")
    with transaction.atomic():
        DailyFigure.objects.update_or_create(
            day=day, zaaktype=zaaktype, measure=measure.value, defaults={"value": value}
        )


def citizen_login_count() -> None:
    portal_use_count(measure=Measure.PORTAAL_LOGINS)


# Zaak page views are added up in the process and written at most every
# PORTAL_USE_FLUSH_SECONDS (decision 0040): a GET should not write a row each time. The counts
# of the last interval are written when the process ends; a crash loses them (a few views).
_PENDING: Counter[tuple[date, str, str]] = Counter()
_LOCK = threading.Lock()
_FLUSHED = {"at": time.monotonic()}


def zaak_view_count(*, zaaktype: str) -> None:
    """``zaaktype`` is the zaaktype's identificatie, the same across its versions."""
    interval = settings.PORTAL_USE_FLUSH_SECONDS
    if interval <= 0:
        portal_use_count(measure=Measure.PORTAAL_ZAAKWEERGAVEN, zaaktype=zaaktype)
        return
    with _LOCK:
        _PENDING[(timezone.localdate(), zaaktype, Measure.PORTAAL_ZAAKWEERGAVEN.value)] += 1
        due = time.monotonic() - _FLUSHED["at"] >= interval
    if due:
        portal_use_flush()


def portal_use_flush() -> None:
    """Write this process's pending counts (one statement); kept for the next try when the
    database refuses."""
    with _LOCK:
        pending = dict(_PENDING)
        _PENDING.clear()
        _FLUSHED["at"] = time.monotonic()
    if not pending:
        return
    table = DailyFigure._meta.db_table
    rows = ", ".join(["(%s, %s, %s, %s, '{}')"] * len(pending))
    params: list[str | int | date] = []
    for (day, zaaktype, measure), value in pending.items():
        params += [day, zaaktype, measure, value]
    try:
        with transaction.atomic(), connection.cursor() as cursor:
            cursor.execute(
                f"INSERT INTO {table} (day, zaaktype, measure, value, histogram) "  # noqa: S608
                f"VALUES {rows} ON CONFLICT (day, zaaktype, measure) "
                f"DO UPDATE SET value = {table}.value + EXCLUDED.value",
                params,
            )
    except DatabaseError:
        logger.warning("portal_use_flush_failed", counts=len(pending))
        with _LOCK:
            _PENDING.update(pending)


def _flush_at_exit() -> None:
    try:
        portal_use_flush()
    except Exception:  # the process is ending; nothing is left to tell
        logger.warning("portal_use_flush_at_exit_failed")


atexit.register(_flush_at_exit)
