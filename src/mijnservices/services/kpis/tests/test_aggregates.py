from __future__ import annotations

from datetime import timedelta

import pytest
from django.core.management import call_command
from django.utils import timezone

from mijnservices.core import worker
from mijnservices.registrations.zaken import services as zaken_services
from mijnservices.services.kpis import aggregates
from mijnservices.services.kpis.aggregates import figures_day_refresh, figures_refresh
from mijnservices.services.kpis.models import DailyFigure, RefreshState
from mijnservices.services.kpis.tests.conftest import steps
from mijnservices.testing.factories import published_zaaktype

pytestmark = pytest.mark.django_db


def _closed_on(day):
    return DailyFigure.objects.filter(day=day, zaaktype="ZT-R", measure="afgehandeld").first()


def test_the_worker_refresh_drops_a_reopened_zaak_from_the_day_it_closed(days_ago):
    zaaktype = published_zaaktype(identificatie="ZT-R", steps=2)
    zaak = zaken_services.zaak_create(zaaktype=zaaktype, startdatum=days_ago(20))
    steps(zaak, (1, days_ago(20)), (2, days_ago(10)))
    figures_day_refresh(day=days_ago(10))
    assert _closed_on(days_ago(10)).value == 1
    figures_refresh()  # sets the watermark; day -10 is outside KPI_REFRESH_DAYS
    zaken_services.status_set(zaak=zaak, statustype=zaaktype.statustypen.get(volgnummer=1))

    figures_refresh()

    assert _closed_on(days_ago(10)) is None
    today_open = DailyFigure.objects.get(day=days_ago(0), zaaktype="ZT-R", measure="open")
    assert today_open.value == 1
    assert today_open.histogram == {"20": 1}


def test_a_refresh_without_changes_touches_only_the_recent_days(settings, days_ago):
    settings.KPI_REFRESH_DAYS = 2
    assert figures_refresh() == 2
    assert RefreshState.objects.count() == 1
    assert figures_refresh() == 2


def test_the_worker_runs_the_refresh_step_at_its_interval(settings, monkeypatch):
    assert "kpis-refresh" in dict(worker.steps())
    settings.KPI_REFRESH_INTERVAL = 3600
    calls: list[int] = []
    monkeypatch.setattr(aggregates, "figures_refresh", lambda: calls.append(1) or 1)
    monkeypatch.setattr(aggregates, "_last_run", [float("-inf")])
    assert aggregates.figures_refresh_when_due() == 0
    aggregates.figures_refresh_when_due()
    assert calls == [1]


def test_the_rebuild_command_recomputes_a_range(days_ago, capsys):
    zaaktype = published_zaaktype(identificatie="ZT-R", steps=2)
    zaken_services.zaak_create(zaaktype=zaaktype, startdatum=days_ago(3))
    call_command("kpi_rebuild", "--from", days_ago(5).isoformat(), "--to", days_ago(0).isoformat())
    assert "6 days" in capsys.readouterr().out
    assert DailyFigure.objects.get(day=days_ago(3), measure="verzoeken").value == 1


def test_aggregates_hold_no_personal_data(days_ago):
    zaaktype = published_zaaktype(identificatie="ZT-R", steps=2)
    zaken_services.zaak_create(zaaktype=zaaktype, startdatum=days_ago(1))
    figures_refresh(now=timezone.now() + timedelta(seconds=1))
    fields = {f.name for f in DailyFigure._meta.get_fields()}
    assert fields == {"id", "day", "zaaktype", "measure", "value", "histogram"}


def test_the_kpi_command_prints_csv_and_json(days_ago, capsys):
    import json

    zaaktype = published_zaaktype(identificatie="ZT-R", steps=2)
    zaken_services.zaak_create(zaaktype=zaaktype, startdatum=days_ago(2))
    call_command("kpi_rebuild", "--from", days_ago(3).isoformat())
    capsys.readouterr()
    args = [
        "--from",
        days_ago(3).isoformat(),
        "--to",
        days_ago(0).isoformat(),
        "--zaaktype",
        "ZT-R",
    ]
    call_command("kpi", *args, "--period", "quarter")
    csv_lines = capsys.readouterr().out.splitlines()
    assert csv_lines[0] == "zaaktype,periode,van,tot_en_met,kpi,waarde"
    assert any(line.startswith("ZT-R,") and line.endswith(",verzoeken,1") for line in csv_lines)
    call_command("kpi", *args, "--format", "json")
    records = json.loads(capsys.readouterr().out)
    assert {"zaaktype": "ZT-R", "kpi": "verzoeken"}.items() <= next(
        r for r in records if r["kpi"] == "verzoeken" and r["waarde"] == "1"
    ).items()
