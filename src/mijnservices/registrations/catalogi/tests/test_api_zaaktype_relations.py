"""Zaaktype-informatieobjecttypen, zaakobjecttypen and the zaaktype's own relations."""

from __future__ import annotations

from datetime import date

import pytest

from mijnservices.registrations.catalogi import services
from mijnservices.testing.api import api_client, assert_matches_official_spec
from mijnservices.testing.catalogi import concept_zaaktype
from mijnservices.testing.factories import published_zaaktype_with_relations

pytestmark = pytest.mark.django_db
BASE = "http://testserver/catalogi/api/v1"
ZIOT = "/catalogi/api/v1/zaaktype-informatieobjecttypen"
ZOT = "/catalogi/api/v1/zaakobjecttypen"
CT = "application/json"


@pytest.fixture
def client():
    return api_client(
        autorisaties=[{"component": "ztc", "scopes": ["catalogi.lezen", "catalogi.schrijven"]}]
    )


def test_ziot_takes_the_url_of_an_informatieobjecttype_version_as_its_omschrijving(client):
    # The VNG suites' set-ups (and Open Zaak's clients) send the URL.
    zaaktype = concept_zaaktype()
    iot = services.informatieobjecttype_create(
        catalogus=zaaktype.catalogus, omschrijving="Aanvraag", begin_geldigheid=date(2024, 1, 1)
    )
    created = client.post(
        ZIOT,
        {
            "zaaktype": f"{BASE}/zaaktypen/{zaaktype.uuid}",
            "informatieobjecttype": f"{BASE}/informatieobjecttypen/{iot.uuid}",
            "volgnummer": 1,
            "richting": "inkomend",
        },
        content_type="application/json",
    )
    assert created.status_code == 201, created.json()
    assert created.json()["informatieobjecttype"] == "Aanvraag"


def test_ziot_names_the_informatieobjecttype_by_omschrijving(client):
    zaaktype = concept_zaaktype()
    iot = services.informatieobjecttype_create(
        catalogus=zaaktype.catalogus, omschrijving="Aanvraag", begin_geldigheid=date(2024, 1, 1)
    )
    created = client.post(
        ZIOT,
        {
            "zaaktype": f"{BASE}/zaaktypen/{zaaktype.uuid}",
            "informatieobjecttype": "Aanvraag",
            "volgnummer": 1,
            "richting": "inkomend",
        },
        content_type="application/json",
    )
    assert created.status_code == 201, created.json()
    assert_matches_official_spec("catalogi", created)
    zaaktype_url = f"/catalogi/api/v1/zaaktypen/{zaaktype.uuid}"
    body = client.get(zaaktype_url).json()
    assert body["informatieobjecttypen"] == [f"{BASE}/informatieobjecttypen/{iot.uuid}"]
    assert body["informatieobjecttypeOmschrijving"] == ["Aanvraag"]
    # ztc-012: the informatieobjecttype is still a concept.
    refused = client.post(f"{zaaktype_url}/publish", {}, content_type="application/json")
    assert refused.json()["invalidParams"][0]["name"] == "informatieobjecttypen"
    duplicate = client.post(
        ZIOT,
        {
            "zaaktype": f"{BASE}/zaaktypen/{zaaktype.uuid}",
            "informatieobjecttype": "Aanvraag",
            "volgnummer": 1,
            "richting": "intern",
        },
        content_type="application/json",
    )
    assert duplicate.json()["invalidParams"][0]["code"] == "unique"


def test_ziot_with_an_unknown_informatieobjecttype_is_refused(client):
    zaaktype = concept_zaaktype()
    response = client.post(
        ZIOT,
        {
            "zaaktype": f"{BASE}/zaaktypen/{zaaktype.uuid}",
            "informatieobjecttype": "Bestaat niet",
            "volgnummer": 1,
            "richting": "inkomend",
        },
        content_type="application/json",
    )
    assert response.status_code == 400
    assert response.json()["invalidParams"][0]["code"] == "does-not-exist"
    assert_matches_official_spec("catalogi", response)


