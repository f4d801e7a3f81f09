"""Mirrored relations stay consistent: a zaakinformatieobject (or besluitinformatieobject)
for one of OUR documents writes its objectinformatieobject in the same transaction, and
removing it removes both (drc-006/007, zrc, brc-005)."""

from __future__ import annotations

from unittest import mock

import pytest

from mijnservices.core.errors import DomainError
from mijnservices.registrations.catalogi import services as catalogi_services
from mijnservices.registrations.documenten import services
from mijnservices.registrations.documenten.models import ObjectInformatieObject
from mijnservices.registrations.documenten.tests.helpers import (
    BASE,
    document,
    document_url,
    documenten_client,
    published_informatieobjecttype,
)
from mijnservices.registrations.zaken import services as zaken_services
from mijnservices.registrations.zaken.models import ZaakInformatieObject
from mijnservices.registrations.zaken.tests.api_helpers import zaak_url, zaken_client
from mijnservices.testing.api import assert_matches_official_spec
from mijnservices.testing.factories import ZaakFactory, published_zaaktype

pytestmark = pytest.mark.django_db


@pytest.fixture
def zaak():
    return ZaakFactory(zaaktype=published_zaaktype(), for_bsn="999993653")


@pytest.fixture
def doc():
    return document(published_informatieobjecttype())


def test_a_zaakinformatieobject_for_our_document_creates_its_objectinformatieobject(zaak, doc):
    zio = zaken_services.zaakinformatieobject_create(zaak=zaak, informatieobject=document_url(doc))
    oio = ObjectInformatieObject.objects.get()
    assert oio.informatieobject == doc
    assert oio.object == zaak_url(zaak)
    assert oio.object_type == "zaak"
    zaken_services.zaakinformatieobject_delete(zaakinformatieobject=zio)
    assert not ObjectInformatieObject.objects.exists()


def test_deleting_the_zaak_removes_the_objectinformatieobjecten_of_its_documents(zaak, doc):
    # zrc-023h; and the document can be deleted afterwards (drc-008).
    zaken_services.zaakinformatieobject_create(zaak=zaak, informatieobject=document_url(doc))
    zaken_services.zaak_delete(zaak=zaak)
    assert not ObjectInformatieObject.objects.filter(informatieobject=doc).exists()
    services.informatieobject_delete(informatieobject=doc)


def test_an_external_document_url_creates_no_objectinformatieobject(zaak):
    zaken_services.zaakinformatieobject_create(zaak=zaak, informatieobject="https://drc.example/1")
    assert not ObjectInformatieObject.objects.exists()


def test_our_document_url_must_exist(zaak):
    missing = (
        f"http://testserver{BASE}/enkelvoudiginformatieobjecten/{'0' * 8}-0000-4000-8000-{'0' * 12}"
    )
    with pytest.raises(DomainError) as error:
        zaken_services.zaakinformatieobject_create(zaak=zaak, informatieobject=missing)
    assert error.value.code == "does-not-exist"
    assert not ZaakInformatieObject.objects.exists()


def test_a_failure_after_the_first_write_leaves_neither_relation(zaak, doc):
    """No drift: the zaakinformatieobject is written, then the mirror fails: both roll back."""
    with (
        mock.patch.object(
            ObjectInformatieObject.objects, "get_or_create", side_effect=RuntimeError("boom")
        ),
        pytest.raises(RuntimeError),
    ):
        zaken_services.zaakinformatieobject_create(zaak=zaak, informatieobject=document_url(doc))
    assert not ZaakInformatieObject.objects.exists()
    assert not ObjectInformatieObject.objects.exists()


def test_a_failure_while_deleting_keeps_both_relations(zaak, doc):
    zio = zaken_services.zaakinformatieobject_create(zaak=zaak, informatieobject=document_url(doc))
    with (
        mock.patch(
            "mijnservices.registrations.zaken.services.related._zaak_event",
            side_effect=RuntimeError("boom"),
        ),
        pytest.raises(RuntimeError),
    ):
        zaken_services.zaakinformatieobject_delete(zaakinformatieobject=zio)
    assert ZaakInformatieObject.objects.exists()
    assert ObjectInformatieObject.objects.exists()


