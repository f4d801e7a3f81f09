"""The beheer screens in Debian's Chromium with axe-core (0 violations), in Dutch and English
at 320 pixels, and the whole path of a new gemeente at 1280 pixels: from an empty instance to
a released first product, seen by a citizen (decision 0036).

Set BEHEER_SCREENSHOTS to a folder to keep screenshots of the path (docs/img holds them)."""

from __future__ import annotations

import os
from pathlib import Path
from typing import Any

import pytest
from playwright.sync_api import Page, expect

from mijnservices.kcc.tests.test_browser import _login
from mijnservices.portal.tests.test_browser import _new_page, assert_accessible
from mijnservices.services.presentation.tests.test_exchange import _open_zaak_export
from mijnservices.testing.employees import employee_create
from mijnservices.testing.factories import ZaakFactory, published_zaaktype

pytestmark = [pytest.mark.browser, pytest.mark.django_db(transaction=True)]
BSN = "999993653"


@pytest.fixture(autouse=True)
def _site(settings: Any) -> None:
    settings.DEMO_MODE = True


@pytest.fixture
def narrow(browser):
    yield from _new_page(browser, 320)


@pytest.fixture
def wide(browser):
    yield from _new_page(browser, 1280)


def _shot(page: Page, name: str) -> None:
    folder = os.environ.get("BEHEER_SCREENSHOTS")
    if folder:
        page.screenshot(path=str(Path(folder) / f"beheer-{name}.png"), full_page=True)


@pytest.mark.parametrize("language", ["nl", "en"])
def test_every_beheer_page_and_the_preview_are_accessible_at_320_pixels(
    live_server, narrow, language
):
    published_zaaktype(identificatie="ZT-A", omschrijving="Parkeervergunning", steps=3)
    employee_create("beheerder", roles=["beheerder"])
    page, base = narrow, live_server.url
    _login(page, base, "beheerder")
    if language == "en":
        page.get_by_role("button", name="English").click()
    for path in (
        "/medewerker/beheer/",
        "/medewerker/beheer/zaaktype/ZT-A/",
        "/medewerker/beheer/zaaktype/ZT-A/voorbeeld/",
        "/medewerker/beheer/zaaktype/ZT-A/voorbeeld/?taal=en",
        "/medewerker/beheer/zaaktype/ZT-A/geschiedenis/",
        "/medewerker/beheer/huisstijl/",
        "/medewerker/beheer/import/",
    ):
        page.goto(f"{base}{path}")
        expect(page.locator("h1")).to_be_visible()
        assert_accessible(page)


