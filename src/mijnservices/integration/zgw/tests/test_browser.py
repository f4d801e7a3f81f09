"""A citizen sees an external zaak beside a local one, opens it with its steps and documents,
and downloads a document that comes from the source: Debian's Chromium with axe-core (0
violations), at 320 px. The source is a second MijnServices process over HTTP."""

from __future__ import annotations

from collections.abc import Iterator
from typing import Any

import pytest
from playwright.sync_api import Browser, Page, expect

from mijnservices.integration.zgw.sources import zgw_source_add
from mijnservices.portal.tests.conftest import (  # noqa: F401 (fixtures found by name)
    _translations_compiled,
    browser_type_launch_args,
)
from mijnservices.portal.tests.test_browser import _new_page, assert_accessible
from mijnservices.testing.factories import ZaakFactory
from mijnservices.testing.zgw_source import CLIENT_ID, PDF, SECRET

pytestmark = [pytest.mark.browser, pytest.mark.django_db(transaction=True)]

ELS = "999991589"  # a demo persona: Els de Vries


@pytest.fixture
def narrow_page(browser: Browser) -> Iterator[Page]:
    yield from _new_page(browser, 320)


def test_a_citizen_opens_her_external_zaak_with_its_steps_and_downloads_a_document(
    source: Any, live_server: Any, settings: Any, narrow_page: Page
) -> None:
    settings.DEMO_MODE = True
    settings.ZGW_SOURCE_LOGIN_WAIT_MS = 30_000
    types = source.published_zaaktype("ZT-EXTERN-BROWSER", documents=True)
    zaak = source.zaak_for(types, ELS, "Parkeervergunning bij de bron")
    source.status_set(zaak, types["statustypen"][1])
    source.document_for(types, zaak, titel="Ontvangstbevestiging parkeren")
    zgw_source_add(
        naam="openzaak-browser",
        zaken_api=source.root("zaken"),
        catalogi_api=source.root("catalogi"),
        documenten_api=source.root("documenten"),
        besluiten_api=source.root("besluiten"),
        client_id=CLIENT_ID,
        secret=SECRET,
    )
    ZaakFactory.create(for_bsn=ELS, omschrijving="Lokale zaak van Els")

    page = narrow_page
    page.goto(f"{live_server.url}/inloggen/")
    page.get_by_role("radio", name="Els de Vries", exact=True).check()
    page.get_by_role("button", name="Inloggen als deze persoon").click()
    expect(page.get_by_role("heading", level=1)).to_have_text("Mijn overzicht")
    page.goto(f"{live_server.url}/mijn-zaken/")
    expect(page.get_by_role("link", name="Lokale zaak van Els")).to_be_visible()
    expect(page.get_by_role("link", name="Parkeervergunning bij de bron")).to_be_visible()
    assert_accessible(page)

    page.get_by_role("link", name="Parkeervergunning bij de bron").click()
    expect(page.get_by_role("heading", level=1)).to_have_text("Parkeervergunning bij de bron")
    current = page.locator('li[aria-current="step"]')
    expect(current).to_contain_text("In behandeling")
    expect(page.locator("#last-updated")).to_be_visible()
    documents = page.get_by_role("region", name="Documenten")
    link = documents.get_by_role("link", name="Ontvangstbevestiging parkeren")
    expect(link).to_be_visible()
    assert_accessible(page)

    with page.expect_download() as download:
        link.click()
    path = download.value.path()
    assert path is not None
    with open(path, "rb") as file:
        assert file.read() == PDF
