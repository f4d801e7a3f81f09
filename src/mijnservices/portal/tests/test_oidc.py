"""DigiD and eHerkenning login against a real OpenID provider on loopback (no mocked HTTP).

The test client plays the browser on our side; ``requests`` (trusting the provider's
throwaway certificate) plays it at the broker, where a test identity is picked.
"""

from __future__ import annotations

import copy
import re
from collections.abc import Iterator
from html import unescape
from typing import Any
from urllib.parse import parse_qs, urlparse

import pytest
import requests
from django.test import Client

from mijnservices.portal.auth import OIDC_SESSION_KEY, SESSION_KEY, current_citizen
from mijnservices.testing.factories import ZaakFactory
from mijnservices.testing.oidc_provider import LocalOidcProvider, running_provider
from mijnservices.ui.oidc import forget_discovery

pytestmark = pytest.mark.django_db

CALLBACKS = [
    "http://testserver/inloggen/digid/terug/",
    "http://testserver/inloggen/eherkenning/terug/",
]
USERS = {
    "citizen": {"bsn": "999993653"},
    "no-bsn": {"email": "iemand@example.org"},
    "business": {"kvk": "69599084", "vestiging": "000012345678"},
    "representative": {
        "bsn": "999995078",
        "represented_bsn": "999990627",
        "mandate": "bewindvoering",
    },
}


@pytest.fixture
def broker(settings: Any) -> Iterator[LocalOidcProvider]:
    provider = LocalOidcProvider(
        client_id="mijnservices",
        client_secret="broker-secret",
        redirect_uris=CALLBACKS,
        users=USERS,
        post_logout_redirect_uris=["http://testserver/inloggen/"],
    )
    with running_provider(provider) as op:
        oidc = copy.deepcopy(settings.OIDC)
        oidc["ca_bundle"] = str(op.ca_file)
        for name in ("digid", "eherkenning"):
            oidc["providers"][name].update(
                discovery_url=f"{op.base_url}/.well-known/openid-configuration",
                client_id="mijnservices",
                client_secret="broker-secret",
            )
        oidc["providers"]["digid"].update(
            represented_bsn_claim="represented_bsn", mandate_claim="mandate"
        )
        settings.OIDC = oidc
        forget_discovery()
        yield op
        forget_discovery()


def _at_broker(op: LocalOidcProvider, authorize_url: str, user: str) -> str:
    """Pick ``user`` on the broker's test login page; returns where the broker sends us."""
    page = requests.get(authorize_url, verify=str(op.ca_file), timeout=5)
    assert page.status_code == 200, page.text
    request_value = unescape(re.search(r"name='request' value='([^']*)'", page.text).group(1))
    answer = requests.post(
        f"{op.base_url}/authorize",
        data={"request": request_value, "user": user},
        verify=str(op.ca_file),
        allow_redirects=False,
        timeout=5,
    )
    assert answer.status_code == 302, answer.text
    return answer.headers["Location"]


def _log_in(client: Client, op: LocalOidcProvider, method: str, user: str, next_url: str = ""):
    start = client.get(f"/inloggen/{method}/" + (f"?next={next_url}" if next_url else ""))
    assert start.status_code == 302
    assert start["Location"].startswith(f"{op.base_url}/authorize?")
    back = urlparse(_at_broker(op, start["Location"], user))
    assert f"{back.scheme}://{back.netloc}{back.path}" in CALLBACKS
    return client.get(f"{back.path}?{back.query}")


def test_login_buttons_appear_only_when_a_broker_is_configured(client: Client, broker):
    page = client.get("/inloggen/").content.decode()
    assert 'href="/inloggen/digid/"' in page
    assert 'href="/inloggen/eherkenning/"' in page


def test_login_start_is_not_found_while_the_broker_is_not_configured(client: Client):
    assert client.get("/inloggen/digid/").status_code == 404
    assert client.get("/inloggen/eherkenning/terug/?code=x&state=y").status_code == 404