def test_the_zaken_api_relation_shows_up_in_the_documenten_api(zaak, settings):
    # URLField wants a host with a domain: the public SITE_URL has one, "testserver" not.
    settings.SITE_URL = "http://mijnservices.example"
    # zrc-017: through the Zaken API the zaaktype must name the document's type.
    iot = published_informatieobjecttype("Bijlage", catalogus=zaak.zaaktype.catalogus)
    catalogi_services.zaaktype_informatieobjecttype_create(
        zaaktype=zaak.zaaktype, informatieobjecttype="Bijlage", volgnummer=99, richting="inkomend"
    )
    doc = document(iot)
    ours = f"{settings.SITE_URL}{BASE}/enkelvoudiginformatieobjecten/{doc.uuid}"
    zaken = zaken_client(zaaktypen={zaak.zaaktype: (["zaken.lezen", "zaken.bijwerken"], "geheim")})
    response = zaken.post(
        "/zaken/api/v1/zaakinformatieobjecten",
        {"zaak": zaak_url(zaak), "informatieobject": ours},
        content_type="application/json",
    )
    assert response.status_code == 201, response.json()["invalidParams"]
    zaak_public = f"{settings.SITE_URL}/zaken/api/v1/zaken/{zaak.uuid}"
    documenten = documenten_client(
        types={doc.huidige_versie.informatieobjecttype: (["documenten.lezen"], "geheim")}
    )
    listed = documenten.get(f"{BASE}/objectinformatieobjecten", {"object": zaak_public})
    assert_matches_official_spec("documenten", listed)
    assert [o["informatieobject"] for o in listed.json()] == [document_url(doc)]
    detail = documenten.get(listed.json()[0]["url"])
    assert_matches_official_spec("documenten", detail)
    filtered = documenten.get(
        f"{BASE}/enkelvoudiginformatieobjecten?objectinformatieobjecten_objectType=zaak"
    )
    assert filtered.json()["count"] == 1


def test_the_objectinformatieobject_cannot_be_deleted_while_the_zaak_relation_exists(zaak, doc):
    zio = zaken_services.zaakinformatieobject_create(zaak=zaak, informatieobject=document_url(doc))
    oio = ObjectInformatieObject.objects.get()
    with pytest.raises(DomainError) as error:
        services.objectinformatieobject_delete(objectinformatieobject=oio)
    assert error.value.code == "inconsistent-relation"
    zaken_services.zaakinformatieobject_delete(zaakinformatieobject=zio)


def test_a_document_with_relations_cannot_be_deleted(zaak, doc):
    zaken_services.zaakinformatieobject_create(zaak=zaak, informatieobject=document_url(doc))
    with pytest.raises(DomainError) as error:
        services.informatieobject_delete(informatieobject=doc)
    assert error.value.code == "pending-relations"


def test_creating_an_objectinformatieobject_needs_the_relation_on_our_zaak(zaak, doc):
    with pytest.raises(DomainError) as error:
        services.objectinformatieobject_create(
            informatieobject=doc, object=zaak_url(zaak), object_type="zaak"
        )
    assert error.value.code == "inconsistent-relation"
    assert error.value.field == "nonFieldErrors"  # as Open Zaak and the ZGW suite (drc-004)
    # an external zaak cannot be checked: accepted, as the standard's DRC does for remote ZRCs
    services.objectinformatieobject_create(
        informatieobject=doc, object="https://zrc.example/zaken/1", object_type="zaak"
    )


def test_an_objectinformatieobject_that_exists_already_is_refused_under_non_field_errors(zaak, doc):
    zaken_services.zaakinformatieobject_create(zaak=zaak, informatieobject=document_url(doc))
    with pytest.raises(DomainError) as error:
        services.objectinformatieobject_create(
            informatieobject=doc, object=zaak_url(zaak), object_type="zaak"
        )
    assert (error.value.code, error.value.field) == ("unique", "nonFieldErrors")  # drc-003
