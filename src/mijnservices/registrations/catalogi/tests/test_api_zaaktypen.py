from __future__ import annotations

import pytest
from django.db import connection
from django.test.utils import CaptureQueriesContext

from mijnservices.registrations.catalogi.models import ZaakType
from mijnservices.testing.api import api_client, assert_matches_official_spec
from mijnservices.testing.factories import (
    CatalogusFactory,
    ZaakFactory,
    published_zaaktype,
    published_zaaktype_with_relations,
)

pytestmark = pytest.mark.django_db
BASE = "http://testserver/catalogi/api/v1"


@pytest.fixture
def client():
    return api_client(
        autorisaties=[{"component": "ztc", "scopes": ["catalogi.lezen", "catalogi.schrijven"]}]
    )


def _payload(catalogus, **overrides):
    data = {
        "identificatie": "ZT-API",
        "omschrijving": "Aanvraag via API",
        "vertrouwelijkheidaanduiding": "openbaar",
        "doel": "doel",
        "aanleiding": "aanleiding",
        "indicatieInternOfExtern": "extern",
        "handelingInitiator": "aanvragen",
        "onderwerp": "Parkeren",
        "handelingBehandelaar": "behandelen",
        "doorlooptijd": "P8W",
        "servicenorm": "P30D",
        "opschortingEnAanhoudingMogelijk": False,
        "verlengingMogelijk": False,
        "publicatieIndicatie": False,
        "productenOfDiensten": [],
        "referentieproces": {"naam": "proces"},
        "verantwoordelijke": "Team Parkeren",
        "catalogus": f"{BASE}/catalogussen/{catalogus.uuid}",
        "besluittypen": [],
        "deelzaaktypen": [],
        "gerelateerdeZaaktypen": [],
        "beginGeldigheid": "2025-01-01",
    }
    return {**data, **overrides}


def test_zaaktype_created_through_the_api_is_a_concept(client):
    response = client.post(
        "/catalogi/api/v1/zaaktypen", _payload(CatalogusFactory()), content_type="application/json"
    )
    assert response.status_code == 201, response.json()
    assert_matches_official_spec("catalogi", response)
    body = response.json()
    assert body["concept"] is True
    assert body["doorlooptijd"] == "P56D"


def test_missing_required_field_answers_400_with_invalid_params(client):
    payload = _payload(CatalogusFactory())
    del payload["doel"]
    response = client.post("/catalogi/api/v1/zaaktypen", payload, content_type="application/json")
    assert response.status_code == 400
    assert {"name": "doel", "code": "required"}.items() <= response.json()["invalidParams"][
        0
    ].items()
    assert_matches_official_spec("catalogi", response)


def test_overlapping_version_is_refused(client):
    catalogus = CatalogusFactory()
    client.post("/catalogi/api/v1/zaaktypen", _payload(catalogus), content_type="application/json")
    response = client.post(
        "/catalogi/api/v1/zaaktypen",
        _payload(catalogus, beginGeldigheid="2025-06-01"),
        content_type="application/json",
    )
    assert response.status_code == 400
    assert response.json()["invalidParams"][0]["code"] == "overlap"


def test_new_version_after_the_previous_ends_is_accepted(client):
    catalogus = CatalogusFactory()
    client.post(
        "/catalogi/api/v1/zaaktypen",
        _payload(catalogus, eindeGeldigheid="2025-05-31"),
        content_type="application/json",
    )
    response = client.post(
        "/catalogi/api/v1/zaaktypen",
        _payload(catalogus, beginGeldigheid="2025-06-01"),
        content_type="application/json",
    )
    assert response.status_code == 201


def test_the_api_publishes_a_zaaktype_without_statustypen_resultaattype_or_roltype(client):
    # As Open Zaak's Catalogi API: the completeness minimum is not the API's (the VNG suites
    # publish bare zaaktypen).
    created = client.post(
        "/catalogi/api/v1/zaaktypen", _payload(CatalogusFactory()), content_type="application/json"
    )
    url = created.json()["url"].removeprefix("http://testserver")
    published = client.post(f"{url}/publish", {}, content_type="application/json")
    assert published.status_code == 200, published.json()
    assert published.json()["concept"] is False


def test_publish_flow_and_published_zaaktype_is_frozen(client):
    created = client.post(
        "/catalogi/api/v1/zaaktypen", _payload(CatalogusFactory()), content_type="application/json"
    )
    url = created.json()["url"].removeprefix("http://testserver")
    published = client.post(f"{url}/publish", {}, content_type="application/json")
    assert published.status_code == 200, published.json()
    assert published.json()["concept"] is False
    assert_matches_official_spec("catalogi", published)

    changed = client.patch(url, {"omschrijving": "Anders"}, content_type="application/json")
    assert changed.status_code == 400
    assert changed.json()["invalidParams"][0]["code"] == "non-concept-object"
    ended = client.patch(url, {"eindeGeldigheid": "2030-12-31"}, content_type="application/json")
    assert ended.status_code == 200
    assert client.delete(url).status_code == 400
    new_status = client.post(
        "/catalogi/api/v1/statustypen",
        {"omschrijving": "Extra", "zaaktype": created.json()["url"], "volgnummer": 3},
        content_type="application/json",
    )
    assert new_status.json()["invalidParams"][0]["code"] == "non-concept-zaaktype"


