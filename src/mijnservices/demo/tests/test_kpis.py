from __future__ import annotations

from datetime import date, timedelta

import pytest

from mijnservices.demo.kpis import GO_LIVE_DAYS_AGO, load_kpi_history
from mijnservices.demo.loader import load_demo
from mijnservices.services.kpis.definitions import Kpi
from mijnservices.services.kpis.models import Baseline, GoLive
from mijnservices.services.kpis.selectors import kpi_totals

TODAY = date(2026, 11, 20)


@pytest.mark.django_db
def test_the_pilot_zaaktypen_get_a_0_meting_and_months_of_history(settings):
    settings.DEMO_MODE = True
    load_demo(today=TODAY)
    created = load_kpi_history(today=TODAY)
    assert created > 40
    assert GoLive.objects.count() == 4
    assert Baseline.objects.filter(zaaktype="WOZ-BEZWAAR", kpi="contacten_voortgang").exists()
    go_live = TODAY - timedelta(days=GO_LIVE_DAYS_AGO)
    before = kpi_totals(start=go_live - timedelta(days=90), end=go_live - timedelta(days=1))
    after = kpi_totals(start=go_live, end=TODAY)
    assert before[Kpi.AFGEHANDELD] and after[Kpi.AFGEHANDELD]
    assert after[Kpi.CONTACTEN_VOORTGANG] < before[Kpi.CONTACTEN_VOORTGANG]
    assert after[Kpi.PORTAAL_LOGINS] and after[Kpi.PORTAAL_ZAAKWEERGAVEN]
    assert before[Kpi.PORTAAL_ZAAKWEERGAVEN] == 0  # the portal was not on yet
    assert load_kpi_history(today=TODAY) == created  # a second run adds nothing
    assert kpi_totals(start=go_live, end=TODAY)[Kpi.PORTAAL_LOGINS] == after[Kpi.PORTAAL_LOGINS]
