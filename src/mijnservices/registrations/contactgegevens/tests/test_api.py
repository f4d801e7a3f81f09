"""Contactgegevens API 1.1.1: personen and organisaties — CRUD, validation, access."""

from __future__ import annotations

import pytest

from mijnservices.core.models import OutboxEvent
from mijnservices.registrations.contactgegevens.models import Organisatie, Persoon
from mijnservices.testing.api import assert_matches_official_spec
from mijnservices.testing.klantinteracties import kic_client

pytestmark = pytest.mark.django_db
BASE = "/contactgegevens/api/v1"
JSON = "application/json"
PERSOON = {
    "geboortedatum": "1980-02-03",
    "geslachtsnaam": "Moulin",
    "voornamen": "Suzanne",
    "geslacht": "v",
    "adres": {"straatnaam": "Dorpsstraat", "huisnummer": 1, "postcode": "1234 AB", "land": "NL"},
}


def ok(response, code=200):
    assert response.status_code == code, response.content
    assert_matches_official_spec("contactgegevens", response)
    return response.json()


def test_creating_reading_updating_and_deleting_a_persoon():
    client = kic_client()
    body = ok(client.post(f"{BASE}/persoon", PERSOON, content_type=JSON), 201)
    assert body["adres"]["postcode"] == "1234 AB"
    assert body["url"].endswith(f"{BASE}/persoon/{body['uuid']}")
    assert OutboxEvent.objects.filter(kanaal="contactgegevens", resource="persoon").exists()
    url = f"{BASE}/persoon/{body['uuid']}"
    assert ok(client.get(url))["geslachtsnaam"] == "Moulin"
    changed = ok(client.patch(url, {"overlijdensdatum": "2060-01-01"}, content_type=JSON))
    assert changed["overlijdensdatum"] == "2060-01-01"
    assert ok(client.put(url, {**PERSOON, "adres": None}, content_type=JSON))["adres"] is None
    assert ok(client.get(f"{BASE}/persoon"))["count"] == 1
    assert client.delete(url).status_code == 204
    assert not Persoon.objects.exists()


def test_a_persoon_without_geslachtsnaam_is_refused_as_problem_json():
    response = kic_client().post(
        f"{BASE}/persoon", {"geboortedatum": "1980-02-03"}, content_type=JSON
    )
    assert response.status_code == 400
    assert response["Content-Type"].startswith("application/problem+json")
    assert "geslachtsnaam" in [p["name"] for p in response.json()["invalidParams"]]


def test_a_persoon_cannot_die_before_being_born():
    response = kic_client().post(
        f"{BASE}/persoon", {**PERSOON, "overlijdensdatum": "1970-01-01"}, content_type=JSON
    )
    assert response.status_code == 400


def test_creating_and_listing_organisaties():
    client = kic_client()
    body = ok(
        client.post(
            f"{BASE}/organisatie",
            {"handelsnaam": "Test BV", "oprichtingsdatum": "2001-01-01"},
            content_type=JSON,
        ),
        201,
    )
    assert body["adres"] is None
    assert ok(client.get(f"{BASE}/organisatie"))["results"][0]["handelsnaam"] == "Test BV"
    assert client.delete(f"{BASE}/organisatie/{body['uuid']}").status_code == 204
    assert not Organisatie.objects.exists()


def test_an_unknown_query_parameter_is_refused():
    assert kic_client().get(f"{BASE}/persoon", {"bsn": "1"}).status_code == 400


def test_a_client_without_contactgegevens_scopes_is_refused():
    persoon = Persoon.objects.create(geboortedatum="1980-01-01", geslachtsnaam="X")
    client = kic_client(scopes=["klantinteracties.lezen"])
    assert client.get(f"{BASE}/persoon").status_code == 403
    assert client.get(f"{BASE}/persoon/{persoon.uuid}").status_code == 403
    reader = kic_client(client_id="reader", scopes=["contactgegevens.lezen"])
    assert reader.get(f"{BASE}/persoon/{persoon.uuid}").status_code == 200
    assert reader.post(f"{BASE}/persoon", PERSOON, content_type=JSON).status_code == 403


@pytest.mark.parametrize("rows", [1, 6])
def test_listing_personen_takes_a_constant_number_of_queries(rows, django_assert_num_queries):
    client = kic_client()
    for i in range(rows):
        Persoon.objects.create(geboortedatum="1980-01-01", geslachtsnaam=f"P{i}")
    with django_assert_num_queries(QUERIES):
        assert ok(client.get(f"{BASE}/persoon"))["count"] == rows


QUERIES = 3  # no COUNT(*) for the last page (decision 0035)
