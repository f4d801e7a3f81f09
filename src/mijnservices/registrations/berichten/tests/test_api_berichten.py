"""Berichten API 0.1.0: create, list with filters, read, PATCH geopendOp, access."""

from __future__ import annotations

import pytest

from mijnservices.registrations.berichten.models import Bericht
from mijnservices.testing.api import assert_matches_official_spec
from mijnservices.testing.taken import CITIZEN, OTHER_CITIZEN, ZAAK_URN, bericht, vtb_client

pytestmark = pytest.mark.django_db
BASE = "/berichten/api/v1/berichten"

NEW = {
    "onderwerp": "Uw vergunning",
    "berichtTekst": "Uw vergunning is verleend.",
    "ontvanger": "urn:nld:brp:bsn:999993653",
    "mijnOverheidBerichtenbox": False,
    "isGerelateerdAan": [{"urn": ZAAK_URN}],
    "handelingsPerspectief": "informatie_krijgen",
    "bijlagen": [
        {"informatieObject": "urn:nld:gemeente:informatieobject:uuid:1", "omschrijving": "Besluit"}
    ],
}


def test_creating_a_bericht_publishes_it():
    client = vtb_client()
    response = client.post(BASE, NEW, content_type="application/json")
    assert response.status_code == 201, response.json()
    assert_matches_official_spec("berichten", response)
    body = response.json()
    assert body["geopendOp"] is None
    assert body["bijlagen"][0]["omschrijving"] == "Besluit"
    stored = Bericht.objects.get(uuid=body["uuid"])
    assert (stored.party_kind, stored.party_identifier) == ("bsn", "999993653")


def test_an_invalid_bericht_is_refused_as_problem_json():
    client = vtb_client()
    response = client.post(BASE, {**NEW, "ontvanger": "999993653"}, content_type="application/json")
    assert response.status_code == 400
    assert response["Content-Type"].startswith("application/problem+json")
    assert [p["name"] for p in response.json()["invalidParams"]] == ["ontvanger"]


def test_listing_filters_on_ontvanger_and_geopend_op():
    mine = bericht(party=CITIZEN)
    bericht(party=OTHER_CITIZEN)
    client = vtb_client()
    response = client.get(BASE, {"ontvanger": "urn:nld:brp:bsn:999993653"})
    assert response.status_code == 200
    assert_matches_official_spec("berichten", response)
    assert [r["uuid"] for r in response.json()["results"]] == [str(mine.uuid)]
    response = client.get(BASE, {"geopendOp__isnull": "false"})
    assert response.json()["count"] == 0
    response = client.get(BASE, {"isGerelateerdAan": ZAAK_URN})
    assert response.json()["count"] == 2


@pytest.mark.parametrize(
    ("moment", "status"),
    # Found by fuzzing: PostgreSQL refuses an offset beyond ±15:59 (a 500), and year 1 with an
    # eastern offset lies before the calendar in UTC (a 500 on SQLite too).
    [("2026-01-01T00:00:00+21:06", 200), ("0001-01-01T00:00:00+21:06", 400)],
)
def test_a_date_time_filter_with_any_iso_offset_answers_without_a_server_error(moment, status):
    bericht()
    response = vtb_client().get(BASE, {"publicatiedatum__lt": moment})
    assert response.status_code == status, response.content


def test_an_unknown_query_parameter_is_refused():
    response = vtb_client().get(BASE, {"onbekend": "1"})
    assert response.status_code == 400


def test_reading_and_marking_a_bericht_opened():
    b = bericht(party=CITIZEN)
    client = vtb_client()
    response = client.get(f"{BASE}/{b.uuid}")
    assert response.status_code == 200
    assert_matches_official_spec("berichten", response)
    response = client.patch(
        f"{BASE}/{b.uuid}", {"geopendOp": "2026-11-22T10:00:00Z"}, content_type="application/json"
    )
    assert response.status_code == 200, response.json()
    assert_matches_official_spec("berichten", response)
    assert response.json()["geopendOp"].startswith("2026-11-22T")


def test_a_client_without_the_read_scope_is_refused_on_every_read_path():
    b = bericht(party=CITIZEN)
    client = vtb_client(client_id="limited", scopes=["berichten.aanmaken"])
    assert client.get(BASE).status_code == 403
    assert client.get(f"{BASE}/{b.uuid}").status_code == 403


def test_a_client_for_another_component_is_refused():
    client = vtb_client(client_id="mtk-only", scopes=["berichten.lezen"], component="mtk")
    assert client.get(BASE).status_code == 403


def test_listing_takes_a_constant_number_of_queries(django_assert_num_queries):
    client = vtb_client()
    bericht()
    client.get(BASE)  # warm the client's credentials cache

    def count() -> int:
        from django.db import connection
        from django.test.utils import CaptureQueriesContext

        with CaptureQueriesContext(connection) as ctx:
            assert client.get(BASE).status_code == 200
        return len(ctx.captured_queries)

    one = count()
    for _ in range(5):
        bericht()
    assert count() == one
