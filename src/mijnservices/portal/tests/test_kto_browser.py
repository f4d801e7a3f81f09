"""The satisfaction survey on a closed zaak's page in Chromium: axe 0 violations, 320 px."""

from __future__ import annotations

from typing import Any

import pytest
from playwright.sync_api import expect

from mijnservices.portal.tests.test_browser import _new_page, assert_accessible
from mijnservices.testing.factories import ZaakFactory

pytestmark = [pytest.mark.browser, pytest.mark.django_db(transaction=True)]


@pytest.fixture(autouse=True)
def _site(settings: Any) -> None:
    settings.DEMO_MODE = True


@pytest.fixture
def narrow_page(browser):
    yield from _new_page(browser, 320)


def test_the_survey_on_a_closed_zaak_is_accessible_and_thanks_once(live_server, narrow_page):
    zaak = ZaakFactory(for_bsn="999993653", closed=True)
    page = narrow_page
    page.goto(f"{live_server.url}/inloggen/")
    page.get_by_label("Suzanne Jansen").check()
    page.get_by_role("button", name="Inloggen als deze persoon").click()
    page.goto(f"{live_server.url}/mijn-zaken/{zaak.uuid}/")
    expect(page.locator("#kto-heading")).to_be_visible()
    assert_accessible(page)
    page.get_by_label("Tevreden", exact=True).first.check()
    page.get_by_role("button", name="Mijn antwoorden versturen").click()
    expect(page.get_by_role("status")).to_contain_text("Dank u wel")
    expect(page.locator("#kto-heading")).to_have_count(0)
    assert_accessible(page)