def test_concept_zaaktype_can_be_deleted(client):
    created = client.post(
        "/catalogi/api/v1/zaaktypen", _payload(CatalogusFactory()), content_type="application/json"
    )
    assert client.delete(created.json()["url"].removeprefix("http://testserver")).status_code == 204
    assert not ZaakType.objects.exists()


def test_list_shows_published_zaaktypen_unless_status_says_otherwise(client):
    published_zaaktype(identificatie="ZT-PUB")
    client.post(
        "/catalogi/api/v1/zaaktypen", _payload(CatalogusFactory()), content_type="application/json"
    )
    assert client.get("/catalogi/api/v1/zaaktypen").json()["count"] == 1
    assert client.get("/catalogi/api/v1/zaaktypen?status=alles").json()["count"] == 2
    assert client.get("/catalogi/api/v1/zaaktypen?status=concept").json()["count"] == 1
    assert client.get("/catalogi/api/v1/zaaktypen?identificatie=ZT-PUB").json()["count"] == 1


def test_filter_by_catalogus_url(client):
    zaaktype = published_zaaktype()
    url = f"{BASE}/catalogussen/{zaaktype.catalogus.uuid}"
    assert client.get("/catalogi/api/v1/zaaktypen", {"catalogus": url}).json()["count"] == 1
    assert (
        client.get(
            "/catalogi/api/v1/zaaktypen", {"catalogus": "https://elders.example/x"}
        ).status_code
        == 400
    )


def test_datum_geldigheid_filter(client):
    published_zaaktype()  # geldig from 2024-01-01
    assert client.get("/catalogi/api/v1/zaaktypen?datumGeldigheid=2023-06-01").json()["count"] == 0
    assert client.get("/catalogi/api/v1/zaaktypen?datumGeldigheid=2024-06-01").json()["count"] == 1


def test_reading_without_catalogi_scope_is_forbidden():
    client = api_client(autorisaties=[{"component": "ac", "scopes": ["autorisaties.lezen"]}])
    response = client.get("/catalogi/api/v1/zaaktypen")
    assert response.status_code == 403
    assert response.json()["code"] == "permission_denied"
    assert_matches_official_spec("catalogi", response)


def test_writing_with_only_the_read_scope_is_forbidden():
    client = api_client(autorisaties=[{"component": "ztc", "scopes": ["catalogi.lezen"]}])
    response = client.post(
        "/catalogi/api/v1/zaaktypen", _payload(CatalogusFactory()), content_type="application/json"
    )
    assert response.status_code == 403


def _queries(client, url):
    with CaptureQueriesContext(connection) as context:
        response = client.get(url)
    assert response.status_code == 200
    assert_matches_official_spec("catalogi", response)
    return len(context.captured_queries)


@pytest.mark.parametrize(
    "url",
    [
        "/catalogi/api/v1/zaaktypen",
        "/catalogi/api/v1/catalogussen",
        "/catalogi/api/v1/statustypen",
        "/catalogi/api/v1/resultaattypen",
        "/catalogi/api/v1/roltypen",
        "/catalogi/api/v1/informatieobjecttypen",
        "/catalogi/api/v1/eigenschappen",
        "/catalogi/api/v1/zaakobjecttypen",
        "/catalogi/api/v1/zaaktype-informatieobjecttypen",
        "/catalogi/api/v1/besluittypen",
    ],
)
def test_list_endpoints_use_a_constant_number_of_queries(client, url):
    def add(n):
        for _ in range(n):
            count = ZaakType.objects.count()
            published_zaaktype_with_relations(identificatie=f"ZT-{count}", suffix=f" {count}")

    add(1)
    one = _queries(client, url)
    add(29)
    assert _queries(client, url) == one


def test_a_client_with_geforceerd_verwijderen_deletes_published_types():
    forcing = api_client(
        client_id="forcing",
        autorisaties=[
            {
                "component": "ztc",
                "scopes": ["catalogi.lezen", "catalogi.geforceerd-verwijderen"],
            }
        ],
    )
    zaaktype = published_zaaktype_with_relations()
    statustype = zaaktype.statustypen.first()
    assert forcing.delete(f"/catalogi/api/v1/statustypen/{statustype.uuid}").status_code == 204
    assert forcing.delete(f"/catalogi/api/v1/zaaktypen/{zaaktype.uuid}").status_code == 204
    assert not ZaakType.objects.filter(pk=zaaktype.pk).exists()


def test_a_forced_delete_of_a_zaaktype_in_use_answers_400():
    forcing = api_client(
        client_id="forcing",
        autorisaties=[{"component": "ztc", "scopes": ["catalogi.geforceerd-verwijderen"]}],
    )
    zaaktype = published_zaaktype()
    ZaakFactory(zaaktype=zaaktype)
    response = forcing.delete(f"/catalogi/api/v1/zaaktypen/{zaaktype.uuid}")
    assert response.status_code == 400
    assert response.json()["invalidParams"][0]["code"] == "pending-relations"


def test_without_geforceerd_verwijderen_a_published_zaaktype_stays(client):
    zaaktype = published_zaaktype()
    response = client.delete(f"/catalogi/api/v1/zaaktypen/{zaaktype.uuid}")
    assert response.status_code == 400
    assert response.json()["invalidParams"][0]["code"] == "non-concept-object"