def test_digid_login_logs_the_citizen_in_without_a_django_user(client: Client, broker):
    from django.contrib.auth import get_user_model

    own = ZaakFactory.create(for_bsn="999993653")
    response = _log_in(client, broker, "digid", "citizen", next_url="/mijn-zaken/")
    assert response.status_code == 302
    assert response["Location"] == "/mijn-zaken/"
    citizen = current_citizen(client.get("/mijn-zaken/").wsgi_request)
    assert citizen is not None
    assert citizen.auth_method == "digid"
    assert citizen.actor.identifier == "999993653"
    assert citizen.represented is None
    assert get_user_model().objects.count() == 0
    assert own.identificatie in client.get("/mijn-zaken/").content.decode()


def test_eherkenning_login_keeps_the_vestiging(client: Client, broker):
    response = _log_in(client, broker, "eherkenning", "business")
    assert response.status_code == 302
    session = client.session[SESSION_KEY]
    assert session["auth_method"] == "eherkenning"
    assert session["actor"]["kind"] == "kvk"
    assert session["actor"]["identifier"] == "69599084"
    assert session["actor"]["vestiging"] == "000012345678"


def test_digid_machtiging_acts_for_the_represented_person(client: Client, broker):
    theirs = ZaakFactory.create(for_bsn="999990627", omschrijving="Zaak van de vertegenwoordigde")
    mine = ZaakFactory.create(for_bsn="999995078", omschrijving="Eigen zaak")
    _log_in(client, broker, "digid", "representative")
    session = client.session[SESSION_KEY]
    assert session["actor"]["identifier"] == "999995078"
    assert session["represented"]["identifier"] == "999990627"
    assert session["mandate"] == "bewindvoering"
    page = client.get("/mijn-zaken/").content.decode()
    assert theirs.identificatie in page
    assert mine.identificatie not in page
    assert "U handelt namens de persoon met BSN eindigend op 627" in page
    assert "999990627" not in page


def test_missing_bsn_claim_shows_a_clear_error_page(client: Client, broker):
    response = _log_in(client, broker, "digid", "no-bsn")
    page = response.content.decode()
    assert response.status_code == 403
    assert "Inloggen is niet gelukt" in page
    assert "DigiD heeft ons uw burgerservicenummer (BSN) niet doorgegeven" in page
    assert SESSION_KEY not in client.session


def test_a_callback_with_an_unknown_state_is_refused_with_a_page(client: Client, broker):
    start = client.get("/inloggen/digid/")
    back = urlparse(_at_broker(broker, start["Location"], "citizen"))
    query = parse_qs(back.query)
    response = client.get(back.path, {"code": query["code"][0], "state": "forged"})
    assert response.status_code == 400
    assert "Uw inlogpoging is verlopen" in response.content.decode()
    assert SESSION_KEY not in client.session
    # The real state can no longer be used either: one try per state.
    again = client.get(back.path, {"code": query["code"][0], "state": query["state"][0]})
    assert again.status_code == 302 or SESSION_KEY in client.session


def test_a_callback_with_an_error_from_the_broker_says_so(client: Client, broker):
    response = client.get("/inloggen/digid/terug/", {"error": "access_denied", "state": "x"})
    assert response.status_code == 400
    assert "Inloggen is gestopt of niet gelukt" in response.content.decode()


def test_a_broker_that_is_down_gives_a_page_not_a_500(client: Client, settings):
    oidc = copy.deepcopy(settings.OIDC)
    oidc["providers"]["digid"].update(
        discovery_url="https://127.0.0.1:9/.well-known/openid-configuration", client_id="x"
    )
    oidc["timeout"] = 2
    settings.OIDC = oidc
    forget_discovery()
    response = client.get("/inloggen/digid/")
    assert response.status_code == 503
    assert "Inloggen lukt nu niet" in response.content.decode()


def test_logout_ends_the_session_at_the_broker_too(client: Client, broker):
    _log_in(client, broker, "digid", "citizen")
    id_token = client.session[OIDC_SESSION_KEY]["id_token"]
    response = client.post("/uitloggen/")
    assert SESSION_KEY not in client.session
    location = response["Location"]
    assert location.startswith(f"{broker.base_url}/logout?")
    back = requests.get(location, verify=str(broker.ca_file), allow_redirects=False, timeout=5)
    assert back.headers["Location"] == "http://testserver/inloggen/"
    assert broker.logouts[-1]["id_token_hint"] == id_token
    assert broker.logouts[-1]["post_logout_redirect_uri"] == "http://testserver/inloggen/"
    assert "U bent uitgelogd." in client.get("/inloggen/").content.decode()
