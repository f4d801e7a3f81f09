"""Issue 21 in Chromium: the zaak page's dates explain themselves, a failed form shows an
error summary that takes the focus, English pages mark Dutch case data, the header stays
small at 320 px and marks the current page. axe on every page, NL and EN, at 320 px."""

from __future__ import annotations

from collections.abc import Iterator
from datetime import timedelta
from typing import Any

import pytest
from django.utils import timezone
from playwright.sync_api import Browser, Page, expect

from mijnservices.portal.tests.test_browser import (
    _demo_site,
    _new_page,
    assert_accessible,
    open_menu,
)
from mijnservices.registrations.zaken import services as zaken_services
from mijnservices.testing.documents import zaaktype_with_uploads
from mijnservices.testing.factories import ZaakFactory

pytestmark = [pytest.mark.browser, pytest.mark.django_db(transaction=True)]
_site = _demo_site  # the same demo site as the other journeys (an autouse fixture)
SUZANNE = "999993653"


@pytest.fixture
def woz(settings: Any) -> Any:
    """A zaak whose steps run past the legal deadline, extended (verlenging), with an update
    three days ago after 25 quiet days in its step: everything issue 21 saw contradict."""
    settings.STATUS_SILENCE_DAYS_DEFAULT = 14
    today = timezone.localdate()
    zaaktype = zaaktype_with_uploads(
        steps=4, step_days=30, publieke_omschrijving="Bezwaar WOZ-waarde"
    )
    zaak = ZaakFactory.create(
        zaaktype=zaaktype,
        for_bsn=SUZANNE,
        status_count=0,
        omschrijving="Bezwaar WOZ-waarde Dorpsstraat 1",
        uiterlijke_einddatum_afdoening=today + timedelta(days=20),
        einddatum_gepland=today + timedelta(days=300),
        verlenging={"reden": "Wij wachten op een taxatierapport", "duur": "P42D"},
    )
    zaken_services.status_set(
        zaak=zaak,
        statustype=zaaktype.statustypen.order_by("volgnummer").first(),
        datum_status_gezet=timezone.now() - timedelta(days=25),
    )
    zaken_services.substatus_create(
        zaak=zaak,
        omschrijving="Wij hebben uw foto's ontvangen",
        tijdstip=timezone.now() - timedelta(days=3),
    )
    return zaak


@pytest.fixture
def narrow(browser: Browser) -> Iterator[Page]:
    yield from _new_page(browser, 320)


@pytest.fixture
def narrow_with_refusals(browser: Browser) -> Iterator[Page]:
    """A 320 px page where a refused form (400) is expected; anything else that fails or is
    blocked still fails the test."""
    context = browser.new_context(viewport={"width": 320, "height": 800}, locale="nl-NL")
    context.set_default_timeout(10_000)
    failed: list[str] = []
    context.on(
        "response",
        lambda r: (
            failed.append(f"{r.status} {r.url}") if r.status >= 400 and r.status != 400 else None
        ),
    )
    try:
        yield context.new_page()
        assert failed == [], f"requests failed: {failed}"
    finally:
        context.close()


def _login(page: Page, base_url: str, language: str = "nl") -> None:
    page.goto(f"{base_url}/inloggen/")
    if language == "en":
        page.get_by_role("button", name="English").click()
    page.get_by_label("Suzanne Jansen").check()
    page.get_by_role(
        "button", name="Log in as this person" if language == "en" else "Inloggen als deze persoon"
    ).click()


def test_the_zaak_page_explains_one_consistent_set_of_dates(live_server, narrow, woz):
    page = narrow
    _login(page, live_server.url)
    page.goto(f"{live_server.url}/mijn-zaken/{woz.uuid}/")
    planned = page.locator("#planned-end time").first.get_attribute("datetime")
    last_step = page.locator(".portal-step--future time").last.get_attribute("datetime")
    assert planned == last_step  # one model: the plan is the stepper's last date
    expect(page.locator("#planned-late")).to_contain_text("later dan de wettelijke termijn")
    legal = timezone.localdate() + timedelta(days=20 + 42)
    expect(page.locator("#legal-end time").first).to_have_attribute("datetime", legal.isoformat())
    expect(page.locator("#extension")).to_contain_text("Wij wachten op een taxatierapport")
    expect(page.locator("#legal-end")).to_contain_text("Volgens de wet")
    # An update three days ago: the "nothing has changed" note would contradict the page.
    expect(page.locator("#no-news")).to_have_count(0)
    # The question form is one link away from the top.
    page.get_by_role("link", name="Stel een vraag over deze zaak").click()
    expect(page.get_by_role("textbox", name="Uw vraag")).to_be_in_viewport()
    assert_accessible(page)


def test_a_failed_question_shows_an_error_summary_that_takes_the_focus(
    live_server, narrow_with_refusals, woz
):
    page = narrow_with_refusals
    _login(page, live_server.url)
    page.goto(f"{live_server.url}/mijn-zaken/{woz.uuid}/")
    page.get_by_role("button", name="Verstuur vraag").click()
    summary = page.locator("#error-summary")
    expect(summary).to_be_focused()
    expect(summary).to_contain_text("Er is een probleem")
    assert page.evaluate(
        "document.querySelector('main').firstElementChild.querySelector('#error-summary') !== null"
    )
    assert page.url.endswith("#question-heading")  # the form's anchor is kept
    summary.get_by_role("link").first.click()
    expect(page.get_by_role("textbox", name="Uw vraag")).to_be_focused()
    assert_accessible(page)


def test_english_pages_mark_dutch_case_data_and_the_header_stays_small(live_server, narrow, woz):
    page = narrow
    _login(page, live_server.url, "en")
    expect(page.locator("html")).to_have_attribute("lang", "en")
    header = page.locator("header").bounding_box()
    assert header is not None and header["height"] <= 800 / 4, header
    assert_accessible(page)
    open_menu(page)
    expect(page.get_by_role("link", name="My overview")).to_have_attribute("aria-current", "page")
    page.get_by_role("link", name="My cases", exact=True).click()
    expect(page.locator('a[aria-current="page"]')).to_have_count(1)
    expect(page.get_by_role("link", name="Bezwaar WOZ-waarde Dorpsstraat 1")).to_have_attribute(
        "lang", "nl"
    )
    assert_accessible(page)
    page.goto(f"{live_server.url}/mijn-zaken/{woz.uuid}/")
    expect(page.locator("h1")).to_have_attribute("lang", "nl")
    expect(page.locator('.portal-step__title [lang="nl"]').first).to_have_text("Stap 1")
    expect(page.locator('.portal-update [lang="nl"]')).to_have_text(
        "Wij hebben uw foto's ontvangen"
    )
    assert_accessible(page)
