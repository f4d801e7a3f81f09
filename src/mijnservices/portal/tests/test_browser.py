"""User journeys in Debian's Chromium: demo login -> MijnZaken -> one zaak, with axe-core.

Few tests on purpose (2-core machines): each journey checks several things at once.
"""

from __future__ import annotations

from collections.abc import Iterator
from typing import Any

import pytest
from axe_playwright_python.sync_playwright import Axe
from playwright.sync_api import Browser, Page, expect

from mijnservices.core.identity import Party
from mijnservices.portal.management.commands.compile_translations import PACKAGE_DIR
from mijnservices.registrations.verwerkingen.services import Actor, verwerking_log
from mijnservices.registrations.zaken import services as zaken_services
from mijnservices.testing.documents import PDF, besluit_on, zaak_document, zaaktype_with_uploads
from mijnservices.testing.factories import ZaakFactory

pytestmark = [pytest.mark.browser, pytest.mark.django_db(transaction=True)]

SUZANNE = "999993653"
NLDS = PACKAGE_DIR / "static" / "nlds"
DELIBERATE_404 = "/bestaat-niet/"
TEXT = {
    "nl": {
        "persona_button": "Inloggen als deze persoon",
        "home": "Mijn overzicht",
        "overview": "Mijn zaken",
        "ongoing": "Lopende zaken",
        "steps": "Stappen van uw zaak",
        "expected": "Verwacht rond",
        "start": "Inloggen",
        "how": "Hoe hebben we dit berekend?",
        "quiet": "Uw zaak is niet vergeten.",
        "statement": "Toegankelijkheidsverklaring",
        "not_found": "Pagina niet gevonden",
        "documents": "Documenten",
        "decisions": "Besluiten",
        "add": "Document toevoegen",
        "inzage": "Wie heeft mijn gegevens bekeken?",
    },
    "en": {
        "persona_button": "Log in as this person",
        "home": "My overview",
        "overview": "My cases",
        "ongoing": "Ongoing cases",
        "steps": "Steps of your case",
        "expected": "Expected around",
        "start": "Log in",
        "how": "How did we work this out?",
        "quiet": "Your case has not been forgotten.",
        "statement": "Accessibility statement",
        "not_found": "Page not found",
        "documents": "Documents",
        "decisions": "Decisions",
        "add": "Add document",
        "inzage": "Who has looked at my data?",
    },
}


@pytest.fixture(autouse=True)
def _demo_site(settings: Any) -> None:
    # Show everything the detail page can show: the prediction and the "nothing new" note.
    settings.END_DATE_PREDICTION_MIN_ZAKEN = 1
    settings.STATUS_SILENCE_DAYS_DEFAULT = 1
    if not (NLDS / "utrecht-components.css").exists():
        pytest.fail(
            "NL Design System CSS is not built: run `cd frontend && npm ci && npm run build`.",
            pytrace=False,
        )
    settings.DEMO_MODE = True


@pytest.fixture
def zaak() -> Any:
    """Suzanne's ongoing zaak at step 2 of 4, with an update, plus a closed one."""
    zaaktype = zaaktype_with_uploads(steps=4, publieke_omschrijving="Subsidie geluidsisolatie")
    ongoing = ZaakFactory.create(
        zaaktype=zaaktype,
        for_bsn=SUZANNE,
        status_count=2,
        omschrijving="Subsidie voor geluidsisolatie",
    )
    zaken_services.substatus_create(zaak=ongoing, omschrijving="Wij hebben uw foto's ontvangen")
    zaak_document(ongoing, titel="Ontvangstbevestiging")
    besluit_on(ongoing, toelichting="U krijgt een voorschot.")
    verwerking_log(
        actor=Actor(kind="employee", id="1", organisatie_eenheid="Klantcontactcentrum"),
        activiteit="klantbeeld inzien",
        doel="Uw vraag aan de telefoon beantwoorden",
        personen=[Party(kind="bsn", identifier=SUZANNE)],
        objecttype="zaak",
    )
    ZaakFactory.create(zaaktype=zaaktype, for_bsn=SUZANNE, closed=True)
    return ongoing


