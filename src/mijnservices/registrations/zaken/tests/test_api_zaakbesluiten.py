"""Zaken API 1.7 zaakbesluiten: derived from Besluit.zaak, read through zaken_scope; POST
only acknowledges, DELETE refuses while the besluit still names the zaak."""

from __future__ import annotations

import pytest

from mijnservices.registrations.besluiten import services as besluiten_services
from mijnservices.registrations.besluiten.tests.helpers import besluit_fields, world
from mijnservices.registrations.zaken.tests.api_helpers import BASE, zaken_client
from mijnservices.testing.api import assert_matches_official_spec
from mijnservices.testing.factories import ZaakFactory, published_zaaktype

pytestmark = pytest.mark.django_db
ALL = ["zaken.lezen", "zaken.bijwerken"]


def _besluit_url(besluit):
    return f"http://testserver/besluiten/api/v1/besluiten/{besluit.uuid}"


@pytest.fixture
def setup():
    zaaktype, besluittype, _ = world()
    zaak = ZaakFactory(zaaktype=zaaktype)
    besluit = besluiten_services.besluit_create(**besluit_fields(besluittype, zaak=zaak))
    other = besluiten_services.besluit_create(**besluit_fields(besluittype))
    return zaaktype, zaak, besluit, other


def test_list_and_read_follow_the_besluit(setup):
    zaaktype, zaak, besluit, other = setup
    client = zaken_client(zaaktypen={zaaktype: (ALL, "zeer_geheim")})
    response = client.get(f"{BASE}/zaken/{zaak.uuid}/besluiten")
    assert response.status_code == 200, response.content
    assert_matches_official_spec("zaken", response)
    assert [item["besluit"] for item in response.json()] == [_besluit_url(besluit)]

    detail = client.get(f"{BASE}/zaken/{zaak.uuid}/besluiten/{besluit.uuid}")
    assert detail.status_code == 200
    assert_matches_official_spec("zaken", detail)
    assert detail.json()["uuid"] == str(besluit.uuid)
    assert client.get(f"{BASE}/zaken/{zaak.uuid}/besluiten/{other.uuid}").status_code == 404

    # No second copy: once the besluit is deleted, the zaakbesluit is gone.
    besluiten_services.besluit_delete(besluit=besluit)
    assert client.get(f"{BASE}/zaken/{zaak.uuid}/besluiten").json() == []


def test_expand_answers_400(setup):
    zaaktype, zaak, _, _ = setup
    client = zaken_client(zaaktypen={zaaktype: (ALL, "zeer_geheim")})
    response = client.get(f"{BASE}/zaken/{zaak.uuid}/besluiten?expand=besluit")
    assert response.status_code == 400
    assert client.get(f"{BASE}/zaken/{zaak.uuid}/besluiten?foo=1").status_code == 400


def test_a_limited_client_sees_nothing_of_other_zaaktypen(setup):
    zaaktype, zaak, besluit, _ = setup
    client = zaken_client(zaaktypen={published_zaaktype(): (ALL, "zeer_geheim")})
    assert client.get(f"{BASE}/zaken/{zaak.uuid}/besluiten").status_code == 403
    assert client.get(f"{BASE}/zaken/{zaak.uuid}/besluiten/{besluit.uuid}").status_code == 403
    body = {"besluit": _besluit_url(besluit)}
    assert (
        client.post(f"{BASE}/zaken/{zaak.uuid}/besluiten", body, "application/json").status_code
        == 403
    )
    reader = zaken_client(
        client_id="reader", zaaktypen={zaaktype: (["zaken.lezen"], "zeer_geheim")}
    )
    assert (
        reader.post(f"{BASE}/zaken/{zaak.uuid}/besluiten", body, "application/json").status_code
        == 403
    )


def test_create_acknowledges_only_a_besluit_naming_the_zaak(setup):
    zaaktype, zaak, besluit, other = setup
    client = zaken_client(zaaktypen={zaaktype: (ALL, "zeer_geheim")})
    url = f"{BASE}/zaken/{zaak.uuid}/besluiten"
    response = client.post(url, {"besluit": _besluit_url(besluit)}, "application/json")
    assert response.status_code == 201, response.content
    assert_matches_official_spec("zaken", response)
    assert response.json()["besluit"] == _besluit_url(besluit)

    for wrong in (_besluit_url(other), "https://elders.example/besluiten/api/v1/besluiten/x"):
        response = client.post(url, {"besluit": wrong}, "application/json")
        assert response.status_code == 400, wrong
    assert [item["besluit"] for item in client.get(url).json()] == [_besluit_url(besluit)]


def test_delete_only_when_the_besluit_no_longer_names_the_zaak(setup):
    zaaktype, zaak, besluit, _ = setup
    client = zaken_client(zaaktypen={zaaktype: (ALL, "zeer_geheim")})
    url = f"{BASE}/zaken/{zaak.uuid}/besluiten/{besluit.uuid}"
    assert client.delete(url).status_code == 400
    assert client.get(url).status_code == 200
    besluiten_services.besluit_delete(besluit=besluit)
    assert client.delete(url).status_code == 404
