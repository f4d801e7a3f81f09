"""Taken API 0.1.0: CRUD per kind, the polymorphic externetaken, filters, access."""

from __future__ import annotations

import pytest
from django.db import connection
from django.test.utils import CaptureQueriesContext

from mijnservices.registrations.taken.models import ExterneTaak, TaakStatus
from mijnservices.testing.api import assert_matches_official_spec
from mijnservices.testing.taken import (
    CITIZEN,
    OTHER_CITIZEN,
    ZAAK_URN,
    betaaltaak,
    formuliertaak,
    urltaak,
    vtb_client,
)

pytestmark = pytest.mark.django_db
BASE = "/taken/api/v1"

COMMON = {
    "titel": "Leges betalen",
    "einddatumHandelingsTermijn": "2099-12-31",
    "isToegewezenAan": "urn:nld:brp:bsn:999993653",
    "isGerelateerdAan": [{"urn": ZAAK_URN}],
    "handelingsPerspectief": "betalen",
}
BETAAL = {
    "bedrag": "12.50",
    "transactieomschrijving": "Leges",
    "doelrekening": {"naam": "Gemeente", "iban": "NL91ABNA0417164300"},
}


def test_creating_a_betaaltaak():
    response = vtb_client().post(
        f"{BASE}/betaaltaken", {**COMMON, "details": BETAAL}, content_type="application/json"
    )
    assert response.status_code == 201, response.json()
    assert_matches_official_spec("taken", response)
    body = response.json()
    assert body["taakSoort"] == "betaaltaak"
    assert body["status"] == "open"
    assert body["details"]["bedrag"] == "12.50"
    assert body["details"]["valuta"] == "EUR"
    assert body["url"].endswith(f"/taken/api/v1/betaaltaken/{body['uuid']}")
    assert ExterneTaak.objects.get(uuid=body["uuid"]).party_identifier == "999993653"


def test_a_taak_without_is_toegewezen_aan_is_created_as_the_spec_allows():
    # Found by fuzzing: the field is optional in Taken 0.1.0, and leaving it out was a 500.
    body = {key: value for key, value in COMMON.items() if key != "isToegewezenAan"}
    response = vtb_client().post(
        f"{BASE}/betaaltaken", {**body, "details": BETAAL}, content_type="application/json"
    )
    assert response.status_code == 201, response.json()
    assert_matches_official_spec("taken", response)
    assert "isToegewezenAan" not in response.json()


def test_a_formuliertaak_keeps_its_free_form_json_as_given():
    definitie = {"components": [{"label": "Naam", "key": "volledige_naam", "type": "text"}]}
    response = vtb_client().post(
        f"{BASE}/formuliertaken",
        {
            **COMMON,
            "details": {"formulierDefinitie": definitie, "voorinvullenGegevens": {"some_key": 1}},
        },
        content_type="application/json",
    )
    assert response.status_code == 201, response.json()
    assert_matches_official_spec("taken", response)
    details = response.json()["details"]
    assert details["formulierDefinitie"] == definitie
    assert details["voorinvullenGegevens"] == {"some_key": 1}


def test_a_betaaltaak_without_amount_is_refused_as_problem_json():
    response = vtb_client().post(
        f"{BASE}/betaaltaken",
        {**COMMON, "details": {"transactieomschrijving": "x", "doelrekening": {}}},
        content_type="application/json",
    )
    assert response.status_code == 400
    assert response["Content-Type"].startswith("application/problem+json")
    assert "details.bedrag" in [p["name"] for p in response.json()["invalidParams"]]


def test_externetaken_lists_every_kind_and_creates_by_taak_soort():
    betaaltaak()
    urltaak()
    client = vtb_client()
    response = client.get(f"{BASE}/externetaken")
    assert response.status_code == 200
    assert_matches_official_spec("taken", response)
    assert response.json()["count"] == 2
    response = client.post(
        f"{BASE}/externetaken",
        {**COMMON, "taakSoort": "urltaak", "details": {"uitvraagLink": "https://example.org/x"}},
        content_type="application/json",
    )
    assert response.status_code == 201, response.json()
    assert_matches_official_spec("taken", response)
    assert response.json()["taakSoort"] == "urltaak"


def test_a_kind_collection_lists_only_its_kind_and_filters():
    mine = urltaak(party=CITIZEN)
    urltaak(party=OTHER_CITIZEN)
    formuliertaak(party=CITIZEN)
    client = vtb_client()
    response = client.get(f"{BASE}/urltaken", {"isToegewezenAan": "urn:nld:brp:bsn:999993653"})
    assert response.status_code == 200
    assert_matches_official_spec("taken", response)
    assert [r["uuid"] for r in response.json()["results"]] == [str(mine.uuid)]
    assert client.get(f"{BASE}/urltaken", {"status": "uitgevoerd"}).json()["count"] == 0
    response = client.get(f"{BASE}/urltaken", {"einddatumHandelingsTermijn__gte": "2000-01-01"})
    assert response.json()["count"] == 2


def test_an_unknown_query_parameter_is_refused():
    assert vtb_client().get(f"{BASE}/betaaltaken", {"foo": "1"}).status_code == 400


def test_reading_updating_and_deleting_a_taak():
    taak = urltaak()
    client = vtb_client()
    url = f"{BASE}/urltaken/{taak.uuid}"
    response = client.get(url)
    assert response.status_code == 200
    assert_matches_official_spec("taken", response)
    response = client.patch(url, {"status": "uitgevoerd"}, content_type="application/json")
    assert response.status_code == 200, response.json()
    assert_matches_official_spec("taken", response)
    taak.refresh_from_db()
    assert taak.status == TaakStatus.UITGEVOERD
    response = client.put(
        url,
        {**COMMON, "titel": "Nieuw", "details": {"uitvraagLink": "https://example.org/y"}},
        content_type="application/json",
    )
    assert response.status_code == 200, response.json()
    assert response.json()["titel"] == "Nieuw"
    assert client.delete(url).status_code == 204
    assert not ExterneTaak.objects.filter(pk=taak.pk).exists()


def test_a_taak_of_another_kind_is_not_found_under_this_kind():
    taak = betaaltaak()
    assert vtb_client().get(f"{BASE}/urltaken/{taak.uuid}").status_code == 404


def test_a_client_without_the_read_scope_is_refused_on_every_read_path():
    taak = betaaltaak()
    client = vtb_client(client_id="limited", scopes=["taken.aanmaken"])
    for collection in ("betaaltaken", "externetaken"):
        assert client.get(f"{BASE}/{collection}").status_code == 403
        assert client.get(f"{BASE}/{collection}/{taak.uuid}").status_code == 403


@pytest.mark.parametrize(
    "collection", ["betaaltaken", "urltaken", "formuliertaken", "externetaken"]
)
def test_listing_takes_a_constant_number_of_queries(collection):
    client = vtb_client()
    maker = {"betaaltaken": betaaltaak, "urltaken": urltaak, "formuliertaken": formuliertaak}
    make = maker.get(collection, betaaltaak)
    make()
    client.get(f"{BASE}/{collection}")

    def count() -> int:
        with CaptureQueriesContext(connection) as ctx:
            assert client.get(f"{BASE}/{collection}").status_code == 200
        return len(ctx.captured_queries)

    one = count()
    for _ in range(5):
        make()
    assert count() == one
