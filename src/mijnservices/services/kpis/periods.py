"""Periods: a day, an ISO week, a month or a quarter, clipped to the requested range."""

from __future__ import annotations

from dataclasses import dataclass
from datetime import date, timedelta
from enum import StrEnum


class Granularity(StrEnum):
    DAY = "day"
    WEEK = "week"
    MONTH = "month"
    QUARTER = "quarter"


@dataclass(frozen=True)
class Period:
    key: str  # stable: 2026-03-05, 2026-W10, 2026-03, 2026-Q1
    start: date
    end: date  # inclusive

    @property
    def days(self) -> int:
        return (self.end - self.start).days + 1


def _month_end(year: int, month: int) -> date:
    following = date(year + month // 12, month % 12 + 1, 1)
    return following - timedelta(days=1)


def period_of(day: date, granularity: Granularity) -> Period:
    if granularity == Granularity.DAY:
        return Period(day.isoformat(), day, day)
    if granularity == Granularity.WEEK:
        start = day - timedelta(days=day.weekday())
        year, week, _ = day.isocalendar()
        return Period(f"{year}-W{week:02d}", start, start + timedelta(days=6))
    if granularity == Granularity.MONTH:
        return Period(
            f"{day.year}-{day.month:02d}", day.replace(day=1), _month_end(day.year, day.month)
        )
    quarter = (day.month - 1) // 3
    first = quarter * 3 + 1
    return Period(
        f"{day.year}-Q{quarter + 1}", date(day.year, first, 1), _month_end(day.year, first + 2)
    )


def periods_between(start: date, end: date, granularity: Granularity) -> list[Period]:
    """The periods covering ``start``..``end``, the first and last clipped to the range."""
    periods: list[Period] = []
    day = start
    while day <= end:
        whole = period_of(day, granularity)
        periods.append(Period(whole.key, max(whole.start, start), min(whole.end, end)))
        day = whole.end + timedelta(days=1)
    return periods
