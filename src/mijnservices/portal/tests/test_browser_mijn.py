"""Mijn overzicht, MijnTaken, MijnBerichten and MijnContactmomenten in Debian's Chromium with
axe-core (nl and en, 320 px), and the keyboard-only journeys of issue 6: pay with the demo
provider, complete an upload task, ask a question."""

from __future__ import annotations

from collections.abc import Iterator
from datetime import timedelta
from typing import Any

import pytest
from django.utils import timezone
from playwright.sync_api import Browser, Page, expect

from mijnservices.core.identity import Party
from mijnservices.portal.tests.test_browser import (
    _give_focused_file_input,
    _new_page,
    _tab_until,
    assert_accessible,
)
from mijnservices.registrations.klantinteracties.services import (
    klantcontact_answer,
    klantcontact_register,
)
from mijnservices.registrations.taken.models import HandelingsPerspectief
from mijnservices.services.mijnoverzicht.taken import upload_link
from mijnservices.services.mijnoverzicht.zaken import zaak_api_url
from mijnservices.testing.documents import PDF, zaaktype_with_uploads
from mijnservices.testing.factories import ZaakFactory
from mijnservices.testing.taken import bericht, betaaltaak, urltaak

pytestmark = [pytest.mark.browser, pytest.mark.django_db(transaction=True)]

SUZANNE = Party(kind="bsn", identifier="999993653", name="Suzanne Jansen")


@pytest.fixture(autouse=True)
def _demo(settings: Any) -> None:
    settings.DEMO_MODE = True


@pytest.fixture
def narrow_page(browser: Browser) -> Iterator[Page]:
    yield from _new_page(browser, 320)


@pytest.fixture
def wide_page(browser: Browser) -> Iterator[Page]:
    yield from _new_page(browser, 1280)


@pytest.fixture
def mijn() -> Any:
    """Suzanne's zaak with a pay task, an upload task, a message and a few contacts."""
    zaak = ZaakFactory.create(
        zaaktype=zaaktype_with_uploads(steps=3, publieke_omschrijving="Subsidie geluidsisolatie"),
        for_bsn=SUZANNE.identifier,
        status_count=1,
        omschrijving="Subsidie voor geluidsisolatie",
    )
    url = zaak_api_url(zaak)
    betaaltaak(party=SUZANNE, titel="Betaal de leges", is_gerelateerd_aan=url)
    urltaak(
        party=SUZANNE,
        titel="Stuur uw eigendomsbewijs",
        handelings_perspectief=HandelingsPerspectief.INFORMATIE_GEVEN,
        is_gerelateerd_aan=url,
        details={"uitvraagLink": upload_link(zaak)},
        einddatum_handelings_termijn=timezone.localdate() + timedelta(days=3),
    )
    bericht(party=SUZANNE, onderwerp="Uw aanvraag is binnen", is_gerelateerd_aan=[url])
    klantcontact_register(
        party=SUZANNE,
        kanaal="telefoon",
        onderwerp="Vraag over de status",
        inhoud="",
        zaak_url=url,
        actor_naam="KCC",
    )
    vraag = klantcontact_register(
        party=SUZANNE,
        kanaal="portaal",
        onderwerp="Vraag",
        inhoud="Moet ik thuis zijn?",
        zaak_url=url,
    )
    klantcontact_answer(vraag=vraag, antwoord="Ja, graag.", actor_naam="Team")
    return zaak


def _login(page: Page, base_url: str, language: str = "nl") -> None:
    page.goto(f"{base_url}/inloggen/")
    if language == "en":
        page.get_by_role("button", name="English").click()
    page.get_by_label("Suzanne Jansen").check()
    button = "Log in as this person" if language == "en" else "Inloggen als deze persoon"
    page.get_by_role("button", name=button).click()


@pytest.mark.parametrize("language", ["nl", "en"])
def test_the_new_pages_pass_axe_at_320_pixels(live_server, narrow_page, mijn, language):
    page = narrow_page
    _login(page, live_server.url, language)
    home = "My overview" if language == "en" else "Mijn overzicht"
    expect(page.get_by_role("heading", level=1)).to_have_text(home)
    expect(page.locator(".portal-task").first).to_contain_text("Eigendomsbewijs".lower()[1:])
    assert_accessible(page)
    for path in ("/mijn-taken/", "/mijn-berichten/", "/mijn-contactmomenten/"):
        page.goto(f"{live_server.url}{path}")
        assert_accessible(page)
    page.goto(f"{live_server.url}/mijn-berichten/")
    page.get_by_role("link", name="Uw aanvraag is binnen").click()
    expect(page.get_by_role("heading", level=1)).to_have_text("Uw aanvraag is binnen")
    assert_accessible(page)
    page.goto(f"{live_server.url}/mijn-zaken/{mijn.uuid}/")
    expect(page.locator("#contact")).to_contain_text("Ja, graag.")
    assert_accessible(page)


def test_keyboard_only_pay_the_fee_with_the_demo_provider(live_server, wide_page, mijn):
    page = wide_page
    _login(page, live_server.url)
    page.goto(f"{live_server.url}/mijn-taken/")
    _tab_until(page, "el.type === 'submit' && el.textContent.includes('Betaal')", limit=60)
    page.keyboard.press("Enter")
    expect(page.get_by_role("heading", level=1)).to_contain_text("Demo")
    _tab_until(page, "el.value === 'pay'")
    page.keyboard.press("Enter")
    expect(page.get_by_role("heading", level=1)).to_have_text(
        "Bedankt, we hebben uw betaling ontvangen"
    )
    expect(page.get_by_role("status")).to_contain_text("bevestiging per e-mail")
    assert_accessible(page)
    _tab_until(
        page,
        "el.getAttribute('href') === '/mijn-berichten/' && el.textContent.includes('Ga naar')",
        limit=60,
    )
    page.keyboard.press("Enter")
    expect(page.locator(".portal-message").first).to_contain_text("Betaling ontvangen")


