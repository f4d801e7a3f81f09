"""Bewerking and Inzage APIs 0.9: responses as the official specs say, only for a named
person, append-only, and only for clients holding the verwerkingenlogging scopes."""

from __future__ import annotations

import pytest
from django.test import Client

from mijnservices.registrations.verwerkingen.models import Verwerkingsactie
from mijnservices.testing.api import (
    TEST_SECRET,
    applicatie_with_secret,
    assert_matches_official_spec,
    token,
)

pytestmark = pytest.mark.django_db
BASE = "/verwerkingenlogging/api/v1"
BSN = "999993653"
PERSON = {"objecttype": "persoon", "soortObjectId": "BSN", "objectId": BSN}
ACTIE = {
    "actieNaam": "Inkomen opvragen",
    "handelingNaam": "Aanvraag beoordelen",
    "verwerkingNaam": "Bijzondere bijstand",
    "vertrouwelijkheid": "normaal",
    "bewaartermijn": "P10Y",
    "uitvoerder": "00000001002220647000",
    "systeem": "logger",
    "gebruiker": "logger",
    "tijdstip": "2026-11-20T10:00:00Z",
    "verwerkteObjecten": [
        {
            "objecttype": "persoon",
            "soortObjectId": "BSN",
            "objectId": BSN,
            "betrokkenheid": "aanvrager",
            "verwerkteSoortenGegevens": [{"soortGegeven": "inkomen"}],
        }
    ],
}


def _client(client_id: str, scopes: list[str]) -> Client:
    applicatie_with_secret(
        client_id=client_id, autorisaties=[{"component": "vrl", "scopes": scopes}]
    )
    return Client(headers={"Authorization": f"Bearer {token(client_id, TEST_SECRET)}"})


@pytest.fixture
def client() -> Client:
    return _client("logger", ["verwerkingenlogging.lezen", "verwerkingenlogging.aanmaken"])


def _create(client: Client):
    return client.post(f"{BASE}/verwerkingsacties", ACTIE, content_type="application/json")


def test_a_verwerkingsactie_is_registered_and_found_by_its_person(client):
    created = _create(client)
    assert created.status_code == 201, created.json()
    assert_matches_official_spec("verwerkingenlogging-bewerking", created)
    assert BSN not in str(Verwerkingsactie.objects.get().verwerkte_objecten.get().__dict__)

    listed = client.get(f"{BASE}/verwerkingsacties", PERSON)
    assert listed.status_code == 200
    assert_matches_official_spec("verwerkingenlogging-bewerking", listed)
    (found,) = listed.json()["results"]
    assert found["actieNaam"] == "Inkomen opvragen"
    assert found["verwerkteObjecten"][0]["objectId"] == BSN
    assert found["bewaartermijn"] == "P10Y"

    read = client.get(found["url"])
    assert read.status_code == 200
    assert_matches_official_spec("verwerkingenlogging-bewerking", read)

    other = client.get(f"{BASE}/verwerkingsacties", {**PERSON, "objectId": "999991589"})
    assert other.json()["count"] == 0


def test_the_system_and_user_are_filled_in_from_the_caller(client):
    fields = {key: value for key, value in ACTIE.items() if key not in ("systeem", "gebruiker")}
    created = client.post(f"{BASE}/verwerkingsacties", fields, content_type="application/json")
    assert created.status_code == 201, created.json()
    actie = Verwerkingsactie.objects.get()
    assert (actie.systeem, actie.gebruiker) == ("Test logger", "api_client:logger")


@pytest.mark.parametrize(
    ("field", "claim"), [("systeem", "Ander zaaksysteem"), ("gebruiker", "mdw-17")]
)
def test_a_verwerkingsactie_claiming_another_system_or_user_is_refused(client, field, claim):
    response = client.post(
        f"{BASE}/verwerkingsacties", {**ACTIE, field: claim}, content_type="application/json"
    )
    assert response.status_code == 400
    [error] = response.json()["invalidParams"]
    assert (error["name"], error["code"]) == (field, "client-mismatch")
    assert not Verwerkingsactie.objects.exists()


def test_reading_needs_a_named_person(client):
    response = client.get(f"{BASE}/verwerkingsacties")
    assert response.status_code == 400
    assert {p["name"] for p in response.json()["invalidParams"]} == {
        "objecttype",
        "soortObjectId",
        "objectId",
    }


def test_the_log_cannot_be_changed_or_deleted_through_the_api(client):
    url = _create(client).json()["url"]
    assert client.put(url, ACTIE, content_type="application/json").status_code == 405
    assert client.delete(url).status_code == 405
    assert Verwerkingsactie.objects.count() == 1


def test_inzage_shows_verwerkte_objecten_without_system_and_user(client):
    _create(client)
    period = {"beginDatum": "2026-11-01", "eindDatum": "2026-11-30"}
    listed = client.get(f"{BASE}/verwerkte-objecten", {**PERSON, **period})
    assert listed.status_code == 200, listed.json()
    assert_matches_official_spec("verwerkingenlogging-inzage", listed)
    (item,) = listed.json()["results"]
    assert item["objectId"] == BSN
    assert "systeem" not in item["verwerkingsactie"]
    assert "gebruiker" not in item["verwerkingsactie"]
    read = client.get(item["url"])
    assert_matches_official_spec("verwerkingenlogging-inzage", read)
    outside = client.get(
        f"{BASE}/verwerkte-objecten",
        {**PERSON, "beginDatum": "2026-12-01", "eindDatum": "2026-12-31"},
    )
    assert outside.json()["count"] == 0
    assert client.get(f"{BASE}/verwerkte-objecten", PERSON).status_code == 400


def test_a_client_without_the_scopes_is_refused(client):
    _create(client)
    reader = _client("reader", ["verwerkingenlogging.lezen"])
    stranger = _client("stranger", ["iets.anders"])
    assert reader.get(f"{BASE}/verwerkingsacties", PERSON).status_code == 200
    assert _create(reader).status_code == 403
    assert stranger.get(f"{BASE}/verwerkingsacties", PERSON).status_code == 403
    assert Client().get(f"{BASE}/verwerkingsacties", PERSON).status_code == 401


def test_list_queries_do_not_grow_with_the_page(client, django_assert_max_num_queries):
    from django.db import connection
    from django.test.utils import CaptureQueriesContext

    _create(client)
    with CaptureQueriesContext(connection) as one:
        client.get(f"{BASE}/verwerkingsacties", PERSON)
    for _ in range(10):
        _create(client)
    with CaptureQueriesContext(connection) as many:
        assert client.get(f"{BASE}/verwerkingsacties", PERSON).json()["count"] == 11
    assert len(many) == len(one)
