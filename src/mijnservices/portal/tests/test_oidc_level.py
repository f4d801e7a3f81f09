"""The login level comes from the broker's claim (its name configurable, OIDC_LEVEL_CLAIM): a
DigiD Midden login sees a zaak that asks Substantieel only as existing; a Substantieel login
sees it whole (decision 0036). Real HTTP to the local OpenID provider."""

from __future__ import annotations

import copy
import re
from collections.abc import Iterator
from html import unescape
from typing import Any
from urllib.parse import quote

import pytest
from django.test import Client

from mijnservices.portal.tests.test_oidc import CALLBACKS, _log_in
from mijnservices.services.presentation.services import presentation_update
from mijnservices.testing.factories import ZaakFactory, published_zaaktype
from mijnservices.testing.oidc_provider import LocalOidcProvider, running_provider
from mijnservices.ui.oidc import forget_discovery

pytestmark = pytest.mark.django_db

MIDDEN = "urn:oasis:names:tc:SAML:2.0:ac:classes:MobileTwoFactorContract"
SUBSTANTIEEL = "urn:oasis:names:tc:SAML:2.0:ac:classes:Smartcard"
USERS = {
    "midden": {"bsn": "999993653", "betrouwbaarheid": MIDDEN},
    "substantieel": {"bsn": "999993653", "betrouwbaarheid": SUBSTANTIEEL},
}


@pytest.fixture
def broker(settings: Any) -> Iterator[LocalOidcProvider]:
    provider = LocalOidcProvider(
        client_id="mijnservices",
        client_secret="broker-secret",
        redirect_uris=CALLBACKS,
        users=USERS,
    )
    with running_provider(provider) as op:
        oidc = copy.deepcopy(settings.OIDC)
        oidc["ca_bundle"] = str(op.ca_file)
        oidc["level_claim"] = "betrouwbaarheid"  # a broker that names the claim its own way
        oidc["providers"]["digid"].update(
            discovery_url=f"{op.base_url}/.well-known/openid-configuration",
            client_id="mijnservices",
            client_secret="broker-secret",
        )
        settings.OIDC = oidc
        forget_discovery()
        yield op
        forget_discovery()


def test_a_midden_login_is_asked_to_log_in_again_for_a_substantieel_zaak(client: Client, broker):
    zaaktype = published_zaaktype(identificatie="ZT-WMO", steps=3)
    zaak = ZaakFactory.create(for_bsn="999993653", zaaktype=zaaktype)
    presentation_update(identificatie="ZT-WMO", fields={"auth_level": "digid_substantieel"})

    _log_in(client, broker, "digid", "midden")
    response = client.get(f"/mijn-zaken/{zaak.uuid}/")
    assert response.status_code == 403
    assert "DigiD Substantieel" in response.content.decode()
    assert "Uitleg bij stap" not in response.content.decode()
    # "Log in again" goes straight to DigiD, asking the broker for Substantieel.
    step_up = re.search(r'href="(/inloggen/digid/\?[^"]+)"', response.content.decode())
    assert step_up is not None
    start = client.get(unescape(step_up.group(1)))
    assert "acr_values=" + quote(SUBSTANTIEEL, safe="") in start["Location"]

    _log_in(client, broker, "digid", "substantieel")
    response = client.get(f"/mijn-zaken/{zaak.uuid}/")
    assert response.status_code == 200
    assert "Uitleg bij stap 1" in response.content.decode()
