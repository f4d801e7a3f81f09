"""The login page (with the demo login section in demo mode) and logging out."""

from __future__ import annotations

import pytest
from django.test import Client

from mijnservices.portal.auth import SESSION_KEY, current_citizen

pytestmark = pytest.mark.django_db

LOGIN = "/inloggen/"
DEMO_LOGIN = "/inloggen/demo/"


def test_login_page_without_brokers_shows_no_buttons_and_says_so(client: Client):
    page = client.get(LOGIN).content.decode()
    assert "Inloggen met DigiD of eHerkenning is op deze website nog niet ingesteld." in page
    assert "/inloggen/digid/" not in page
    assert "/inloggen/eherkenning/" not in page


def test_login_page_hides_the_demo_login_outside_demo_mode(client: Client):
    page = client.get(LOGIN).content.decode()
    assert "Demo-inloggen" not in page
    assert DEMO_LOGIN not in page
    assert "Suzanne Jansen" not in page


@pytest.mark.usefixtures("demo_mode")
def test_login_page_in_demo_mode_offers_labelled_personas_with_descriptions(client: Client):
    page = client.get(LOGIN).content.decode()
    assert "Demo-inloggen — alleen voor demonstratie, geen echte DigiD" in page
    assert "Suzanne Jansen" in page
    assert "Bezwaar WOZ-waarde en subsidie geluidsanering" in page
    assert "Bakkerij De Korenaar B.V." in page
    assert "DEMO" in page


def test_logout_only_accepts_post(client: Client, login_as):
    login_as("999993653")
    assert client.get("/uitloggen/").status_code == 405
    assert current_citizen_id(client) == "999993653"


def test_logout_ends_the_session_and_says_so(client: Client, login_as):
    login_as("999993653")
    response = client.post("/uitloggen/", follow=True)
    assert response.redirect_chain[-1][0] == LOGIN
    assert "U bent uitgelogd." in response.content.decode()
    assert SESSION_KEY not in client.session
    assert client.get("/mijn-zaken/").status_code == 302


def current_citizen_id(client: Client) -> str | None:
    response = client.get("/mijn-zaken/")
    citizen = current_citizen(response.wsgi_request)
    return citizen.party.identifier if citizen else None


@pytest.mark.usefixtures("demo_mode")
def test_login_page_in_demo_mode_offers_the_demo_machtigingen(client: Client):
    page = client.get(LOGIN).content.decode()
    assert "Kees de Vries namens Els de Vries" in page
    assert "Machtiging als familielid." in page
    assert "Anna Bakker namens Mohammed el Amrani" in page


def test_login_page_says_when_the_session_ended_by_itself(client: Client, login_as):
    login_as("999993653")
    client.get("/mijn-zaken/")  # sets the "was logged in" marker
    client.session.flush()  # what the idle timeout does
    client.cookies.pop("sessionid", None)
    response = client.get("/mijn-zaken/", follow=True)
    page = response.content.decode()
    assert "U bent automatisch uitgelogd, omdat u 15 minuten niets heeft gedaan." in page
    # Said once: the marker is gone now.
    assert "automatisch uitgelogd" not in client.get(LOGIN).content.decode()


def test_login_page_after_an_explicit_logout_does_not_speak_of_a_timeout(client, login_as):
    login_as("999993653")
    client.get("/mijn-zaken/")
    page = client.post("/uitloggen/", follow=True).content.decode()
    assert "U bent uitgelogd." in page
    assert "automatisch uitgelogd" not in page
