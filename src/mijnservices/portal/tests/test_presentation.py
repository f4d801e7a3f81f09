"""What the beheerder sets in the portal presentation reaches the citizen pages on the next
request (decision 0036): step texts, switching a product off, the required login level, and
the route to a person on every page."""

from __future__ import annotations

import pytest
from django.contrib.auth import get_user_model

from mijnservices.portal.auth import SESSION_KEY
from mijnservices.services.presentation.branding import branding_update
from mijnservices.services.presentation.models import PresentationChange
from mijnservices.services.presentation.services import presentation_release, presentation_update
from mijnservices.testing.factories import ZaakFactory, published_zaaktype

pytestmark = pytest.mark.django_db
BSN = "999993653"


def _login(client, *, level: int = 0):
    session = client.session
    session[SESSION_KEY] = {
        "actor": {"kind": "bsn", "identifier": BSN, "vestiging": "", "name": "Test"},
        "auth_method": "digid",
        "represented": None,
        "level": level,
    }
    session.save()
    return client


@pytest.fixture
def zaak():
    zaaktype = published_zaaktype(identificatie="ZT-VERGUNNING", steps=3)
    return ZaakFactory(zaaktype=zaaktype, for_bsn=BSN, status_count=2)


def test_a_changed_step_text_shows_on_the_next_request_and_is_in_the_history(client, zaak):
    _login(client)
    url = f"/mijn-zaken/{zaak.uuid}/"
    assert "Uitleg bij stap 2" in client.get(url).content.decode()
    user = get_user_model().objects.create_user("beheerder1")
    presentation_update(
        identificatie="ZT-VERGUNNING",
        user=user,
        what="text",
        steps={"Stap 2": {"text_nl": "We beoordelen uw aanvraag."}},
    )
    page = client.get(url).content.decode()
    assert "We beoordelen uw aanvraag." in page
    assert "Uitleg bij stap 2" not in page
    assert PresentationChange.objects.get().changed_by == user


def test_the_public_title_of_the_presentation_names_the_zaak_in_the_overview(client, zaak):
    presentation_update(identificatie="ZT-VERGUNNING", fields={"title_nl": "Omgevingsvergunning"})
    assert "Omgevingsvergunning" in _login(client).get("/mijn-zaken/").content.decode()


def test_a_zaaktype_switched_off_leaves_the_overview_and_its_zaak_page_is_not_found(client, zaak):
    _login(client)
    assert zaak.identificatie in client.get("/mijn-zaken/").content.decode()
    presentation_release(identificatie="ZT-VERGUNNING", shown=False)
    assert zaak.identificatie not in client.get("/mijn-zaken/").content.decode()
    assert client.get(f"/mijn-zaken/{zaak.uuid}/").status_code == 404
    presentation_release(identificatie="ZT-VERGUNNING", shown=True)
    assert client.get(f"/mijn-zaken/{zaak.uuid}/").status_code == 200


def test_a_midden_login_sees_that_a_substantieel_zaak_exists_but_not_its_content(client, zaak):
    presentation_update(identificatie="ZT-VERGUNNING", fields={"auth_level": "digid_substantieel"})
    _login(client, level=2)
    assert zaak.identificatie in client.get("/mijn-zaken/").content.decode()
    response = client.get(f"/mijn-zaken/{zaak.uuid}/")
    page = response.content.decode()
    assert response.status_code == 403
    assert "DigiD Substantieel" in page
    assert zaak.identificatie in page
    assert "Uitleg bij stap" not in page and "Stap 2" not in page
    # Downloads and other pages of the zaak are refused the same way.
    assert (
        client.post(f"/mijn-zaken/{zaak.uuid}/vraag/", {"vraag": "Hoe lang nog?"}).status_code
        == 403
    )

    _login(client, level=3)
    response = client.get(f"/mijn-zaken/{zaak.uuid}/")
    assert response.status_code == 200
    assert "Uitleg bij stap 2" in response.content.decode()


def test_the_overview_shows_a_zaak_needing_a_higher_level_no_further_than_its_page(client, zaak):
    presentation_update(identificatie="ZT-VERGUNNING", fields={"auth_level": "digid_substantieel"})
    _login(client, level=2)
    for url in ("/mijn-zaken/", "/mijn-overzicht/"):
        page = client.get(url).content.decode()
        assert zaak.identificatie in page
        assert "Log in met DigiD Substantieel om deze zaak te zien" in page
        assert "Stap 2" not in page  # the status stays behind the login level

    _login(client, level=3)
    page = client.get("/mijn-zaken/").content.decode()
    assert "Stap 2" in page and "Log in met" not in page


def test_every_citizen_page_offers_a_route_to_a_person(client, zaak, settings):
    settings.CONTACT_PHONE = "14 0123"
    settings.CONTACT_FORM_URL = "https://www.example.nl/contact"
    start = client.get("/").content.decode()
    assert "14 0123" in start and 'href="tel:140123"' in start
    assert "https://www.example.nl/contact" in start
    assert "14 0123" in client.get("/bestaat-niet/").content.decode()  # the 404 page
    branding_update(values={"contact_phone": "14 0999", "privacy_url": "https://example.nl/p"})
    page = _login(client).get(f"/mijn-zaken/{zaak.uuid}/").content.decode()
    assert "14 0999" in page and "https://example.nl/p" in page


def test_the_zaak_page_names_the_department_when_the_zaaktype_allows_it(client, zaak):
    _login(client)
    assert 'id="department"' not in client.get(f"/mijn-zaken/{zaak.uuid}/").content.decode()
    presentation_update(identificatie="ZT-VERGUNNING", fields={"department": "Team Vergunningen"})
    assert "Team Vergunningen" in client.get(f"/mijn-zaken/{zaak.uuid}/").content.decode()


def test_a_zaaktype_from_an_external_source_is_presented_and_switched_off_the_same_way(client):
    zaaktype = published_zaaktype(
        identificatie="EXT-WOZ", steps=2, bron_url="https://zaken.example.nl/catalogi/zt/1"
    )
    zaak = ZaakFactory(zaaktype=zaaktype, for_bsn=BSN, status_count=1)
    presentation_update(identificatie="EXT-WOZ", steps={"Stap 1": {"text_nl": "Ontvangen."}})
    _login(client)
    assert "Ontvangen." in client.get(f"/mijn-zaken/{zaak.uuid}/").content.decode()
    presentation_release(identificatie="EXT-WOZ", shown=False)
    assert client.get(f"/mijn-zaken/{zaak.uuid}/").status_code == 404


def test_a_text_saved_by_another_web_process_shows_here_after_the_freshness_interval(
    client, zaak, settings
):
    from django.db.models import F

    from mijnservices.core.models import CacheGeneration
    from mijnservices.services.presentation.models import StepPresentation

    presentation_update(identificatie="ZT-VERGUNNING", what="seed")
    _login(client)
    url = f"/mijn-zaken/{zaak.uuid}/"
    assert "Uitleg bij stap 2" in client.get(url).content.decode()
    # Another process saves: the row changes and its signal moves the generation; nothing
    # runs in this process.
    StepPresentation.objects.filter(statustype_omschrijving="Stap 2").update(
        text_nl="Tekst uit een ander proces."
    )
    CacheGeneration.objects.filter(name="presentation").update(value=F("value") + 1)
    assert "Uitleg bij stap 2" in client.get(url).content.decode()  # within the interval
    settings.CACHE_FRESHNESS_SECONDS = 0
    assert "Tekst uit een ander proces." in client.get(url).content.decode()