def _new_page(browser: Browser, width: int) -> Iterator[Page]:
    context = browser.new_context(viewport={"width": width, "height": 800}, locale="nl-NL")
    context.set_default_timeout(10_000)
    failed: list[str] = []
    context.on(
        "response",
        lambda r: (
            failed.append(f"{r.status} {r.url}")
            if r.status >= 400 and not r.url.endswith(DELIBERATE_404)
            else None
        ),
    )
    # Anything the Content-Security-Policy blocks (an inline script or style) fails the test.
    blocked: list[str] = []
    context.on(
        "console",
        lambda m: blocked.append(m.text) if "Content Security Policy" in m.text else None,
    )
    try:
        yield context.new_page()
        # A missing stylesheet would make every visual check meaningless.
        assert failed == [], f"requests failed: {failed}"
        assert blocked == [], f"blocked by the Content-Security-Policy: {blocked}"
    finally:
        context.close()


@pytest.fixture
def narrow_page(browser: Browser) -> Iterator[Page]:
    yield from _new_page(browser, 320)


@pytest.fixture
def wide_page(browser: Browser) -> Iterator[Page]:
    yield from _new_page(browser, 1280)


def assert_accessible(page: Page) -> None:
    results = Axe().run(page)
    assert results.violations_count == 0, results.generate_report()
    overflow = page.evaluate(
        "document.documentElement.scrollWidth - document.documentElement.clientWidth"
    )
    assert overflow <= 0, f"{page.url} scrolls sideways by {overflow}px"


def open_menu(page: Page) -> None:
    """At 320 px the menu is folded into "Menu" (issue 21): open it like a person would."""
    toggle = page.locator(".portal-menu__toggle")
    if toggle.is_visible():
        toggle.click()


def _journey(page: Page, base_url: str, language: str) -> None:
    """Start page, login, overview, detail, accessibility statement, 404: axe on each."""
    text = TEXT[language]
    page.goto(f"{base_url}/")
    if language == "en":
        page.get_by_role("button", name="English").click()
        expect(page.locator("html")).to_have_attribute("lang", "en")
    assert_accessible(page)
    page.get_by_role("link", name=text["start"], exact=True).click()
    assert_accessible(page)

    page.get_by_label("Suzanne Jansen").check()
    page.get_by_role("button", name=text["persona_button"]).click()
    expect(page.get_by_role("heading", level=1)).to_have_text(text["home"])
    assert_accessible(page)
    open_menu(page)
    page.get_by_role("link", name=text["overview"], exact=True).click()
    expect(page.get_by_role("heading", level=1)).to_have_text(text["overview"])
    expect(page.get_by_role("heading", name=text["ongoing"])).to_be_visible()
    assert_accessible(page)

    page.get_by_role("link", name="Subsidie voor geluidsisolatie").click()
    expect(page.get_by_role("heading", level=1)).to_have_text("Subsidie voor geluidsisolatie")
    steps = page.get_by_role("region", name=text["steps"]).get_by_role("listitem")
    current = page.locator('li[aria-current="step"]')
    expect(current).to_have_count(1)
    expect(current).to_contain_text("Stap 2")
    expect(current).to_contain_text("Wij hebben uw foto's ontvangen")
    for index in range(4):
        expect(steps.filter(has_text=f"Stap {index + 1}").locator("time").first).to_be_visible()
    expect(page.locator(".portal-step--future").first).to_contain_text(text["expected"])
    # Today's update and document are news (issue 21): no "nothing has changed" note.
    expect(page.locator("#no-news")).to_have_count(0)
    page.get_by_text(text["how"]).click()  # the disclosure opens
    expect(page.locator("#prediction details")).to_have_attribute("open", "")
    documents = page.get_by_role("region", name=text["documents"])
    expect(documents.get_by_role("link", name="Ontvangstbevestiging")).to_be_visible()
    expect(documents.get_by_role("button", name=text["add"])).to_be_visible()
    decisions = page.get_by_role("region", name=text["decisions"])
    expect(decisions).to_contain_text("U krijgt een voorschot.")
    expect(decisions.get_by_role("link", name="Besluitbrief")).to_be_visible()
    assert_accessible(page)

    page.goto(f"{base_url}/mijn-zaken/")
    page.get_by_role("link", name=text["inzage"]).click()
    expect(page.get_by_role("heading", level=1)).to_have_text(text["inzage"])
    expect(page.locator(".portal-verwerkingen li")).to_have_count(1)
    assert_accessible(page)

    page.get_by_role("link", name=text["statement"]).click()
    expect(page.get_by_role("heading", level=1)).to_have_text(text["statement"])
    assert_accessible(page)
    page.goto(f"{base_url}{DELIBERATE_404}")
    expect(page.get_by_role("heading", level=1)).to_have_text(text["not_found"])
    assert_accessible(page)


