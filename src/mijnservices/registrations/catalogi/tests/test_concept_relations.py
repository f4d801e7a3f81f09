"""ztc-010/011 over the Catalogi API: relations to published types (Open Zaak's
non-concept-relation)."""

from __future__ import annotations

from datetime import date

import pytest

from mijnservices.core.errors import DomainError
from mijnservices.registrations.catalogi import services
from mijnservices.testing.api import api_client
from mijnservices.testing.catalogi import concept_zaaktype

pytestmark = pytest.mark.django_db
BASE = "http://testserver/catalogi/api/v1"
CT = "application/json"


@pytest.fixture
def client():
    # Without catalogi.geforceerd-verwijderen, as the VNG suites' concept tests.
    return api_client(
        autorisaties=[{"component": "ztc", "scopes": ["catalogi.lezen", "catalogi.schrijven"]}]
    )


def _error(response):
    assert response.status_code == 400, response.json()
    error = response.json()["invalidParams"][0]
    return error["name"], error["code"]


def _besluittype(catalogus, *, publish, omschrijving="Vergunning", **fields):
    besluittype = services.besluittype_create(
        catalogus=catalogus,
        omschrijving=omschrijving,
        begin_geldigheid=date(2024, 1, 1),
        **fields,
    )
    return services.besluittype_publish(besluittype=besluittype) if publish else besluittype


def _iot(catalogus, *, publish, omschrijving="Bijlage"):
    iot = services.informatieobjecttype_create(
        catalogus=catalogus,
        omschrijving=omschrijving,
        begin_geldigheid=date(2024, 1, 1),
        informatieobjectcategorie="bijlage",
    )
    return services.informatieobjecttype_publish(informatieobjecttype=iot) if publish else iot


NON_CONCEPT = ("nonFieldErrors", "non-concept-relation")


def test_a_zaaktype_naming_a_published_besluittype_only_takes_a_new_einde_geldigheid(client):
    zaaktype = concept_zaaktype()
    besluittype = _besluittype(zaaktype.catalogus, publish=False)
    services.zaaktype_update(zaaktype=zaaktype, besluittypen=["Vergunning"])
    services.besluittype_publish(besluittype=besluittype)
    url = f"/catalogi/api/v1/zaaktypen/{zaaktype.uuid}"
    assert _error(client.patch(url, {"omschrijving": "Anders"}, content_type=CT)) == NON_CONCEPT
    ended = client.patch(url, {"eindeGeldigheid": "2030-12-31"}, content_type=CT)
    assert ended.status_code == 200, ended.json()
    assert _error(client.delete(url)) == NON_CONCEPT


def test_a_zaaktype_cannot_be_created_or_changed_to_name_a_published_besluittype(client):
    zaaktype = concept_zaaktype()
    besluittype = _besluittype(zaaktype.catalogus, publish=True)
    url = f"/catalogi/api/v1/zaaktypen/{zaaktype.uuid}"
    relation = {"besluittypen": [f"{BASE}/besluittypen/{besluittype.uuid}"]}
    assert _error(client.patch(url, relation, content_type=CT)) == NON_CONCEPT
    with pytest.raises(DomainError) as refused:
        services.zaaktype_create(
            catalogus=zaaktype.catalogus,
            identificatie="ZT-NIEUW",
            omschrijving="Nieuw",
            doorlooptijd=zaaktype.doorlooptijd,
            begin_geldigheid=date(2025, 1, 1),
            besluittypen=["Vergunning"],
            refuse_published_relations=True,
        )
    assert refused.value.code == "non-concept-relation"


def test_a_zaaktype_naming_a_published_informatieobjecttype_changes_but_is_not_deleted(client):
    zaaktype = concept_zaaktype()
    _iot(zaaktype.catalogus, publish=True)
    services.zaaktype_informatieobjecttype_create(
        zaaktype=zaaktype, informatieobjecttype="Bijlage", volgnummer=1, richting="inkomend"
    )
    url = f"/catalogi/api/v1/zaaktypen/{zaaktype.uuid}"
    assert client.patch(url, {"omschrijving": "Anders"}, content_type=CT).status_code == 200
    assert _error(client.delete(url)) == NON_CONCEPT


def test_a_besluittype_naming_a_published_informatieobjecttype_is_refused(client):
    zaaktype = concept_zaaktype()
    catalogus = zaaktype.catalogus
    iot = _iot(catalogus, publish=True)
    body = {
        "catalogus": f"{BASE}/catalogussen/{catalogus.uuid}",
        "omschrijving": "Ontheffing",
        "publicatieIndicatie": False,
        "informatieobjecttypen": [f"{BASE}/informatieobjecttypen/{iot.uuid}"],
        "beginGeldigheid": "2025-01-01",
    }
    created = client.post("/catalogi/api/v1/besluittypen", body, content_type=CT)
    assert _error(created) == NON_CONCEPT
    besluittype = _besluittype(catalogus, publish=False, informatieobjecttypen=["Bijlage"])
    url = f"/catalogi/api/v1/besluittypen/{besluittype.uuid}"
    assert _error(client.patch(url, {"toelichting": "x"}, content_type=CT)) == NON_CONCEPT
    ended = client.patch(url, {"eindeGeldigheid": "2030-12-31"}, content_type=CT)
    assert ended.status_code == 200, ended.json()
    assert _error(client.delete(url)) == NON_CONCEPT


