"""Portal use: logins and zaak page views counted per day and zaaktype, without who."""

from __future__ import annotations

from datetime import timedelta

import pytest
from django.core.management import CommandError, call_command
from django.db import connection
from django.test.utils import CaptureQueriesContext
from django.utils import timezone
from openpyxl import load_workbook

from mijnservices.services.kpis.aggregates import figures_day_refresh
from mijnservices.services.kpis.definitions import Kpi, Measure
from mijnservices.services.kpis.export import export_records
from mijnservices.services.kpis.models import DailyFigure
from mijnservices.services.kpis.periods import Granularity
from mijnservices.services.kpis.portal_use import (
    citizen_login_count,
    portal_use_count,
    portal_use_flush,
    portal_use_set,
    zaak_view_count,
)
from mijnservices.services.kpis.selectors import kpi_totals

pytestmark = pytest.mark.django_db


def test_portal_use_increments_one_counter_row_per_day_and_zaaktype():
    citizen_login_count()
    citizen_login_count()
    zaak_view_count(zaaktype="ZT-A")
    zaak_view_count(zaaktype="ZT-A")
    zaak_view_count(zaaktype="ZT-B")
    rows = {
        (r.zaaktype, r.measure): r.value
        for r in DailyFigure.objects.filter(day=timezone.localdate())
    }
    assert rows == {
        ("", "portaal_logins"): 2,
        ("ZT-A", "portaal_zaakweergaven"): 2,
        ("ZT-B", "portaal_zaakweergaven"): 1,
    }
    # Nothing but counts: the row has no field that could say who.
    fields = {f.name for f in DailyFigure._meta.get_fields()}
    assert fields == {"id", "day", "zaaktype", "measure", "value", "histogram"}


def test_only_portal_use_measures_are_counted_this_way():
    with pytest.raises(ValueError):
        portal_use_count(measure=Measure.VERZOEKEN)


def test_refreshing_a_day_keeps_its_portal_use_counts():
    zaak_view_count(zaaktype="ZT-A")
    figures_day_refresh(day=timezone.localdate())
    assert DailyFigure.objects.get(measure="portaal_zaakweergaven").value == 1


def test_portal_use_is_in_the_totals_and_the_export_with_stable_identifiers():
    today = timezone.localdate()
    citizen_login_count()
    zaak_view_count(zaaktype="ZT-A")
    zaak_view_count(zaaktype="ZT-A")
    totals = kpi_totals(start=today - timedelta(days=1), end=today)
    assert totals[Kpi.PORTAAL_LOGINS] == 1
    assert totals[Kpi.PORTAAL_ZAAKWEERGAVEN] == 2
    records = export_records(start=today, end=today, granularity=Granularity.DAY, zaaktype=None)
    found = {(r["zaaktype"], r["kpi"]): r["waarde"] for r in records}
    assert found[("*", "portaal_logins")] == "1"
    assert found[("ZT-A", "portaal_zaakweergaven")] == "2"


def test_the_kpi_command_exports_portal_use_as_csv_and_as_a_spreadsheet(capsys, tmp_path):
    today = timezone.localdate().isoformat()
    citizen_login_count()
    zaak_view_count(zaaktype="ZT-A")
    call_command("kpi", "--from", today, "--to", today, "--period", "day")
    lines = capsys.readouterr().out.splitlines()
    assert f"*,{today},{today},{today},portaal_logins,1" in lines
    assert f"ZT-A,{today},{today},{today},portaal_zaakweergaven,1" in lines
    target = tmp_path / "kpis.xlsx"
    call_command("kpi", "--from", today, "--to", today, "--format", "xlsx", "--output", target)
    rows = list(load_workbook(target)["kpis"].iter_rows(values_only=True))
    assert ("ZT-A", "portaal_zaakweergaven", 1) in {(r[0], r[4], r[5]) for r in rows}
    with pytest.raises(CommandError):
        call_command("kpi", "--from", today, "--to", today, "--format", "xlsx")


def test_setting_a_days_portal_use_replaces_the_count():
    day = timezone.localdate() - timedelta(days=3)
    portal_use_set(day=day, measure=Measure.PORTAAL_LOGINS, value=7)
    portal_use_set(day=day, measure=Measure.PORTAAL_LOGINS, value=5)
    assert DailyFigure.objects.get(day=day, measure="portaal_logins").value == 5
    with pytest.raises(ValueError):
        portal_use_set(day=day, measure=Measure.AFGEHANDELD, value=1)


def test_zaak_views_are_added_up_and_written_once_per_interval(settings, django_assert_num_queries):
    settings.PORTAL_USE_FLUSH_SECONDS = 60
    portal_use_flush()  # the interval starts now
    with django_assert_num_queries(0):
        for _ in range(3):
            zaak_view_count(zaaktype="ZT-A")
        zaak_view_count(zaaktype="ZT-B")
    assert not DailyFigure.objects.exists()
    with CaptureQueriesContext(connection) as flushed:
        portal_use_flush()
    assert [q["sql"].split()[0] for q in flushed if "SAVEPOINT" not in q["sql"]] == ["INSERT"]
    zaak_view_count(zaaktype="ZT-A")
    portal_use_flush()
    rows = dict(DailyFigure.objects.values_list("zaaktype", "value"))
    assert rows == {"ZT-A": 4, "ZT-B": 1}


def test_zaak_views_are_written_when_the_interval_has_passed(settings):
    settings.PORTAL_USE_FLUSH_SECONDS = 60
    portal_use_flush()
    zaak_view_count(zaaktype="ZT-A")
    settings.PORTAL_USE_FLUSH_SECONDS = 0.000001  # the interval is over on the next view
    zaak_view_count(zaaktype="ZT-A")
    assert DailyFigure.objects.get(zaaktype="ZT-A").value == 2