def test_demo_login_to_zaak_steps_in_dutch_on_a_desktop(live_server, wide_page, zaak):
    _journey(wide_page, live_server.url, "nl")
    # A representative: every page says on whose behalf; Els has no zaken (empty states).
    page = wide_page
    page.get_by_role("button", name="Uitloggen").click()
    page.get_by_label("Kees de Vries namens Els de Vries").check()
    page.get_by_role("button", name=TEXT["nl"]["persona_button"]).click()
    expect(page.get_by_text("U handelt namens Els de Vries")).to_be_visible()
    expect(page.get_by_text("U heeft geen lopende zaken.")).to_be_visible()
    assert_accessible(page)


def test_demo_login_to_zaak_steps_in_dutch_at_320_pixels(live_server, narrow_page, zaak):
    _journey(narrow_page, live_server.url, "nl")


def test_demo_login_to_zaak_steps_in_english_at_320_pixels(live_server, narrow_page, zaak):
    _journey(narrow_page, live_server.url, "en")


def _tab_until(page: Page, condition: str, limit: int = 40) -> None:
    for _ in range(limit):
        page.keyboard.press("Tab")
        if page.evaluate(f"(el => {condition})(document.activeElement)"):
            outline = page.evaluate("getComputedStyle(document.activeElement).outlineStyle")
            assert outline != "none", "the focused element shows no focus outline"
            return
    raise AssertionError(f"Tab never reached an element where {condition}")


def _give_focused_file_input(page: Page, name: str, buffer: bytes) -> None:
    """Hand a file to the file input the keyboard has focused.

    Tabbing there is what the keyboard test proves; the dialog Space opens is the
    browser's own. Waiting for that dialog in headless Chromium is timing-dependent
    under load (a CI run timed out on it), so the file goes to the input directly.
    """
    page.locator("input[type=file]:focus").set_input_files(
        files=[{"name": name, "mimeType": "application/pdf", "buffer": buffer}]
    )


def test_keyboard_only_from_login_to_zaak_steps(live_server, wide_page, zaak, settings):
    # The idle warning comes when the test moves the page's clock on (Playwright's fake timers),
    # not after a real second: on a busy machine tabbing through a page can take longer, and a
    # warning that took the focus midway made this test flaky.
    settings.SESSION_IDLE_TIMEOUT = 600
    settings.SESSION_WARNING_BEFORE = 300
    page = wide_page
    page.clock.install()
    page.goto(f"{live_server.url}/inloggen/")

    _tab_until(page, "el.classList.contains('utrecht-skip-link')", limit=1)
    expect(page.locator(".utrecht-skip-link")).to_be_in_viewport()
    _tab_until(page, "el.id === 'persona-1'")
    page.keyboard.press("Space")
    expect(page.locator("#persona-1")).to_be_checked()
    _tab_until(page, "el.type === 'submit'", limit=1)  # one group of radios is one Tab stop
    page.keyboard.press("Enter")

    expect(page.get_by_role("heading", level=1)).to_have_text("Mijn overzicht")
    _tab_until(page, f"el.getAttribute('href') === '/mijn-zaken/{zaak.uuid}/'")
    page.keyboard.press("Enter")

    expect(page.get_by_role("heading", level=1)).to_have_text("Subsidie voor geluidsisolatie")
    expect(page.locator('li[aria-current="step"]')).to_contain_text("Stap 2")

    # Idle warning: it takes the focus; Enter keeps the session without leaving the page.
    warning = page.locator("#session-warning")
    expect(warning).to_be_hidden()
    page.clock.fast_forward("05:01")
    expect(warning).to_be_visible()
    expect(page.get_by_role("button", name="Ingelogd blijven")).to_be_focused()
    assert_accessible(page)
    with page.expect_response(lambda r: r.url.endswith("/sessie/verlengen/")) as kept:
        page.keyboard.press("Enter")
    assert kept.value.status == 200
    expect(warning).to_be_hidden()
    expect(page.get_by_role("heading", level=1)).to_have_text("Subsidie voor geluidsisolatie")

    # Add a document with the keyboard only.
    _tab_until(page, "el.type === 'file'", limit=80)
    _give_focused_file_input(page, "loonstrook.pdf", PDF)
    _tab_until(page, "el.name === 'titel'", limit=2)
    page.keyboard.type("Loonstrook maart")
    _tab_until(page, "el.type === 'submit'", limit=3)
    page.keyboard.press("Enter")
    expect(page.get_by_role("status")).to_contain_text("Uw document is toegevoegd")
    expect(page.get_by_role("link", name="Loonstrook maart")).to_be_visible()
    assert_accessible(page)
