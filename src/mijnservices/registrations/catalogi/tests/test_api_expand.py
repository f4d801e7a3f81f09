"""``expand`` embeds linked resources under ``_expand``, as their details show them."""

from __future__ import annotations

import pytest
from django.db import connection
from django.test.utils import CaptureQueriesContext

from mijnservices.registrations.catalogi.models import ZaakType
from mijnservices.testing.api import api_client, assert_matches_official_spec
from mijnservices.testing.factories import published_zaaktype_with_relations

pytestmark = pytest.mark.django_db
BASE = "http://testserver/catalogi/api/v1"


@pytest.fixture
def client():
    return api_client(autorisaties=[{"component": "ztc", "scopes": ["catalogi.lezen"]}])


def test_zaaktype_detail_expands_its_types_and_nested_eigenschappen(client):
    zaaktype = published_zaaktype_with_relations()
    response = client.get(
        f"/catalogi/api/v1/zaaktypen/{zaaktype.uuid}",
        {
            "expand": "catalogus,statustypen,statustypen.eigenschappen,besluittypen,"
            "informatieobjecttypen,eigenschappen,zaakobjecttypen,roltypen,resultaattypen"
        },
    )
    assert response.status_code == 200, response.json()
    assert_matches_official_spec("catalogi", response)
    expanded = response.json()["_expand"]
    assert expanded["catalogus"]["url"] == f"{BASE}/catalogussen/{zaaktype.catalogus.uuid}"
    assert [s["volgnummer"] for s in expanded["statustypen"]] == [1, 2]
    last = expanded["statustypen"][1]
    assert last["_expand"]["eigenschappen"][0]["naam"] == "kenteken"
    assert expanded["besluittypen"][0]["omschrijving"].startswith("Vergunning")
    detail = client.get(expanded["eigenschappen"][0]["url"].removeprefix("http://testserver"))
    assert expanded["eigenschappen"][0] == detail.json()


def test_ziot_expands_the_informatieobjecttype_it_names_by_omschrijving(client):
    zaaktype = published_zaaktype_with_relations()
    ziot = zaaktype.zaaktype_informatieobjecttypen.get()
    response = client.get(
        f"/catalogi/api/v1/zaaktype-informatieobjecttypen/{ziot.uuid}",
        {"expand": "informatieobjecttype,statustype,zaaktype"},
    )
    assert_matches_official_spec("catalogi", response)
    expanded = response.json()["_expand"]
    assert expanded["informatieobjecttype"]["omschrijving"] == ziot.informatieobjecttype
    assert expanded["statustype"]["volgnummer"] == 2


def test_missing_single_relation_expands_to_an_empty_object(client):
    zaaktype = published_zaaktype_with_relations()
    eigenschap = zaaktype.eigenschappen.get()
    eigenschap.statustype = None
    eigenschap.save()
    response = client.get(
        f"/catalogi/api/v1/eigenschappen/{eigenschap.uuid}", {"expand": "statustype"}
    )
    assert response.json()["_expand"] == {"statustype": {}}
    assert_matches_official_spec("catalogi", response)


def test_unknown_expand_answers_400(client):
    response = client.get("/catalogi/api/v1/zaaktypen", {"expand": "statustypen.onbekend"})
    assert response.status_code == 400
    assert response.json()["invalidParams"][0]["name"] == "expand"
    assert_matches_official_spec("catalogi", response)


def _queries(client, url, params):
    with CaptureQueriesContext(connection) as context:
        response = client.get(url, params)
    assert response.status_code == 200
    assert_matches_official_spec("catalogi", response)
    return len(context.captured_queries)


@pytest.mark.parametrize(
    ("url", "expand"),
    [
        ("/catalogi/api/v1/zaaktypen", "catalogus,statustypen.eigenschappen,besluittypen"),
        ("/catalogi/api/v1/besluittypen", "zaaktypen,informatieobjecttypen,resultaattypen"),
        ("/catalogi/api/v1/informatieobjecttypen", "zaaktypen.roltypen,besluittypen"),
        ("/catalogi/api/v1/zaaktype-informatieobjecttypen", "informatieobjecttype,zaaktype"),
    ],
)
def test_expanded_lists_use_a_constant_number_of_queries(client, url, expand):
    def add(n):
        for _ in range(n):
            count = ZaakType.objects.count()
            published_zaaktype_with_relations(identificatie=f"ZT-{count}", suffix=f" {count}")

    add(1)
    one = _queries(client, url, {"expand": expand})
    add(29)
    assert _queries(client, url, {"expand": expand}) == one
