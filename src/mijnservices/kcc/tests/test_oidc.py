"""Employee login at the organisation's identity provider: a real OpenID Connect provider
(pyop) on loopback over TLS, as the portal's DigiD tests use."""

from __future__ import annotations

import re
from collections.abc import Iterator
from html import unescape
from typing import Any
from urllib.parse import urlparse

import pytest
import requests
from django.contrib.auth import get_user_model
from django.test import Client

from mijnservices.kcc.oidc import roles_from_claim
from mijnservices.services.access.models import EmployeeRole
from mijnservices.testing.employees import employee_create
from mijnservices.testing.oidc_provider import LocalOidcProvider, running_provider
from mijnservices.ui.oidc import forget_discovery

CALLBACK = "http://testserver/medewerker/inloggen/organisatie/terug/"
USERS = {
    "anna": {"preferred_username": "anna.kcc", "roles": ["kcc"]},
    "bert": {"preferred_username": "bert", "roles": ["behandelaar:ZT-A", "auditor", "boss"]},
    "nameless": {"roles": ["kcc"]},
}


@pytest.fixture
def idp(settings: Any, db: Any) -> Iterator[LocalOidcProvider]:
    provider = LocalOidcProvider(
        client_id="medewerkers", client_secret="idp-secret", redirect_uris=[CALLBACK], users=USERS
    )
    with running_provider(provider) as op:
        settings.EMPLOYEE_OIDC_DISCOVERY_URL = f"{op.base_url}/.well-known/openid-configuration"
        settings.EMPLOYEE_OIDC_CLIENT_ID = "medewerkers"
        settings.EMPLOYEE_OIDC_CLIENT_SECRET = "idp-secret"
        settings.EMPLOYEE_OIDC_CA_BUNDLE = str(op.ca_file)
        forget_discovery()
        yield op
        forget_discovery()


def _log_in(client: Client, op: LocalOidcProvider, user: str, next_url: str = ""):
    start = client.get(
        "/medewerker/inloggen/organisatie/" + (f"?next={next_url}" if next_url else "")
    )
    assert start.status_code == 302, start.content[:300]
    page = requests.get(start["Location"], verify=str(op.ca_file), timeout=5)
    request_value = unescape(re.search(r"name='request' value='([^']*)'", page.text).group(1))
    answer = requests.post(
        f"{op.base_url}/authorize",
        data={"request": request_value, "user": user},
        verify=str(op.ca_file),
        allow_redirects=False,
        timeout=5,
    )
    back = urlparse(answer.headers["Location"])
    return client.get(f"{back.path}?{back.query}")


def test_login_is_off_until_configured(client: Client, db: Any):
    assert client.get("/medewerker/inloggen/organisatie/").status_code == 404
    assert "organisatie" not in client.get("/medewerker/inloggen/").content.decode()


def test_the_login_page_offers_the_organisation_account_when_configured(client: Client, idp):
    assert (
        "/medewerker/inloggen/organisatie/" in client.get("/medewerker/inloggen/").content.decode()
    )


def test_a_kcc_employee_logs_in_with_the_organisation_account(client: Client, idp):
    response = _log_in(client, idp, "anna")
    assert response.status_code == 302
    assert response["Location"] == "/medewerker/"
    user = get_user_model().objects.get(username="anna.kcc")
    assert not user.has_usable_password()
    assert list(EmployeeRole.objects.filter(user=user).values_list("role", flat=True)) == ["kcc"]
    page = client.get("/medewerker/").content.decode()
    assert 'id="search-heading"' in page


def test_roles_follow_the_claim_at_every_login(client: Client, idp):
    user = employee_create("bert", roles=["kcc"])
    _log_in(client, idp, "bert", next_url="/medewerker/doorverwezen/")
    roles = dict(
        EmployeeRole.objects.filter(user=user).values_list("role", "zaaktype_identificaties")
    )
    assert roles == {"behandelaar": ["ZT-A"], "auditor": []}
    assert client.get("/medewerker/doorverwezen/").status_code == 200


def test_a_login_without_a_user_name_is_refused_with_a_page(client: Client, idp):
    response = _log_in(client, idp, "nameless")
    assert response.status_code == 403
    assert client.get("/medewerker/")["Location"].startswith("/medewerker/inloggen/")


def test_a_callback_with_an_unknown_state_is_refused(client: Client, idp):
    response = client.get("/medewerker/inloggen/organisatie/terug/?code=x&state=forged")
    assert response.status_code == 400


def test_roles_claim_mapping():
    assert roles_from_claim("kcc behandelaar:ZT-A behandelaar:ZT-B") == {
        "kcc": [],
        "behandelaar": ["ZT-A", "ZT-B"],
    }
    assert roles_from_claim(["behandelaar", "admin"]) == {}
    assert roles_from_claim(None) == {}