def test_keyboard_only_complete_an_upload_task(live_server, wide_page, mijn):
    page = wide_page
    _login(page, live_server.url)
    page.goto(f"{live_server.url}/mijn-taken/")
    _tab_until(page, "el.textContent.startsWith('Voeg het document toe')", limit=60)
    page.keyboard.press("Enter")
    expect(page.get_by_role("heading", level=1)).to_have_text("Subsidie voor geluidsisolatie")
    _tab_until(page, "el.type === 'file'", limit=80)
    _give_focused_file_input(page, "akte.pdf", PDF)
    _tab_until(page, "el.name === 'titel'", limit=2)
    page.keyboard.type("Eigendomsakte")
    _tab_until(page, "el.type === 'submit'", limit=3)
    page.keyboard.press("Enter")
    expect(page.get_by_role("status")).to_contain_text("Uw document is toegevoegd")
    page.goto(f"{live_server.url}/mijn-taken/")
    done = page.get_by_role("region", name="Klaar")
    expect(done).to_contain_text("Stuur uw eigendomsbewijs")


def test_keyboard_only_ask_a_question_and_see_it_in_the_timeline(live_server, wide_page, mijn):
    page = wide_page
    _login(page, live_server.url)
    page.goto(f"{live_server.url}/mijn-zaken/{mijn.uuid}/")
    _tab_until(page, "el.name === 'vraag'", limit=100)
    page.keyboard.type("Wanneer komt de taxateur?")
    _tab_until(page, "el.type === 'submit' && el.textContent.includes('Verstuur')", limit=2)
    page.keyboard.press("Enter")
    expect(page.get_by_role("status")).to_contain_text("Uw vraag is verstuurd")
    expect(page.get_by_role("status")).to_contain_text("werkdagen")
    question = page.locator("#contact .portal-timeline__item", has_text="Wanneer komt de taxateur?")
    expect(question).to_be_visible()
    expect(question).to_contain_text("nog niet beantwoord")
    assert_accessible(page)
    page.goto(f"{live_server.url}/mijn-contactmomenten/")
    expect(page.locator(".portal-timeline__item").first).to_contain_text(
        "Wanneer komt de taxateur?"
    )


@pytest.fixture
def narrow_page_with_form_errors(browser: Browser) -> Iterator[Page]:
    """A 320 px page where a refused form (400) is expected."""
    context = browser.new_context(viewport={"width": 320, "height": 800}, locale="nl-NL")
    context.set_default_timeout(10_000)
    try:
        yield context.new_page()
    finally:
        context.close()


@pytest.mark.parametrize("language", ["nl", "en"])
def test_the_profile_passes_axe_at_320_pixels(
    live_server, narrow_page_with_form_errors, mijn, language
):
    from mijnservices.services.profiel.services import contact_detail_add

    contact_detail_add(party=SUZANNE, kanaal="sms", adres="0612345678")
    page = narrow_page_with_form_errors
    _login(page, live_server.url, language)
    page.goto(f"{live_server.url}/mijn-profiel/")
    expect(page.locator("#gegevens")).to_contain_text("Lindelaan 12")
    assert_accessible(page)
    # An error state too: the typed value stays, the message sits next to the field.
    page.locator("#id_email-adres").fill("geen-adres")
    page.locator("#id_email-adres").press("Enter")
    expect(page.locator("#id_email-adres")).to_have_value("geen-adres")
    expect(page.locator("#id_email-adres")).to_have_attribute("aria-invalid", "true")
    assert_accessible(page)


def test_keyboard_only_add_an_email_address_and_confirm_it(live_server, wide_page, mijn):
    from mijnservices.services.profiel.models import Verificatie
    from mijnservices.services.profiel.services import email_token

    page = wide_page
    _login(page, live_server.url)
    page.goto(f"{live_server.url}/mijn-profiel/")
    _tab_until(page, "el.id === 'id_email-adres'", limit=80)
    page.keyboard.type("suzanne@example.nl")
    page.keyboard.press("Enter")
    expect(page.get_by_role("status")).to_contain_text("Wij hebben een link gestuurd")
    expect(page.locator("#contactgegevens")).to_contain_text("Nog niet bevestigd")
    token = email_token(Verificatie.objects.get())
    page.goto(f"{live_server.url}/mijn-profiel/bevestigen/{token}/")
    expect(page.get_by_role("status")).to_contain_text("is bevestigd")
    expect(page.locator("#contactgegevens")).to_contain_text("Bevestigd op")
    # Choices with the keyboard: Space toggles "Changes in my cases" off, Enter saves.
    _tab_until(page, "el.value === 'status'", limit=80)
    page.keyboard.press("Space")
    _tab_until(page, "el.type === 'submit' && el.textContent.includes('Keuzes opslaan')", limit=5)
    page.keyboard.press("Enter")
    expect(page.get_by_role("status")).to_contain_text("Uw keuzes zijn opgeslagen")
    expect(page.locator("input[value='status']")).not_to_be_checked()