def test_ziot_of_a_published_zaaktype_is_frozen_and_lists_filter(client):
    zaaktype = published_zaaktype_with_relations()
    ziot = zaaktype.zaaktype_informatieobjecttypen.get()
    url = f"{ZIOT}/{ziot.uuid}"
    assert client.patch(url, {"volgnummer": 2}, content_type="application/json").status_code == 400
    assert client.delete(url).status_code == 400
    detail = client.get(url)
    assert detail.json()["informatieobjecttype"] == ziot.informatieobjecttype
    assert_matches_official_spec("catalogi", detail)
    for params, expected in (
        ({}, 1),
        ({"richting": "inkomend"}, 0),
        ({"informatieobjecttype": ziot.informatieobjecttype}, 1),
        ({"zaaktype": f"{BASE}/zaaktypen/{zaaktype.uuid}"}, 1),
        ({"status": "concept"}, 0),
    ):
        response = client.get(ZIOT, params)
        assert response.json()["count"] == expected, params
        assert_matches_official_spec("catalogi", response)


def test_zaakobjecttype_crud_on_a_concept_zaaktype(client):
    zaaktype = concept_zaaktype()
    created = client.post(
        ZOT,
        {
            "zaaktype": f"{BASE}/zaaktypen/{zaaktype.uuid}",
            "anderObjecttype": False,
            "objecttype": "https://objecttypen.example/api/v2/objecttypes/9",
            "relatieOmschrijving": "Boom",
        },
        content_type="application/json",
    )
    assert created.status_code == 201, created.json()
    assert_matches_official_spec("catalogi", created)
    url = created.json()["url"].removeprefix("http://testserver")
    changed = client.put(
        url,
        {**created.json(), "relatieOmschrijving": "Bomen"},
        content_type="application/json",
    )
    assert changed.status_code == 200, changed.json()
    assert_matches_official_spec("catalogi", changed)
    assert client.get(ZOT, {"relatieOmschrijving": "Bomen"}).json()["count"] == 1
    assert client.get(ZOT, {"anderObjecttype": "true"}).json()["count"] == 0
    assert client.delete(url).status_code == 204


def test_zaakobjecttype_of_a_published_zaaktype_is_frozen(client):
    zaakobjecttype = published_zaaktype_with_relations().zaakobjecttypen.get()
    url = f"{ZOT}/{zaakobjecttype.uuid}"
    response = client.patch(url, {"relatieOmschrijving": "x"}, content_type="application/json")
    assert response.json()["invalidParams"][0]["code"] == "non-concept-zaaktype"
    assert_matches_official_spec("catalogi", client.get(url))


def test_zaaktype_reads_all_its_relations(client):
    zaaktype = published_zaaktype_with_relations()
    response = client.get(f"/catalogi/api/v1/zaaktypen/{zaaktype.uuid}")
    assert_matches_official_spec("catalogi", response)
    body = response.json()
    for name in ("besluittypen", "eigenschappen", "informatieobjecttypen", "zaakobjecttypen"):
        assert len(body[name]) == 1, name


def test_zaaktype_accepts_deelzaaktypen_and_gerelateerde_zaaktypen_by_identificatie(client):
    deel = published_zaaktype_with_relations(identificatie="ZT-DEEL")
    zaaktype = concept_zaaktype()
    url = f"/catalogi/api/v1/zaaktypen/{zaaktype.uuid}"
    response = client.patch(
        url,
        {
            "deelzaaktypen": ["ZT-DEEL"],
            "gerelateerdeZaaktypen": [{"zaaktype": "ZT-DEEL", "aardRelatie": "vervolg"}],
        },
        content_type="application/json",
    )
    assert response.status_code == 200, response.json()
    body = client.get(url).json()
    assert body["deelzaaktypen"] == [f"{BASE}/zaaktypen/{deel.uuid}"]
    assert body["deelzaaktypeIdentificaties"] == ["ZT-DEEL"]
    assert body["gerelateerdeZaaktypen"] == [
        {
            "zaaktype": f"{BASE}/zaaktypen/{deel.uuid}",
            "zaaktypeIdentificatie": "ZT-DEEL",
            "aardRelatie": "vervolg",
            "toelichting": "",
        }
    ]
    assert_matches_official_spec("catalogi", client.get(url))
    unknown = client.patch(url, {"deelzaaktypen": ["ZT-X"]}, content_type="application/json")
    assert unknown.json()["invalidParams"][0]["code"] == "does-not-exist"


