"""``expand`` of the Zaken API into the Catalogi API, over several levels and through
relevanteAndereZaken (Zaken 1.5+; the 2025 VNG OAS suite's "ZRC / expand" folder)."""

from __future__ import annotations

from uuid import uuid4

import pytest

from mijnservices.registrations.zaken import services
from mijnservices.registrations.zaken.tests.api_helpers import BASE, zaak_url, zaken_client
from mijnservices.testing.api import assert_matches_official_spec
from mijnservices.testing.factories import ZaakFactory, published_zaaktype

pytestmark = pytest.mark.django_db

CATALOGI_READER = [{"component": "ztc", "scopes": ["catalogi.lezen"]}]


@pytest.fixture
def zaak():
    return ZaakFactory(zaaktype=published_zaaktype(), for_bsn="999993653")


def test_the_zaaktype_and_its_catalogi_relations_are_embedded(zaak):
    client = zaken_client(alles=True)
    expand = "zaaktype.besluittypen,status.statustype,zaaktype.catalogus.zaaktypen"
    detail = client.get(f"{zaak_url(zaak)}?expand={expand}")
    assert detail.status_code == 200, detail.content
    assert_matches_official_spec("zaken", detail)
    body = detail.json()
    zaaktype = body["_expand"]["zaaktype"]
    assert zaaktype["url"] == body["zaaktype"]
    assert zaaktype["_expand"]["besluittypen"] == []
    catalogus = zaaktype["_expand"]["catalogus"]
    assert catalogus["url"] == zaaktype["catalogus"]
    assert body["zaaktype"] in [item["url"] for item in catalogus["_expand"]["zaaktypen"]]
    status = body["_expand"]["status"]
    assert status["_expand"]["statustype"]["url"] == status["statustype"]


def test_a_list_embeds_the_same_as_a_detail(zaak):
    client = zaken_client(alles=True)
    expand = "zaaktype.statustypen,status.statustype,rollen.roltype"
    detail = client.get(f"{zaak_url(zaak)}?expand={expand}").json()
    response = client.get(f"{BASE}/zaken?expand={expand}")
    assert_matches_official_spec("zaken", response)
    listed = response.json()["results"]
    assert [item["_expand"] for item in listed] == [detail["_expand"]]


def test_expand_follows_five_levels(zaak):
    client = zaken_client(alles=True)
    response = client.get(f"{zaak_url(zaak)}?expand=rollen.zaak.rollen.zaak.rollen")
    assert response.status_code == 200, response.content
    rol = response.json()["_expand"]["rollen"][0]
    inner = rol["_expand"]["zaak"]["_expand"]["rollen"][0]["_expand"]["zaak"]
    assert inner["_expand"]["rollen"][0]["url"] == rol["url"]


def test_relevante_andere_zaken_expand_to_the_zaken_they_name(zaak):
    other = ZaakFactory(zaaktype=zaak.zaaktype)
    services.zaak_update(
        zaak=zaak,
        relevante_andere_zaken=[
            {"url": zaak_url(other), "aard_relatie": "vervolg"},
            {"url": f"{BASE}/zaken/{uuid4()}", "aard_relatie": "bijdrage"},
            {"url": "https://elders.example/zaken/api/v1/zaken/1", "aard_relatie": "onderwerp"},
        ],
    )
    client = zaken_client(alles=True)
    response = client.get(f"{zaak_url(zaak)}?expand=relevanteAndereZaken.zaaktype")
    assert response.status_code == 200, response.content
    [related] = response.json()["_expand"]["relevanteAndereZaken"]
    assert related["url"] == zaak_url(other)
    assert related["_expand"]["zaaktype"]["url"] == related["zaaktype"]


def test_catalogi_objects_are_embedded_only_for_a_client_that_may_read_them(zaak):
    reader = {zaak.zaaktype: (["zaken.lezen"], "geheim")}
    without = zaken_client(client_id="zaken-only", zaaktypen=reader)
    response = without.get(f"{zaak_url(zaak)}?expand=zaaktype.statustypen,status.statustype")
    assert_matches_official_spec("zaken", response)
    body = response.json()
    assert "zaaktype" not in body["_expand"]
    assert body["_expand"]["status"]["_expand"] == {}
    catalogi = zaken_client(client_id="with-catalogi", zaaktypen=reader, extra=CATALOGI_READER)
    body = catalogi.get(f"{zaak_url(zaak)}?expand=zaaktype").json()
    assert body["_expand"]["zaaktype"]["url"] == body["zaaktype"]


@pytest.mark.parametrize(
    "expand",
    [
        "zaaktype.onbekend",
        "status.statustype.zaaktype.catalogus.zaaktypen.statustypen.eigenschappen",
        "relevanteAndereZaken.onbekend",
        "zaakinformatieobjecten.informatieobject.zaak",
    ],
)
def test_a_path_that_cannot_be_expanded_answers_400(zaak, expand):
    response = zaken_client(alles=True).get(f"{zaak_url(zaak)}?expand={expand}")
    assert response.status_code == 400
    assert response.json()["invalidParams"][0]["name"] == "expand"


def test_a_zaakinformatieobject_embeds_its_document_as_far_as_the_client_may_read_it(zaak):
    # Zaken 1.5+ grammar: zaakinformatieobjecten.informatieobject(.informatieobjecttype).
    from mijnservices.registrations.documenten.tests.helpers import (
        document,
        document_url,
        published_informatieobjecttype,
    )

    iot = published_informatieobjecttype("Bijlage", catalogus=zaak.zaaktype.catalogus)
    doc = document(iot, content=None)
    services.zaakinformatieobject_create(zaak=zaak, informatieobject=document_url(doc))
    expand = "zaakinformatieobjecten.informatieobject.informatieobjecttype"
    response = zaken_client(alles=True).get(f"{zaak_url(zaak)}?expand={expand}")
    assert response.status_code == 200, response.content
    assert_matches_official_spec("zaken", response)
    [zio] = response.json()["_expand"]["zaakinformatieobjecten"]
    embedded = zio["_expand"]["informatieobject"]
    assert embedded["url"] == document_url(doc)
    assert embedded["_expand"]["informatieobjecttype"]["omschrijving"] == "Bijlage"
    # A reader of the zaak without documenten.lezen for the type sees no document.
    reader = zaken_client(
        client_id="zaken-only", zaaktypen={zaak.zaaktype: (["zaken.lezen"], "geheim")}
    )
    body = reader.get(f"{zaak_url(zaak)}?expand=zaakinformatieobjecten.informatieobject").json()
    assert body["_expand"]["zaakinformatieobjecten"][0]["_expand"]["informatieobject"] == {}
