"""Employee journeys in Debian's Chromium, with axe-core: 0 violations, nl and en, 320 px,
and a keyboard-only pass (login → search → klantbeeld → register a contactmoment → zaak →
set the next status)."""

from __future__ import annotations

from typing import Any

import pytest
from playwright.sync_api import Page, expect

from mijnservices.kcc.tests.conftest import BSN
from mijnservices.portal.tests.test_browser import _new_page, _tab_until, assert_accessible
from mijnservices.testing.employees import PASSWORD, employee_create, totp_code

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


def _login(page: Page, base: str, username: str) -> None:
    page.goto(f"{base}/medewerker/inloggen/")
    assert_accessible(page)
    page.locator("#id_username").fill(username)
    page.locator("#id_password").fill(PASSWORD)
    page.locator("#id_code").fill(totp_code())
    page.locator("form.utrecht-form button[type=submit]").click()


@pytest.mark.parametrize("language", ["nl", "en"])
def test_kcc_pages_are_accessible_at_320_pixels(live_server, narrow, world, language):
    employee_create("kcc", roles=["kcc"])
    page, base = narrow, live_server.url
    page.goto(f"{base}/medewerker/inloggen/")
    if language == "en":
        page.get_by_role("button", name="English").click()
        expect(page.locator("html")).to_have_attribute("lang", "en")
    _login(page, base, "kcc")
    expect(page.locator("h1")).to_have_text("Start")
    assert_accessible(page)
    page.locator("#id_q").fill(BSN)
    page.locator("form.utrecht-form button[type=submit]").click()
    expect(page.locator("#zaken-heading")).to_be_visible()
    assert_accessible(page)
    page.get_by_role("link", name=world.zaak_a.omschrijving).click()
    expect(page.locator("#steps-heading")).to_be_visible()
    assert_accessible(page)


def test_behandelaar_pages_are_accessible_at_320_pixels(live_server, narrow, world):
    employee_create("beh", roles=["behandelaar"], zaaktypen=["ZT-A"])
    page, base = narrow, live_server.url
    _login(page, base, "beh")
    expect(page.locator("#work-heading")).to_be_visible()
    assert_accessible(page)
    page.get_by_role("link", name=world.zaak_a.omschrijving).click()
    expect(page.locator("#next-heading")).to_be_visible()
    assert_accessible(page)


def test_keyboard_only_from_login_to_setting_a_status(live_server, wide, world):
    employee_create("beh", roles=["behandelaar"], zaaktypen=["ZT-A"])
    page, base = wide, live_server.url
    page.goto(f"{base}/medewerker/inloggen/")
    _tab_until(page, "el.id === 'id_username'")
    page.keyboard.type("beh")
    page.keyboard.press("Tab")
    page.keyboard.type(PASSWORD)
    page.keyboard.press("Tab")
    page.keyboard.type(totp_code())
    page.keyboard.press("Enter")
    expect(page.locator("#search-heading")).to_be_visible()
    _tab_until(page, "el.id === 'id_q'")
    page.keyboard.type(BSN)
    page.keyboard.press("Enter")
    expect(page.locator("#zaken-heading")).to_be_visible()
    # Register the call: channel (a select), text, case, "question about status" (radios).
    _tab_until(page, "el.id === 'id_kanaal'")
    _tab_until(page, "el.id === 'id_inhoud'")
    page.keyboard.type("Belde over de stand van zaken.")
    _tab_until(page, "el.name === 'vraag_over_status'")
    page.keyboard.press("Space")
    _tab_until(page, "el.type === 'submit' && el.form && el.form.action.endsWith('/contact/')")
    page.keyboard.press("Enter")
    expect(page.locator("#contacts-heading + ul")).to_contain_text("Belde over de stand van zaken.")
    _tab_until(page, f"el.textContent.trim() === {world.zaak_a.omschrijving!r}")
    page.keyboard.press("Enter")
    expect(page.locator("#next-heading")).to_be_visible()
    _tab_until(page, "el.id === 'id_status-statustype'")
    page.keyboard.press("ArrowDown")
    _tab_until(page, "el.id === 'id_status-toelichting'")
    page.keyboard.type("We bekijken uw stukken.")
    _tab_until(
        page,
        "el.type === 'submit' && el.form && el.form.action.endsWith('/status/')",
    )
    page.keyboard.press("Enter")
    expect(page.locator(".portal-steps")).to_contain_text("We bekijken uw stukken.")


def _refer_and_ask(world: Any) -> None:
    """A referral for team A and an open question from the resident on zaak A."""
    from mijnservices.core.identity import Citizen, Party
    from mijnservices.registrations.klantinteracties.services import klantcontact_register
    from mijnservices.services.casework.referrals import referral_create
    from mijnservices.services.casework.selectors import zaak_url
    from mijnservices.services.mijnoverzicht.contactmomenten import question_ask

    party = Party("bsn", BSN)
    contact = klantcontact_register(
        party=party,
        kanaal="telefoon",
        onderwerp="o",
        inhoud="Belde",
        zaak_url=zaak_url(world.zaak_a),
    )
    referral_create(klantcontact=contact, zaak=world.zaak_a, gevraagde_handeling="Bel haar terug")
    question_ask(
        citizen=Citizen(actor=party, auth_method="digid"), zaak=world.zaak_a, vraag="Hoe lang nog?"
    )


@pytest.mark.parametrize("language", ["nl", "en"])
def test_referrals_and_case_handling_are_accessible_at_320_pixels(
    live_server, narrow, world, language
):
    employee_create("beh", roles=["behandelaar"], zaaktypen=["ZT-A"])
    _refer_and_ask(world)
    page, base = narrow, live_server.url
    page.goto(f"{base}/medewerker/inloggen/")
    if language == "en":
        page.get_by_role("button", name="English").click()
        expect(page.locator("html")).to_have_attribute("lang", "en")
    _login(page, base, "beh")
    expect(page.locator("#work-heading")).to_be_visible()
    page.locator("a[href='/medewerker/doorverwezen/']").click()
    expect(page.locator(".portal-referral")).to_contain_text("Bel haar terug")
    assert_accessible(page)
    page.locator(".portal-referral a").first.click()
    expect(page.locator("#vragen-heading")).to_be_visible()
    expect(page.locator("#vragen-heading + ul")).to_contain_text("Hoe lang nog?")
    assert_accessible(page)


@pytest.mark.parametrize("language", ["nl", "en"])
def test_audit_page_is_accessible_at_320_pixels(live_server, narrow, world, language):
    employee_create("aud", roles=["auditor"])
    page, base = narrow, live_server.url
    page.goto(f"{base}/medewerker/inloggen/")
    if language == "en":
        page.get_by_role("button", name="English").click()
        expect(page.locator("html")).to_have_attribute("lang", "en")
    _login(page, base, "aud")
    page.locator("a[href='/medewerker/verwerkingen/']").click()
    assert_accessible(page)
    page.locator("#id_bsn").fill(BSN)
    page.locator("#id_van").fill("01-01-2020")
    page.locator("#id_tot").fill("31-12-2030")
    page.locator("form.utrecht-form button[type=submit]").click()
    expect(page.locator("#results-heading")).to_be_visible()
    assert_accessible(page)
