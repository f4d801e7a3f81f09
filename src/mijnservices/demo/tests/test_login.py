"""DEMO ONLY: the demo login posted from the portal's login page."""

from __future__ import annotations

import pytest
from django.test import Client

from mijnservices.portal.auth import SESSION_KEY

pytestmark = pytest.mark.django_db

DEMO_LOGIN = "/inloggen/demo/"


@pytest.fixture
def demo_mode(settings):
    settings.DEMO_MODE = True


def test_demo_login_is_refused_when_demo_mode_is_off(client: Client):
    response = client.post(DEMO_LOGIN, {"persona": "bsn:999993653"})
    assert response.status_code == 404
    assert SESSION_KEY not in client.session


@pytest.mark.usefixtures("demo_mode")
def test_demo_login_as_a_persona_goes_to_my_overview(client: Client):
    response = client.post(DEMO_LOGIN, {"persona": "bsn:999993653"})
    assert response.status_code == 302
    assert response["Location"] == "/mijn-overzicht/"
    assert client.session[SESSION_KEY]["actor"]["identifier"] == "999993653"
    assert client.session[SESSION_KEY]["auth_method"] == "demo"


@pytest.mark.usefixtures("demo_mode")
def test_demo_login_as_the_business_logs_in_with_its_kvk_number(client: Client):
    client.post(DEMO_LOGIN, {"persona": "kvk:69599084"})
    assert client.session[SESSION_KEY]["actor"]["kind"] == "kvk"
    assert client.session[SESSION_KEY]["actor"]["identifier"] == "69599084"


@pytest.mark.usefixtures("demo_mode")
def test_demo_login_with_a_typed_known_bsn_logs_in(client: Client):
    response = client.post(DEMO_LOGIN, {"bsn": " 9999 90627 "})
    assert response.status_code == 302
    assert client.session[SESSION_KEY]["actor"]["identifier"] == "999990627"
    assert client.session[SESSION_KEY]["actor"]["name"] == "Mohammed el Amrani"


@pytest.mark.usefixtures("demo_mode")
def test_demo_login_goes_to_a_safe_next_page(client: Client):
    response = client.post(DEMO_LOGIN, {"persona": "bsn:999993653", "next": "/mijn-zaken/?a=1"})
    assert response["Location"] == "/mijn-zaken/?a=1"


@pytest.mark.usefixtures("demo_mode")
def test_demo_login_ignores_a_next_page_on_another_site(client: Client):
    response = client.post(
        DEMO_LOGIN, {"persona": "bsn:999993653", "next": "https://evil.example/"}
    )
    assert response["Location"] == "/mijn-overzicht/"


@pytest.mark.usefixtures("demo_mode")
def test_invalid_bsn_keeps_the_typed_value_with_an_error_next_to_the_field(client: Client):
    response = client.post(DEMO_LOGIN, {"bsn": "123456789"})
    page = response.content.decode()
    assert response.status_code == 200
    assert "Dit is geen geldig BSN" in page
    assert 'value="123456789"' in page
    assert 'aria-invalid="true"' in page
    assert 'aria-describedby="bsn-description bsn-error"' in page
    assert SESSION_KEY not in client.session


@pytest.mark.usefixtures("demo_mode")
def test_unknown_bsn_keeps_the_typed_value_with_an_error(client: Client):
    # 111222333 passes the 11-check but is not a demo person (not in the "BRP").
    response = client.post(DEMO_LOGIN, {"bsn": "111222333"})
    page = response.content.decode()
    assert "Dit BSN staat niet in de demogegevens" in page
    assert 'value="111222333"' in page
    assert SESSION_KEY not in client.session


@pytest.mark.usefixtures("demo_mode")
def test_empty_bsn_asks_to_fill_it_in(client: Client):
    page = client.post(DEMO_LOGIN, {"bsn": ""}).content.decode()
    assert "Vul een BSN in." in page


@pytest.mark.usefixtures("demo_mode")
def test_demo_login_without_a_choice_asks_to_choose(client: Client):
    page = client.post(DEMO_LOGIN, {}).content.decode()
    assert "Kies een persoon of bedrijf om mee in te loggen." in page
    assert "<title>Fout:" in page


@pytest.mark.usefixtures("demo_mode")
def test_demo_login_refuses_a_made_up_persona(client: Client):
    response = client.post(DEMO_LOGIN, {"persona": "bsn:111222333"})
    assert response.status_code == 200
    assert SESSION_KEY not in client.session


def test_demo_login_only_accepts_post(client: Client, settings):
    settings.DEMO_MODE = True
    assert client.get(DEMO_LOGIN).status_code == 405


@pytest.mark.usefixtures("demo_mode")
def test_demo_login_as_a_representative_acts_for_the_represented_person(client: Client):
    client.post(DEMO_LOGIN, {"persona": "mandate:1"})
    session = client.session[SESSION_KEY]
    assert session["actor"]["name"] == "Kees de Vries"
    assert session["represented"]["name"] == "Els de Vries"
    assert session["mandate"] == "familie"
    assert session["mandate_zaaktypen"] == ["SUBSIDIE-GELUIDSANERING"]
    page = client.get("/mijn-zaken/").content.decode()
    assert "U handelt namens Els de Vries" in page
    assert "(familielid)" in page