def test_an_informatieobjecttype_named_by_a_published_besluittype_only_takes_an_end(client):
    catalogus = concept_zaaktype().catalogus
    iot = _iot(catalogus, publish=False)
    _besluittype(catalogus, publish=True, informatieobjecttypen=["Bijlage"])
    url = f"/catalogi/api/v1/informatieobjecttypen/{iot.uuid}"
    assert _error(client.patch(url, {"informatieobjectcategorie": "x"}, content_type=CT)) == (
        NON_CONCEPT
    )
    ended = client.patch(url, {"eindeGeldigheid": "2030-12-31"}, content_type=CT)
    assert ended.status_code == 200, ended.json()
    assert _error(client.delete(url)) == NON_CONCEPT


def test_a_ziot_is_refused_only_between_a_published_zaaktype_and_informatieobjecttype(client):
    zaaktype = concept_zaaktype()
    catalogus = zaaktype.catalogus
    _iot(catalogus, publish=True)
    services.zaaktype_publish(zaaktype=zaaktype, require_complete=False)
    _iot(catalogus, publish=False, omschrijving="Concept")
    body = {
        "zaaktype": f"{BASE}/zaaktypen/{zaaktype.uuid}",
        "informatieobjecttype": "Concept",
        "volgnummer": 1,
        "richting": "inkomend",
    }
    url = "/catalogi/api/v1/zaaktype-informatieobjecttypen"
    created = client.post(url, body, content_type=CT)
    assert created.status_code == 201, created.json()
    both = client.post(
        url, {**body, "informatieobjecttype": "Bijlage", "volgnummer": 2}, content_type=CT
    )
    assert _error(both) == NON_CONCEPT
    ziot = created.json()["url"].removeprefix("http://testserver")
    assert client.patch(ziot, {"richting": "intern"}, content_type=CT).status_code == 200
    assert _error(client.patch(ziot, {"informatieobjecttype": "Bijlage"}, content_type=CT)) == (
        NON_CONCEPT
    )
    assert client.delete(ziot).status_code == 204


def test_catalogue_imports_may_still_name_published_types():
    zaaktype = concept_zaaktype()
    _besluittype(zaaktype.catalogus, publish=True)
    changed = services.zaaktype_update(zaaktype=zaaktype, besluittypen=["Vergunning"])
    assert changed.besluittypen == ["Vergunning"]


def test_catalogi_geforceerd_schrijven_lifts_the_relation_rules():
    # As Open Zaak's is_force_write: a client with this scope may name published types.
    forced = api_client(
        autorisaties=[
            {
                "component": "ztc",
                "scopes": ["catalogi.lezen", "catalogi.schrijven", "catalogi.geforceerd-schrijven"],
            }
        ]
    )
    zaaktype = concept_zaaktype()
    besluittype = _besluittype(zaaktype.catalogus, publish=True)
    url = f"/catalogi/api/v1/zaaktypen/{zaaktype.uuid}"
    relation = {"besluittypen": [f"{BASE}/besluittypen/{besluittype.uuid}"]}
    changed = forced.patch(url, relation, content_type=CT)
    assert changed.status_code == 200, changed.json()


def test_a_zaaktype_publishes_when_its_types_have_a_published_version_of_any_geldigheid():
    # ztc-012 as Open Zaak: the related types must be published; their geldigheid may differ
    # (the suites publish a zaaktype of 2004 naming types of 2019).
    zaaktype = concept_zaaktype()
    iot = services.informatieobjecttype_create(
        catalogus=zaaktype.catalogus,
        omschrijving="Later",
        begin_geldigheid=date(2030, 1, 1),
        informatieobjectcategorie="bijlage",
    )
    services.informatieobjecttype_publish(informatieobjecttype=iot)
    services.zaaktype_informatieobjecttype_create(
        zaaktype=zaaktype, informatieobjecttype="Later", volgnummer=1, richting="inkomend"
    )
    published = services.zaaktype_publish(zaaktype=zaaktype, require_complete=False)
    assert published.concept is False


def test_a_ziot_between_published_types_is_refused_before_its_volgnummer_is_checked(client):
    zaaktype = concept_zaaktype()
    _iot(zaaktype.catalogus, publish=True)
    services.zaaktype_informatieobjecttype_create(
        zaaktype=zaaktype, informatieobjecttype="Bijlage", volgnummer=1, richting="inkomend"
    )
    services.zaaktype_publish(zaaktype=zaaktype, require_complete=False)
    body = {
        "zaaktype": f"{BASE}/zaaktypen/{zaaktype.uuid}",
        "informatieobjecttype": "Bijlage",
        "volgnummer": 1,
        "richting": "inkomend",
    }
    response = client.post("/catalogi/api/v1/zaaktype-informatieobjecttypen", body, content_type=CT)
    assert _error(response) == NON_CONCEPT


def test_deleting_the_last_version_of_a_type_removes_it_from_concept_zaaktypen():
    # As Open Zaak's relations disappear with their object; else ztc-012 could never pass.
    zaaktype = concept_zaaktype()
    iot = _iot(zaaktype.catalogus, publish=False)
    besluittype = _besluittype(zaaktype.catalogus, publish=False)
    services.zaaktype_update(zaaktype=zaaktype, besluittypen=["Vergunning"])
    services.zaaktype_informatieobjecttype_create(
        zaaktype=zaaktype, informatieobjecttype="Bijlage", volgnummer=1, richting="inkomend"
    )
    services.informatieobjecttype_delete(informatieobjecttype=iot)
    services.besluittype_delete(besluittype=besluittype)
    zaaktype.refresh_from_db()
    assert zaaktype.besluittypen == []
    assert not zaaktype.zaaktype_informatieobjecttypen.exists()
    assert services.zaaktype_publish(zaaktype=zaaktype, require_complete=False).concept is False
