"""MijnTaken API 0.1.0: context/zoek and taken/{uuid} over the Taken registration."""

from __future__ import annotations

import pytest
from django.db import connection
from django.test.utils import CaptureQueriesContext

from mijnservices.registrations.taken.services import taak_complete
from mijnservices.testing.api import assert_matches_official_spec
from mijnservices.testing.taken import (
    BUSINESS,
    CITIZEN,
    OTHER_CITIZEN,
    ZAAK_URN,
    betaaltaak,
    formuliertaak,
    urltaak,
    vtb_client,
)

pytestmark = pytest.mark.django_db
BASE = "/mijn-taken/api/v1"


def mtk_client(**kw):
    return vtb_client(
        client_id=kw.pop("client_id", "portal"),
        scopes=kw.pop("scopes", ["mijntaken.lezen"]),
        component="mtk",
    )


def zoek(client, body):
    return client.post(f"{BASE}/context/zoek", body, content_type="application/json")


def test_a_citizen_gets_only_their_own_taken():
    mine = betaaltaak(party=CITIZEN)
    betaaltaak(party=OTHER_CITIZEN)
    urltaak(party=BUSINESS)
    response = zoek(mtk_client(), {"klantId": "urn:nld:brp:bsn:999993653", "include": ["taken"]})
    assert response.status_code == 200
    assert response["API-Version"] == "0.1.0"
    assert_matches_official_spec("mijn-taken", response)
    taken = response.json()["taken"]
    assert [t["uuid"] for t in taken] == [str(mine.uuid)]
    assert taken[0]["titel"] == {"nl": mine.titel}
    assert taken[0]["status"] == "open"
    assert taken[0]["deadline"].endswith("T23:59:59+01:00")
    assert taken[0]["context"] == {"urn": ZAAK_URN}
    assert taken[0]["uitvoering"]["type"] == "betaling"


def test_a_bare_bsn_works_as_klant_id_and_status_maps_to_afgerond():
    taak = urltaak(party=CITIZEN)
    taak_complete(taak=taak)
    response = zoek(mtk_client(), {"klantId": "999993653"})
    assert_matches_official_spec("mijn-taken", response)
    [item] = response.json()["taken"]
    assert item["status"] == "afgerond"
    assert item["uitvoering"] == {
        "type": "extern",
        "fallbackUrl": "https://formulieren.example/aanvullen",
    }


def test_context_id_narrows_to_one_zaak():
    urltaak(party=CITIZEN)
    other = urltaak(party=CITIZEN, is_gerelateerd_aan="urn:nld:gemeente:zaken:zaak:ANDERE")
    response = zoek(
        mtk_client(), {"klantId": "999993653", "contextId": "urn:nld:gemeente:zaken:zaak:ANDERE"}
    )
    assert [t["uuid"] for t in response.json()["taken"]] == [str(other.uuid)]


def test_an_unknown_include_type_is_left_out():
    urltaak(party=CITIZEN)
    response = zoek(mtk_client(), {"klantId": "999993653", "include": ["contactmomenten"]})
    assert response.status_code == 200
    assert response.json() == {}


def test_a_missing_klant_id_is_a_problem():
    response = zoek(mtk_client(), {})
    assert response.status_code == 400
    assert response["Content-Type"].startswith("application/problem+json")
    assert_matches_official_spec("mijn-taken", response)


def test_an_unknown_klant_id_finds_nothing():
    urltaak(party=CITIZEN)
    assert zoek(mtk_client(), {"klantId": "someone"}).json() == {"taken": []}


def test_retrieving_a_formuliertaak_gives_its_form():
    taak = formuliertaak(party=CITIZEN)
    response = mtk_client().get(f"{BASE}/taken/{taak.uuid}")
    assert response.status_code == 200
    assert_matches_official_spec("mijn-taken", response)
    uitvoering = response.json()["uitvoering"]
    assert uitvoering["type"] == "formulier"
    assert uitvoering["schema"]["components"][0]["key"] == "naam"


def test_retrieving_someone_elses_taak_with_klant_id_is_not_found():
    taak = betaaltaak(party=OTHER_CITIZEN)
    client = mtk_client()
    response = client.get(f"{BASE}/taken/{taak.uuid}", {"klantId": "999993653"})
    assert response.status_code == 404
    assert_matches_official_spec("mijn-taken", response)
    assert client.get(f"{BASE}/taken/{taak.uuid}", {"klantId": "111222333"}).status_code == 200


def test_a_client_without_mijntaken_scope_is_refused_on_every_read_path():
    taak = betaaltaak(party=CITIZEN)
    client = mtk_client(client_id="limited", scopes=["iets.anders"])
    assert zoek(client, {"klantId": "999993653"}).status_code == 403
    assert client.get(f"{BASE}/taken/{taak.uuid}").status_code == 403
    vtb_only = vtb_client(client_id="vtb-only", scopes=["taken.lezen"])
    assert zoek(vtb_only, {"klantId": "999993653"}).status_code == 403


def test_an_unauthenticated_call_is_refused():
    from django.test import Client

    response = Client().post(
        f"{BASE}/context/zoek", {"klantId": "1"}, content_type="application/json"
    )
    assert response.status_code in (401, 403)


def test_searching_takes_a_constant_number_of_queries():
    client = mtk_client()
    betaaltaak(party=CITIZEN)
    zoek(client, {"klantId": "999993653"})

    def count() -> int:
        with CaptureQueriesContext(connection) as ctx:
            assert zoek(client, {"klantId": "999993653"}).status_code == 200
        return len(ctx.captured_queries)

    one = count()
    for _ in range(5):
        urltaak(party=CITIZEN)
    assert count() == one
