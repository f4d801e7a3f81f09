"""Portal use beside the KPIs: citizen logins and zaak page views per zaaktype and day.

Counted without storing who (decision 0031): one counter row per day, zaaktype and measure
is incremented; no party, no session id, no IP address and no zaak is kept. These rows are
the one kind of daily figure that cannot be recomputed from the registrations, so the
refresh of a day (``aggregates.figures_day_refresh``) leaves them alone.
"""

from __future__ import annotations

from datetime import date

from django.db import connection, transaction
from django.utils import timezone

from mijnservices.services.kpis.definitions import PORTAL_USE, Measure
from mijnservices.services.kpis.models import DailyFigure


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


def zaak_view_count(*, zaaktype: str) -> None:
    """``zaaktype`` is the zaaktype's identificatie, the same across its versions."""
    portal_use_count(measure=Measure.PORTAAL_ZAAKWEERGAVEN, zaaktype=zaaktype)