def test_a_new_gemeente_releases_its_first_product_in_the_beheer_screens_alone(
    live_server, wide, browser, tmp_path
):
    employee_create("beheerder", roles=["beheerder"])
    page, base = wide, live_server.url
    _login(page, base, "beheerder")
    page.get_by_role("link", name="Portaalbeheer: producten, teksten, huisstijl").click()
    expect(page.get_by_text("Er zijn nog geen producten.")).to_be_visible()
    _shot(page, "1-start-empty")

    # 1. Import the product from a catalogue file (here: an Open Zaak export).
    catalogue = tmp_path / "catalogus.zip"
    catalogue.write_bytes(_open_zaak_export(steps=3))
    page.get_by_role("link", name="Een catalogus importeren").first.click()
    page.get_by_label("Catalogusbestand (zip)").set_input_files(str(catalogue))
    page.get_by_role("button", name="Importeren").click()
    expect(page.locator("#import-report")).to_contain_text("OZ-AFVAL")
    assert_accessible(page)
    _shot(page, "2-import-report")

    # 2. Write the texts and lead times; the completeness list shows what is missing.
    page.get_by_role("link", name="Naar de producten").click()
    expect(page.locator("#readiness")).to_contain_text("Geen openbare titel in het Engels.")
    page.get_by_role("link", name="Melding afval").click()
    page.get_by_label("Openbare titel (Nederlands)").fill("Melding over afval")
    page.get_by_label("Openbare titel (Engels)").fill("Report about waste")
    for n in range(3):
        page.locator(f"#id_step{n}_text_nl").fill(f"Uitleg voor inwoners, stap {n + 1}.")
        page.locator(f"#id_step{n}_text_en").fill(f"Explanation for residents, step {n + 1}.")
        page.locator(f"#id_step{n}_expected_days").fill("5")
    page.get_by_label("Afdeling of team dat inwoners zien").fill("Team Openbare Ruimte")
    page.get_by_role("button", name="Opslaan", exact=True).click()
    expect(page.get_by_text("Opgeslagen.")).to_be_visible()
    assert page.locator("#missing").count() == 0, page.locator("#missing").inner_text()
    assert_accessible(page)
    _shot(page, "3-product")

    # 3. Preview the zaak page as a citizen will see it, in Dutch and in English.
    page.get_by_role("link", name="Bekijk de zaakpagina in het Nederlands").click()
    expect(page.locator("#preview-notice")).to_be_visible()
    expect(page.get_by_text("Uitleg voor inwoners, stap 2.")).to_be_visible()
    assert_accessible(page)
    _shot(page, "4-preview-nl")
    page.go_back()
    page.get_by_role("link", name="Voorbeeld in het Engels").click()
    expect(page.get_by_text("Explanation for residents, step 2.")).to_be_visible()
    assert_accessible(page)
    page.go_back()

    # 4. Branding and contact details.
    page.goto(f"{base}/medewerker/beheer/huisstijl/")
    page.get_by_label("Naam van de organisatie").fill("Gemeente Nieuwdorp")
    page.get_by_label("Telefoonnummer").fill("14 0999")
    page.get_by_label("Openingstijden (Nederlands)").fill("werkdagen van 9.00 tot 17.00 uur")
    page.get_by_label("Adres (URL) van het contactformulier").fill("https://www.example.nl/contact")
    page.get_by_role("button", name="Opslaan", exact=True).click()
    expect(page.get_by_text("Opgeslagen.")).to_be_visible()
    assert_accessible(page)
    _shot(page, "5-branding")

    # 5. Release: show the product in the portal.
    page.goto(f"{base}/medewerker/beheer/zaaktype/OZ-AFVAL/")
    page.get_by_role("button", name="Tonen in het portaal").click()
    expect(page.get_by_text("Het product staat nu in het portaal.")).to_be_visible()
    # ... and let the KCC see the status of these cases (not social domain).
    page.get_by_label("Medewerkers van het KCC mogen de status van deze zaken zien").check()
    page.get_by_role("button", name="Opslaan wat het KCC ziet").click()
    expect(page.get_by_text("Opgeslagen. Medewerkers van het KCC zien")).to_be_visible()
    expect(
        page.get_by_label("Medewerkers van het KCC mogen de status van deze zaken zien")
    ).to_be_checked()
    assert_accessible(page)
    page.get_by_role("link", name="Geschiedenis van wijzigingen").click()
    expect(page.locator("#history")).to_contain_text("beheerder")
    assert_accessible(page)

    # A citizen with a zaak of the product now sees it, with the texts and the route to a person.
    from mijnservices.registrations.catalogi.models import ZaakType

    zaak = ZaakFactory(zaaktype=ZaakType.objects.get(identificatie="OZ-AFVAL"), for_bsn=BSN,
                       status_count=2)  # fmt: skip
    citizen = browser.new_context(viewport={"width": 1280, "height": 800}, locale="nl-NL")
    portal = citizen.new_page()
    portal.goto(f"{base}/inloggen/")
    portal.get_by_label("Suzanne Jansen").check()
    portal.get_by_role("button", name="Inloggen als deze persoon").click()
    portal.goto(f"{base}/mijn-zaken/{zaak.uuid}/")
    expect(portal.get_by_text("Uitleg voor inwoners, stap 2.")).to_be_visible()
    expect(portal.locator("#department")).to_contain_text("Team Openbare Ruimte")
    expect(portal.locator("footer")).to_contain_text("14 0999")
    expect(portal.locator("footer")).to_contain_text("Gemeente Nieuwdorp")
    assert_accessible(portal)
    _shot(portal, "6-citizen-zaak")
    citizen.close()
