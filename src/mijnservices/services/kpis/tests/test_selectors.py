"""Every KPI on the hand-made pilot set (conftest.py), per month and over a range.

Expected for ZT-K (servicenorm 42 days; every step 7 days):

| KPI                              | Jan 2026      | Feb 2026     | Mar 2026 |
|----------------------------------|---------------|--------------|----------|
| verzoeken                        | 3 (Z1 Z2 Z3)  | 1 (Z4)       | 0        |
| afgehandeld (closed)             | 1 (Z1: 20 d)  | 1 (Z2: 15 d) | 1 (Z3: 55 d) |
| binnen norm (%)                  | 100.0         | 100.0        | 0.0      |
| open at the end (ages)           | Z2 3, Z3 26   | Z3 54, Z4 27 | Z4 58    |
| statuswijzigingen                | 8             | 3            | 1        |
| … binnen de normtijd (of norm)   | 3 of 5        | 1 of 2       | 0 of 1   |
| contacten voortgang              | 1 KCC + 40 imported | 1 portal | 0     |
| doorverwijzingen                 | 1             | 0            | 0        |
"""

from __future__ import annotations

from datetime import date
from decimal import Decimal

from mijnservices.services.kpis.definitions import Kpi
from mijnservices.services.kpis.models import ChannelVolume
from mijnservices.services.kpis.periods import Granularity
from mijnservices.services.kpis.selectors import (
    ALL,
    figures_as_records,
    kpi_figures,
    kpi_totals,
)

JAN, MAR_END = date(2026, 1, 1), date(2026, 3, 31)


def _months(zaaktype: str | None = "ZT-K") -> dict[str, dict[Kpi, object]]:
    figures = kpi_figures(start=JAN, end=MAR_END, granularity=Granularity.MONTH, zaaktype=zaaktype)
    return {f.period.key: f.values for f in figures}


def test_requests_are_counted_in_the_month_the_zaak_started(pilot, db):
    months = _months()
    assert [months[m][Kpi.VERZOEKEN] for m in ("2026-01", "2026-02", "2026-03")] == [3, 1, 0]


def test_a_reopened_zaak_counts_as_closed_only_when_it_closes_for_good(pilot, db):
    months = _months()
    assert months["2026-01"][Kpi.AFGEHANDELD] == 1
    assert months["2026-01"][Kpi.DOORLOOPTIJD_MEDIAAN] == Decimal("20.0")
    assert months["2026-02"][Kpi.DOORLOOPTIJD_MEDIAAN] == Decimal("15.0")
    assert months["2026-03"][Kpi.AFGEHANDELD] == 1
    assert months["2026-03"][Kpi.DOORLOOPTIJD_MEDIAAN] == Decimal("55.0")


def test_share_within_the_norm_uses_the_servicenorm(pilot, db):
    months = _months()
    assert months["2026-01"][Kpi.NORM_DOORLOOPTIJD] == 42
    assert months["2026-01"][Kpi.BINNEN_NORM_AANDEEL] == Decimal("100.0")
    assert months["2026-03"][Kpi.BINNEN_NORM_AANDEEL] == Decimal("0.0")


def test_open_zaken_are_the_snapshot_at_the_end_of_the_period(pilot, db):
    months = _months()
    assert months["2026-01"][Kpi.OPEN] == 2  # Z2 (3 days) and Z3 (reopened, 26 days)
    assert months["2026-01"][Kpi.DOORLOOPTIJD_OPEN_MEDIAAN] == Decimal("14.5")
    assert months["2026-01"][Kpi.DOORLOOPTIJD_OPEN_P90] == Decimal("23.7")
    assert months["2026-02"][Kpi.OPEN] == 2
    assert months["2026-03"][Kpi.OPEN] == 1