def _besluittype(catalogus, omschrijving="Vergunning"):
    return services.besluittype_create(
        catalogus=catalogus,
        omschrijving=omschrijving,
        publicatie_indicatie=False,
        begin_geldigheid=date(2024, 1, 1),
    )


def _iot(catalogus, omschrijving="Bijlage"):
    return services.informatieobjecttype_create(
        catalogus=catalogus, omschrijving=omschrijving, begin_geldigheid=date(2024, 1, 1)
    )


def test_zaaktype_relations_can_be_given_as_urls_of_versions(client):
    from mijnservices.registrations.catalogi.tests.test_api_zaaktypen import _payload

    deelzaaktype = concept_zaaktype(identificatie="ZT-DEEL")
    catalogus = deelzaaktype.catalogus
    besluittype = _besluittype(catalogus)
    created = client.post(
        "/catalogi/api/v1/zaaktypen",
        _payload(
            catalogus,
            besluittypen=[f"{BASE}/besluittypen/{besluittype.uuid}"],
            deelzaaktypen=[f"{BASE}/zaaktypen/{deelzaaktype.uuid}"],
        ),
        content_type="application/json",
    )
    assert created.status_code == 201, created.json()
    assert_matches_official_spec("catalogi", created)
    body = created.json()
    assert body["besluittypen"] == [f"{BASE}/besluittypen/{besluittype.uuid}"]
    assert body["besluittypeOmschrijving"] == ["Vergunning"]
    assert body["deelzaaktypen"] == [f"{BASE}/zaaktypen/{deelzaaktype.uuid}"]


def test_besluittype_and_resultaattype_relations_can_be_given_as_urls(client):
    zaaktype = concept_zaaktype()
    catalogus = zaaktype.catalogus
    iot, besluittype = _iot(catalogus), _besluittype(catalogus)
    iot_url = f"{BASE}/informatieobjecttypen/{iot.uuid}"
    created = client.post(
        "/catalogi/api/v1/besluittypen",
        {
            "catalogus": f"{BASE}/catalogussen/{catalogus.uuid}",
            "omschrijving": "Ontheffing",
            "publicatieIndicatie": False,
            "informatieobjecttypen": [iot_url],
            "beginGeldigheid": "2025-01-01",
        },
        content_type="application/json",
    )
    assert created.status_code == 201, created.json()
    assert created.json()["informatieobjecttypen"] == [iot_url]
    resultaattype = client.post(
        "/catalogi/api/v1/resultaattypen",
        {
            "zaaktype": f"{BASE}/zaaktypen/{zaaktype.uuid}",
            "omschrijving": "Verleend",
            "resultaattypeomschrijving": "https://selectielijst.example/omschrijvingen/1",
            "selectielijstklasse": "https://selectielijst.example/resultaten/1",
            "besluittypen": [f"{BASE}/besluittypen/{besluittype.uuid}"],
            "informatieobjecttypen": [iot_url],
        },
        content_type="application/json",
    )
    assert resultaattype.status_code == 201, resultaattype.json()
    assert_matches_official_spec("catalogi", resultaattype)
    assert resultaattype.json()["besluittypeOmschrijving"] == ["Vergunning"]
    assert resultaattype.json()["informatieobjecttypen"] == [iot_url]


def test_a_relation_url_of_another_catalogus_or_resource_is_refused(client):
    from mijnservices.testing.factories import CatalogusFactory

    zaaktype = concept_zaaktype()
    elsewhere = _besluittype(CatalogusFactory(domein="OTHER"))
    url = f"/catalogi/api/v1/zaaktypen/{zaaktype.uuid}"
    other = client.patch(
        url, {"besluittypen": [f"{BASE}/besluittypen/{elsewhere.uuid}"]}, content_type=CT
    )
    assert other.status_code == 400
    error = other.json()["invalidParams"][0]
    assert (error["name"], error["code"]) == ("nonFieldErrors", "relations-incorrect-catalogus")
    wrong = client.patch(
        url, {"besluittypen": [f"{BASE}/zaaktypen/{zaaktype.uuid}"]}, content_type=CT
    )
    assert wrong.json()["invalidParams"][0]["code"] == "bad-url"
    gone = client.patch(
        url, {"besluittypen": [f"{BASE}/besluittypen/{zaaktype.uuid}"]}, content_type=CT
    )
    assert gone.json()["invalidParams"][0]["code"] == "does-not-exist"
