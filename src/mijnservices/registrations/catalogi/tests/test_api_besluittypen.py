"""Besluittypen over the API: CRUD, publish flow, relations by omschrijving."""

from __future__ import annotations

import pytest

from mijnservices.registrations.catalogi import services
from mijnservices.testing.api import api_client, assert_matches_official_spec
from mijnservices.testing.catalogi import concept_zaaktype
from mijnservices.testing.factories import CatalogusFactory, published_zaaktype_with_relations

pytestmark = pytest.mark.django_db
BASE = "http://testserver/catalogi/api/v1"
URL = "/catalogi/api/v1/besluittypen"


@pytest.fixture
def client():
    return api_client(
        autorisaties=[{"component": "ztc", "scopes": ["catalogi.lezen", "catalogi.schrijven"]}]
    )


def _iot(catalogus, omschrijving="Besluit", *, publish=True):
    from datetime import date

    iot = services.informatieobjecttype_create(
        catalogus=catalogus,
        omschrijving=omschrijving,
        begin_geldigheid=date(2024, 1, 1),
        informatieobjectcategorie="besluit",
    )
    return services.informatieobjecttype_publish(informatieobjecttype=iot) if publish else iot


def _payload(catalogus, **overrides):
    data = {
        "catalogus": f"{BASE}/catalogussen/{catalogus.uuid}",
        "omschrijving": "Parkeervergunning",
        "publicatieIndicatie": False,
        "informatieobjecttypen": ["Besluit"],
        "beginGeldigheid": "2025-01-01",
        "reactietermijn": "P6W",
    }
    return {**data, **overrides}


def test_besluittype_publish_flow_and_published_besluittype_is_frozen(client):
    catalogus = CatalogusFactory()
    iot = _iot(catalogus, publish=False)
    created = client.post(URL, _payload(catalogus), content_type="application/json")
    assert created.status_code == 201, created.json()
    assert_matches_official_spec("catalogi", created)
    body = created.json()
    assert body["concept"] is True
    assert body["informatieobjecttypen"] == [f"{BASE}/informatieobjecttypen/{iot.uuid}"]
    assert body["vastgelegdIn"] == ["Besluit"]
    url = body["url"].removeprefix("http://testserver")
    published = client.post(f"{url}/publish", {}, content_type="application/json")
    assert published.status_code == 200, published.json()
    assert_matches_official_spec("catalogi", published)
    assert (
        client.patch(url, {"toelichting": "x"}, content_type="application/json").json()[
            "invalidParams"
        ][0]["code"]
        == "non-concept-object"
    )
    ended = client.patch(url, {"eindeGeldigheid": "2030-12-31"}, content_type="application/json")
    assert ended.status_code == 200
    assert client.delete(url).status_code == 400
    detail = client.get(url)
    assert_matches_official_spec("catalogi", detail)


def test_a_besluittype_publishes_while_its_informatieobjecttypen_are_concepts(client):
    catalogus = CatalogusFactory()
    _iot(catalogus, publish=False)
    created = client.post(URL, _payload(catalogus), content_type="application/json")
    url = created.json()["url"].removeprefix("http://testserver")
    published = client.post(f"{url}/publish", {}, content_type="application/json")
    assert published.status_code == 200, published.json()
    assert published.json()["concept"] is False


def test_informatieobjecttype_of_another_catalogus_is_refused(client):
    catalogus = CatalogusFactory()
    _iot(CatalogusFactory(domein="ANDER"))
    response = client.post(URL, _payload(catalogus), content_type="application/json")
    assert response.status_code == 400
    error = response.json()["invalidParams"][0]
    assert (error["name"], error["code"]) == ("nonFieldErrors", "relations-incorrect-catalogus")


def test_overlapping_besluittype_version_is_refused(client):
    catalogus = CatalogusFactory()
    _iot(catalogus, publish=False)
    client.post(URL, _payload(catalogus), content_type="application/json")
    again = client.post(
        URL, _payload(catalogus, beginGeldigheid="2025-06-01"), content_type="application/json"
    )
    assert again.status_code == 400
    assert again.json()["invalidParams"][0]["code"] == "overlap"


def test_besluittype_shows_the_zaaktypen_and_resultaattypen_that_name_it(client):
    zaaktype = published_zaaktype_with_relations()
    besluittype = zaaktype.catalogus.besluittypen.get()
    body = client.get(f"{URL}/{besluittype.uuid}").json()
    assert body["zaaktypen"] == [f"{BASE}/zaaktypen/{zaaktype.uuid}"]
    assert body["zaaktypeIdentificaties"] == [zaaktype.identificatie]
    assert body["resultaattypen"] == [f"{BASE}/resultaattypen/{zaaktype.resultaattypen.get().uuid}"]
    iot = zaaktype.catalogus.informatieobjecttypen.get()
    iot_body = client.get(f"/catalogi/api/v1/informatieobjecttypen/{iot.uuid}").json()
    assert iot_body["besluittypen"] == [f"{BASE}/besluittypen/{besluittype.uuid}"]
    assert iot_body["zaaktypen"] == [f"{BASE}/zaaktypen/{zaaktype.uuid}"]
    catalogus = client.get(f"/catalogi/api/v1/catalogussen/{zaaktype.catalogus.uuid}")
    assert catalogus.json()["besluittypen"] == [f"{BASE}/besluittypen/{besluittype.uuid}"]
    assert_matches_official_spec("catalogi", catalogus)


def test_list_filters(client):
    zaaktype = published_zaaktype_with_relations()
    iot = zaaktype.catalogus.informatieobjecttypen.get()
    assert client.get(URL).json()["count"] == 1
    for params, expected in (
        ({"zaaktypen": f"{BASE}/zaaktypen/{zaaktype.uuid}"}, 1),
        ({"informatieobjecttypen": f"{BASE}/informatieobjecttypen/{iot.uuid}"}, 1),
        ({"catalogus": f"{BASE}/catalogussen/{zaaktype.catalogus.uuid}"}, 1),
        ({"omschrijving": "Onbekend"}, 0),
        ({"status": "concept"}, 0),
        ({"datumGeldigheid": "2023-01-01"}, 0),
    ):
        response = client.get(URL, params)
        assert response.json()["count"] == expected, params
        assert_matches_official_spec("catalogi", response)


def test_zaaktype_names_besluittypen_by_omschrijving(client):
    zaaktype = concept_zaaktype()
    besluittype = services.besluittype_create(
        catalogus=zaaktype.catalogus,
        omschrijving="Ontheffing",
        begin_geldigheid=zaaktype.begin_geldigheid,
    )
    url = f"/catalogi/api/v1/zaaktypen/{zaaktype.uuid}"
    changed = client.patch(url, {"besluittypen": ["Ontheffing"]}, content_type="application/json")
    assert changed.status_code == 200, changed.json()
    assert changed.json()["besluittypen"] == [f"{BASE}/besluittypen/{besluittype.uuid}"]
    assert changed.json()["besluittypeOmschrijving"] == ["Ontheffing"]
    unknown = client.patch(url, {"besluittypen": ["Onbekend"]}, content_type="application/json")
    assert unknown.json()["invalidParams"][0]["code"] == "does-not-exist"
