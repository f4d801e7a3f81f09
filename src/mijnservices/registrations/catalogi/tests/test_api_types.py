"""Catalogussen, statustypen, resultaattypen, roltypen and informatieobjecttypen over the API."""

from __future__ import annotations

import pytest

from mijnservices.testing.api import api_client, assert_matches_official_spec
from mijnservices.testing.factories import CatalogusFactory, published_zaaktype

pytestmark = pytest.mark.django_db
BASE = "http://testserver/catalogi/api/v1"


@pytest.fixture
def client():
    return api_client(
        autorisaties=[{"component": "ztc", "scopes": ["catalogi.lezen", "catalogi.schrijven"]}]
    )


def test_catalogus_is_created_and_read(client):
    response = client.post(
        "/catalogi/api/v1/catalogussen",
        {"domein": "GEM", "rsin": "002220647", "contactpersoonBeheerNaam": "Beheer"},
        content_type="application/json",
    )
    assert response.status_code == 201, response.json()
    assert_matches_official_spec("catalogi", response)
    detail = client.get(response.json()["url"].removeprefix("http://testserver"))
    assert_matches_official_spec("catalogi", detail)
    assert client.get("/catalogi/api/v1/catalogussen?domein=GEM").json()["count"] == 1
    assert client.get("/catalogi/api/v1/catalogussen?rsin__in=1,2").json()["count"] == 0


def test_details_of_every_type_match_the_official_spec(client):
    zaaktype = published_zaaktype()
    for kind, items in (
        ("statustypen", zaaktype.statustypen.all()),
        ("resultaattypen", zaaktype.resultaattypen.all()),
        ("roltypen", zaaktype.roltypen.all()),
    ):
        response = client.get(f"/catalogi/api/v1/{kind}/{items[0].uuid}")
        assert response.status_code == 200
        assert_matches_official_spec("catalogi", response)


def test_last_statustype_is_the_eindstatus(client):
    zaaktype = published_zaaktype(steps=3)
    results = client.get(
        "/catalogi/api/v1/statustypen", {"zaaktype": f"{BASE}/zaaktypen/{zaaktype.uuid}"}
    ).json()["results"]
    assert [r["isEindstatus"] for r in sorted(results, key=lambda r: r["volgnummer"])] == [
        False,
        False,
        True,
    ]


def test_types_of_a_published_zaaktype_cannot_change_or_go(client):
    zaaktype = published_zaaktype()
    roltype = zaaktype.roltypen.all()[0]
    url = f"/catalogi/api/v1/roltypen/{roltype.uuid}"
    changed = client.patch(url, {"omschrijving": "Anders"}, content_type="application/json")
    assert changed.status_code == 400
    assert changed.json()["invalidParams"][0]["code"] == "non-concept-zaaktype"
    assert client.delete(url).status_code == 400


def test_roltypen_filter_on_omschrijving_generiek(client):
    published_zaaktype()
    response = client.get("/catalogi/api/v1/roltypen?omschrijvingGeneriek=initiator")
    assert response.json()["count"] == 1
    assert_matches_official_spec("catalogi", response)


def test_informatieobjecttype_publish_flow(client):
    catalogus = CatalogusFactory()
    created = client.post(
        "/catalogi/api/v1/informatieobjecttypen",
        {
            "catalogus": f"{BASE}/catalogussen/{catalogus.uuid}",
            "omschrijving": "Aanvraagformulier",
            "vertrouwelijkheidaanduiding": "openbaar",
            "beginGeldigheid": "2025-01-01",
            "informatieobjectcategorie": "formulier",
        },
        content_type="application/json",
    )
    assert created.status_code == 201, created.json()
    url = created.json()["url"].removeprefix("http://testserver")
    published = client.post(f"{url}/publish", {}, content_type="application/json")
    assert published.status_code == 200
    assert published.json()["concept"] is False
    assert_matches_official_spec("catalogi", published)
    assert client.delete(url).status_code == 400
    assert client.get("/catalogi/api/v1/informatieobjecttypen").json()["count"] == 1