def test_status_changes_within_the_norm_of_the_step_they_leave(pilot, db):
    months = _months()
    assert months["2026-01"][Kpi.STATUSWIJZIGINGEN] == 8
    assert months["2026-01"][Kpi.STATUSWIJZIGINGEN_BINNEN_NORM] == 3
    assert months["2026-01"][Kpi.STATUSWIJZIGINGEN_BINNEN_NORM_AANDEEL] == Decimal("60.0")
    assert months["2026-02"][Kpi.STATUSWIJZIGINGEN] == 3
    assert months["2026-02"][Kpi.STATUSWIJZIGINGEN_BINNEN_NORM_AANDEEL] == Decimal("50.0")
    assert months["2026-03"][Kpi.STATUSWIJZIGINGEN_BINNEN_NORM] == 0


def test_contacts_about_progress_add_kcc_portal_and_imported_volumes(pilot, db):
    ChannelVolume.objects.create(
        zaaktype="ZT-K",
        period_start=date(2026, 1, 1),
        period_end=date(2026, 1, 31),
        kanaal="telefoon",
        contacten=100,
        contacten_voortgang=40,
    )
    months = _months()
    assert months["2026-01"][Kpi.CONTACTEN_VOORTGANG_KCC] == 1
    assert months["2026-01"][Kpi.CONTACTEN_VOORTGANG_KANALEN] == 40
    assert months["2026-01"][Kpi.CONTACTEN_VOORTGANG] == 41
    assert months["2026-02"][Kpi.CONTACTEN_VOORTGANG_PORTAAL] == 1
    assert months["2026-02"][Kpi.CONTACTEN_VOORTGANG] == 1


def test_referrals_and_notifications_per_channel(pilot, db):
    months = _months()
    assert months["2026-01"][Kpi.DOORVERWIJZINGEN] == 1
    assert months["2026-01"][Kpi.NOTIFICATIES_EMAIL] == 2
    assert months["2026-01"][Kpi.NOTIFICATIES_EMAIL_AFLEVERPERCENTAGE] == Decimal("50.0")
    assert months["2026-02"][Kpi.NOTIFICATIES_SMS_AFLEVERPERCENTAGE] == Decimal("100.0")
    assert months["2026-01"][Kpi.NOTIFICATIES_SMS_AFLEVERPERCENTAGE] is None


def test_zaaktypen_are_kept_apart_and_added_up_for_all(pilot, db):
    assert _months("ZT-L")["2026-01"][Kpi.VERZOEKEN] == 1
    assert _months(None)["2026-01"][Kpi.VERZOEKEN] == 4
    per_type = kpi_figures(start=JAN, end=date(2026, 1, 31), per_zaaktype=True)
    assert {f.zaaktype for f in per_type} == {"ZT-K", "ZT-L"}
    assert _months(None)["2026-01"][Kpi.NORM_DOORLOOPTIJD] is None


def test_a_range_is_one_period_with_exact_percentiles(pilot, db):
    totals = kpi_totals(start=JAN, end=MAR_END, zaaktype="ZT-K")
    assert totals[Kpi.AFGEHANDELD] == 3
    assert totals[Kpi.DOORLOOPTIJD_MEDIAAN] == Decimal("20.0")  # 15, 20, 55
    assert totals[Kpi.DOORLOOPTIJD_P90] == Decimal("48.0")
    assert totals[Kpi.VERZOEKEN] == 4


def test_weeks_split_at_the_range_and_iso_week_boundaries(pilot, db):
    figures = kpi_figures(
        start=date(2026, 1, 28), end=date(2026, 2, 3), granularity=Granularity.WEEK, zaaktype="ZT-K"
    )
    assert [(f.period.key, f.period.start.day, f.period.end.day) for f in figures] == [
        ("2026-W05", 28, 1),
        ("2026-W06", 2, 3),
    ]
    assert [f.values[Kpi.VERZOEKEN] for f in figures] == [
        2,
        0,
    ]  # Z2 on 28 Jan, Z4 on 1 Feb (ISO week 5)


def test_export_records_use_stable_identifiers(pilot, db):
    records = figures_as_records(
        kpi_figures(start=JAN, end=date(2026, 1, 31), granularity=Granularity.QUARTER)
    )
    row = next(r for r in records if r["kpi"] == "verzoeken")
    assert row == {
        "zaaktype": ALL,
        "periode": "2026-Q1",
        "van": "2026-01-01",
        "tot_en_met": "2026-01-31",
        "kpi": "verzoeken",
        "waarde": "4",
    }
