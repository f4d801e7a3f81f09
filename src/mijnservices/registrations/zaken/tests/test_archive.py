"""zrc-021: the archiving dates a closing zaak derives from its resultaattype."""

from __future__ import annotations

from datetime import date, timedelta

from mijnservices.registrations.zaken.services.archive import after


def test_whole_years_count_calendar_years_so_leap_days_do_not_shift_the_date():
    # P5Y is kept as 5 x 365 days; the suites (and Open Zaak) add five calendar years.
    assert after(date(2023, 4, 26), timedelta(days=5 * 365)) == date(2028, 4, 26)
    assert after(date(2024, 2, 29), timedelta(days=365)) == date(2025, 2, 28)


def test_other_durations_are_added_as_days():
    assert after(date(2023, 4, 26), timedelta(days=30)) == date(2023, 5, 26)
    assert after(date(2023, 4, 26), timedelta(days=366)) == date(2024, 4, 26)
