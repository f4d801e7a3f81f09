"""A predicted end date from how long earlier zaken of the same kind actually took.

For an open zaak at step S of zaaktype T: among the most recently closed zaken of T
(``END_DATE_PREDICTION_WINDOW``) that reached S, how many days passed from reaching S to
their einddatum? The median of those is added to the day this zaak reached S. Shown only
with at least ``END_DATE_PREDICTION_MIN_ZAKEN`` such zaken. One query (the latest visit of S
per zaak, as a correlated subquery), bounded by the window; see docs/decisions/0010. The
statistic per zaaktype and step is kept per process (decision 0040).
"""

from __future__ import annotations

import statistics
import time
from dataclasses import dataclass
from datetime import date, timedelta

from django.conf import settings
from django.db.models import OuterRef, Subquery
from django.utils import timezone

from mijnservices.registrations.zaken.models import Status, Zaak


@dataclass(frozen=True)
class Prediction:
    expected_on: date  # never before today: a late zaak is expected "from today"
    median_days: int
    sample_size: int
    step: str  # the statustype the count starts from
    later_than_usual: bool


_STATISTICS: dict[tuple[int, int], tuple[float, tuple[int, int] | None]] = {}


def _statistic(zaaktype_id: int, statustype_id: int) -> tuple[int, int] | None:
    """(median days from reaching the step to the einddatum, sample size) over the window, or
    ``None`` with too little history. Kept per process for END_DATE_PREDICTION_CACHE_SECONDS
    (decision 0040): it moves only as zaken of the type close, and a page view need not read
    the last 200 of them each time."""
    key = (zaaktype_id, statustype_id)
    now = time.monotonic()
    cached = _STATISTICS.get(key)
    if cached is not None and now - cached[0] < settings.END_DATE_PREDICTION_CACHE_SECONDS:
        return cached[1]
    # Driven by the zaak_type_einde_idx (newest einddatum first, LIMIT window); per zaak one
    # index lookup on status (zaak, datum) for the latest visit of this step. Starting from the
    # statustype instead would read every status of that step ever set.
    latest_visit = (
        Status.objects.filter(zaak=OuterRef("pk"), statustype_id=statustype_id)
        .order_by("-datum_status_gezet")
        .values("datum_status_gezet")[:1]
    )
    rows = (
        Zaak.objects.filter(zaaktype_id=zaaktype_id, einddatum__isnull=False)
        .order_by("-einddatum", "-pk")
        .annotate(reached=Subquery(latest_visit))
        .values_list("einddatum", "reached")[: settings.END_DATE_PREDICTION_WINDOW]
    )
    durations = [
        (einde - timezone.localdate(reached)).days
        for einde, reached in rows
        if einde is not None and reached is not None
    ]
    found = None
    if len(durations) >= settings.END_DATE_PREDICTION_MIN_ZAKEN:
        found = (max(round(statistics.median(durations)), 0), len(durations))
    _STATISTICS[key] = (now, found)
    return found


def prediction_cache_clear() -> None:
    _STATISTICS.clear()


def predict_end(zaak: Zaak, *, today: date | None = None) -> Prediction | None:
    """The prediction for an open zaak, or ``None`` (closed, no step yet, too little history)."""
    if zaak.is_closed or zaak.status is None:
        return None
    today = today or timezone.localdate()
    statustype = zaak.status.statustype
    found = _statistic(zaak.zaaktype_id, statustype.pk)
    if found is None:
        return None
    median_days, sample_size = found
    expected = timezone.localdate(zaak.status.datum_status_gezet) + timedelta(days=median_days)
    return Prediction(
        expected_on=max(expected, today),
        median_days=median_days,
        sample_size=sample_size,
        step=statustype.omschrijving,
        later_than_usual=expected < today,
    )
