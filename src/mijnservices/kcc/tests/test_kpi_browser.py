"""The KPI pages in Debian's Chromium with axe-core: 0 violations at 320 and 1280 pixels,
in Dutch and English; the charts are images with a text alternative and a table beside."""

from __future__ import annotations

from datetime import date, timedelta
from typing import Any

import pytest
from django.utils import timezone
from playwright.sync_api import Page, expect

from mijnservices.kcc.tests.test_browser import _login
from mijnservices.portal.tests.test_browser import _new_page, assert_accessible
from mijnservices.registrations.zaken import services as zaken_services
from mijnservices.services.kpis.aggregates import figures_rebuild
from mijnservices.services.kpis.imports import baseline_set, go_live_set
from mijnservices.testing.employees import employee_create
from mijnservices.testing.factories import published_zaaktype

pytestmark = [pytest.mark.browser, pytest.mark.django_db(transaction=True)]


@pytest.fixture(autouse=True)
def _site(settings: Any) -> None:
    settings.DEMO_MODE = True


@pytest.fixture
def narrow(browser):
    yield from _new_page(browser, 320)


@pytest.fixture
def wide(browser):
    yield from _new_page(browser, 1280)


@pytest.fixture
def figures(db: Any) -> None:
    today = timezone.localdate()
    zaaktype = published_zaaktype(identificatie="ZT-KPI", omschrijving="Vergunning", steps=2)
    for n in range(6):
        zaken_services.zaak_create(zaaktype=zaaktype, startdatum=today - timedelta(days=n * 25))
    go_live_set(zaaktype="ZT-KPI", datum=today - timedelta(days=60))
    baseline_set(
        zaaktype="ZT-KPI",
        period_start=date(2025, 1, 1),
        period_end=date(2025, 12, 31),
        kpi="contacten_voortgang",
        value=1200,
    )
    figures_rebuild(start=today - timedelta(days=150), end=today)
    employee_create("manager", roles=["manager"])


def _dashboard(page: Page, base: str) -> None:
    page.goto(f"{base}/medewerker/kpi/?zaaktype=ZT-KPI")
    expect(page.locator("#before-after-heading")).to_be_visible()
    charts = page.get_by_role("img")
    # seven trends (zaak page views among them) and the before/after chart
    expect(charts).to_have_count(8)
    for n in range(8):
        name = charts.nth(n).get_attribute("aria-labelledby") or ""
        assert name.endswith("-desc")
    assert_accessible(page)


@pytest.mark.parametrize("language", ["nl", "en"])
def test_the_kpi_dashboard_is_accessible_at_320_pixels(live_server, narrow, figures, language):
    page, base = narrow, live_server.url
    page.goto(f"{base}/medewerker/inloggen/")
    if language == "en":
        page.get_by_role("button", name="English").click()
        expect(page.locator("html")).to_have_attribute("lang", "en")
    _login(page, base, "manager")
    _dashboard(page, base)
    heading = (
        "KPIs: the effect of MijnZaken" if language == "en" else "KPI's: het effect van MijnZaken"
    )
    expect(page.locator("h1")).to_have_text(heading)


def test_the_kpi_pages_are_accessible_at_1280_pixels(live_server, wide, figures):
    page, base = wide, live_server.url
    _login(page, base, "manager")
    page.get_by_role("link", name="KPI's: het effect van MijnZaken").click()
    assert_accessible(page)
    _dashboard(page, base)
    page.get_by_role("link", name="0-meting en import").click()
    assert_accessible(page)
    page.get_by_role("link", name="Businesscase").click()
    page.get_by_role("button", name="Berekenen").click()
    expect(page.locator("#outcome")).to_be_visible()
    assert_accessible(page)


def test_the_employee_survey_is_accessible(live_server, narrow, figures):
    page, base = narrow, live_server.url
    _login(page, base, "manager")
    page.get_by_role("link", name="Medewerkersonderzoek (MTO)").click()
    expect(page.locator("h1")).to_have_text("Medewerkersonderzoek")
    assert_accessible(page)
    page.get_by_label("Soms").first.check()
    page.get_by_role("button", name="Mijn antwoorden versturen").click()
    expect(page.get_by_role("status")).to_contain_text("Dank u wel")
