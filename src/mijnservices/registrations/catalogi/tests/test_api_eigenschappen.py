"""Eigenschappen over the API: CRUD on a concept zaaktype, frozen once published."""

from __future__ import annotations

import pytest

from mijnservices.registrations.catalogi.models import Eigenschap
from mijnservices.testing.api import api_client, assert_matches_official_spec
from mijnservices.testing.catalogi import concept_zaaktype
from mijnservices.testing.factories import published_zaaktype_with_relations

pytestmark = pytest.mark.django_db
BASE = "http://testserver/catalogi/api/v1"
URL = "/catalogi/api/v1/eigenschappen"


@pytest.fixture
def client():
    return api_client(
        autorisaties=[{"component": "ztc", "scopes": ["catalogi.lezen", "catalogi.schrijven"]}]
    )


def _payload(zaaktype, **overrides):
    data = {
        "naam": "kenteken",
        "definitie": "Kenteken van het voertuig",
        "zaaktype": f"{BASE}/zaaktypen/{zaaktype.uuid}",
        "specificatie": {
            "groep": "voertuig",
            "formaat": "tekst",
            "lengte": "8",
            "kardinaliteit": "1",
            "waardenverzameling": [],
        },
    }
    return {**data, **overrides}


def test_eigenschap_is_created_read_changed_and_deleted_on_a_concept_zaaktype(client):
    zaaktype = concept_zaaktype()
    created = client.post(URL, _payload(zaaktype), content_type="application/json")
    assert created.status_code == 201, created.json()
    assert_matches_official_spec("catalogi", created)
    assert created.json()["specificatie"]["lengte"] == "8"
    url = created.json()["url"].removeprefix("http://testserver")
    detail = client.get(url)
    assert_matches_official_spec("catalogi", detail)
    changed = client.patch(
        url,
        {"specificatie": {"formaat": "getal", "lengte": "8,2", "kardinaliteit": "N"}},
        content_type="application/json",
    )
    assert changed.status_code == 200, changed.json()
    assert changed.json()["specificatie"]["formaat"] == "getal"
    assert_matches_official_spec("catalogi", changed)
    zaaktype_detail = client.get(f"/catalogi/api/v1/zaaktypen/{zaaktype.uuid}").json()
    assert zaaktype_detail["eigenschappen"] == [created.json()["url"]]
    assert client.delete(url).status_code == 204
    assert not Eigenschap.objects.exists()


def test_eigenschap_of_a_published_zaaktype_cannot_change_or_go(client):
    eigenschap = published_zaaktype_with_relations().eigenschappen.get()
    url = f"{URL}/{eigenschap.uuid}"
    changed = client.patch(url, {"definitie": "Anders"}, content_type="application/json")
    assert changed.status_code == 400
    assert changed.json()["invalidParams"][0]["code"] == "non-concept-zaaktype"
    assert changed.json()["invalidParams"][0]["name"] == "nonFieldErrors"
    deleted = client.delete(url)
    assert deleted.status_code == 400
    assert deleted.json()["invalidParams"][0]["name"] == "nonFieldErrors"


def test_eigenschap_cannot_be_added_to_a_published_zaaktype(client):
    zaaktype = published_zaaktype_with_relations()
    response = client.post(URL, _payload(zaaktype, naam="ander"), content_type="application/json")
    assert response.status_code == 400
    assert response.json()["invalidParams"][0]["code"] == "non-concept-zaaktype"
    assert response.json()["invalidParams"][0]["name"] == "nonFieldErrors"


def test_invalid_specificatie_is_refused(client):
    zaaktype = concept_zaaktype()
    payload = _payload(zaaktype)
    payload["specificatie"] = {**payload["specificatie"], "kardinaliteit": "x"}
    response = client.post(URL, payload, content_type="application/json")
    assert response.status_code == 400
    assert response.json()["invalidParams"][0]["name"] == "specificatie.kardinaliteit"
    assert_matches_official_spec("catalogi", response)


def test_statustype_of_another_zaaktype_is_refused(client):
    zaaktype = concept_zaaktype()
    other = published_zaaktype_with_relations()
    statustype = other.statustypen.all()[0]
    response = client.post(
        URL,
        _payload(zaaktype, statustype=f"{BASE}/statustypen/{statustype.uuid}"),
        content_type="application/json",
    )
    assert response.status_code == 400
    assert response.json()["invalidParams"][0]["code"] == "zaaktype-mismatch"


def test_statustype_lists_the_eigenschappen_it_needs(client):
    zaaktype = published_zaaktype_with_relations()
    eigenschap = zaaktype.eigenschappen.get()
    response = client.get(f"/catalogi/api/v1/statustypen/{eigenschap.statustype.uuid}")
    assert response.json()["eigenschappen"] == [f"{BASE}/eigenschappen/{eigenschap.uuid}"]
    assert_matches_official_spec("catalogi", response)


def test_list_filters_on_zaaktype_and_status(client):
    published = published_zaaktype_with_relations()
    concept = concept_zaaktype()
    client.post(URL, _payload(concept), content_type="application/json")
    assert client.get(URL).json()["count"] == 1
    assert client.get(URL, {"status": "alles"}).json()["count"] == 2
    by_zaaktype = client.get(URL, {"zaaktype": f"{BASE}/zaaktypen/{published.uuid}"})
    assert by_zaaktype.json()["count"] == 1
    assert_matches_official_spec("catalogi", by_zaaktype)
    assert client.get(URL, {"datumGeldigheid": "2023-01-01"}).json()["count"] == 0
