"""Verzendingen (Documenten API 1.7): CRUD with the standard's filters, visible and writable
only through the document's informatieobjecttype."""

from __future__ import annotations

import pytest
from django.db import connection
from django.test.utils import CaptureQueriesContext

from mijnservices.registrations.documenten import services
from mijnservices.registrations.documenten.models import Verzending
from mijnservices.registrations.documenten.tests.helpers import (
    BASE,
    document,
    document_url,
    documenten_client,
    published_informatieobjecttype,
)
from mijnservices.testing.api import assert_matches_official_spec

pytestmark = pytest.mark.django_db
PATH = f"{BASE}/verzendingen"
BETROKKENE = "https://brp.example/ingeschrevenpersonen/999990019"
CONTACT = "https://brp.example/ingeschrevenpersonen/999990020"


def verzending(doc, **fields):
    values = {
        "betrokkene": BETROKKENE,
        "aard_relatie": "geadresseerde",
        "contact_persoon": CONTACT,
        **fields,
    }
    return services.verzending_create(informatieobject=doc, **values)


def body(doc, **fields):
    return {
        "informatieobject": document_url(doc),
        "betrokkene": BETROKKENE,
        "aardRelatie": "afzender",
        "contactPersoon": CONTACT,
        "ontvangstdatum": "2026-01-06",
        **fields,
    }


@pytest.fixture
def world():
    type_a = published_informatieobjecttype("A")
    type_b = published_informatieobjecttype("B")
    visible = document(type_a)
    secret = document(type_a, vertrouwelijkheidaanduiding="geheim")
    other = document(type_b)
    client = documenten_client(
        types={type_a: (["documenten.lezen", "documenten.bijwerken"], "zaakvertrouwelijk")}
    )
    return {"client": client, "visible": visible, "secret": secret, "other": other}


def test_create_read_update_and_delete(world):
    client, doc = world["client"], world["visible"]
    address = {
        "huisnummer": 12,
        "naamOpenbareRuimte": "Dorpsstraat",
        "woonplaatsnaam": "Utrecht",
        "postcode": "3511AB",
    }
    response = client.post(
        PATH, body(doc, binnenlandsCorrespondentieadres=address), content_type="application/json"
    )
    assert response.status_code == 201, response.json()
    assert_matches_official_spec("documenten", response)
    created = response.json()
    assert created["binnenlandsCorrespondentieadres"]["naamOpenbareRuimte"] == "Dorpsstraat"
    url = created["url"]

    response = client.get(url)
    assert response.status_code == 200
    assert_matches_official_spec("documenten", response)

    postadres = {
        "postBusOfAntwoordnummer": 100,
        "postadresPostcode": "3500AA",
        "postadresType": "postbusnummer",
        "woonplaatsnaam": "Utrecht",
    }
    response = client.patch(
        url,
        {"binnenlandsCorrespondentieadres": None, "correspondentiePostadres": postadres},
        content_type="application/json",
    )
    assert response.status_code == 200, response.json()
    assert_matches_official_spec("documenten", response)
    assert response.json()["correspondentiePostadres"]["postBusOfAntwoordnummer"] == 100

    buitenland = {"adresBuitenland1": "Rue 1", "landPostadres": "https://landen.example/fr"}
    response = client.put(
        url, body(doc, buitenlandsCorrespondentieadres=buitenland), content_type="application/json"
    )
    assert response.status_code == 200, response.json()
    assert_matches_official_spec("documenten", response)
    assert response.json()["buitenlandsCorrespondentieadres"]["adresBuitenland1"] == "Rue 1"
    assert response.json()["correspondentiePostadres"] is None

    response = client.delete(url)
    assert response.status_code == 204
    assert not Verzending.objects.exists()
    actions = list(doc.audittrail.values_list("actie", flat=True))
    assert actions == ["create", "partial_update", "update", "destroy"]


def test_at_most_one_address(world):
    both = body(
        world["visible"],
        binnenlandsCorrespondentieadres={
            "huisnummer": 1,
            "naamOpenbareRuimte": "x",
            "woonplaatsnaam": "y",
        },
        buitenlandsCorrespondentieadres={
            "adresBuitenland1": "x",
            "landPostadres": "https://landen.example/fr",
        },
    )
    response = world["client"].post(PATH, both, content_type="application/json")
    assert response.status_code == 400
    assert_matches_official_spec("documenten", response)


def test_informatieobject_cannot_change(world):
    item = verzending(world["visible"])
    other = document(world["visible"].huidige_versie.informatieobjecttype)
    response = world["client"].patch(
        f"{PATH}/{item.uuid}",
        {"informatieobject": document_url(other)},
        content_type="application/json",
    )
    assert response.status_code == 400


def test_only_verzendingen_of_documents_within_the_rights(world):
    mine = verzending(world["visible"])
    for name in ("secret", "other"):
        hidden = verzending(world[name])
        response = world["client"].get(f"{PATH}/{hidden.uuid}")
        assert response.status_code == 403
        assert_matches_official_spec("documenten", response)
        for write in (
            world["client"].post(PATH, body(world[name]), content_type="application/json"),
            world["client"].delete(f"{PATH}/{hidden.uuid}"),
        ):
            assert write.status_code == 403
    response = world["client"].get(PATH)
    assert response.status_code == 200
    assert_matches_official_spec("documenten", response)
    assert [v["url"] for v in response.json()["results"]] == [
        f"http://testserver{PATH}/{mine.uuid}"
    ]


def test_filters(world):
    doc = world["visible"]
    verzending(doc, aard_relatie="afzender")
    verzending(doc, betrokkene="https://brp.example/ingeschrevenpersonen/1")
    verzending(world["other"])  # outside the rights, whatever the filter

    def count(query):
        response = world["client"].get(f"{PATH}?{query}")
        assert response.status_code == 200
        assert_matches_official_spec("documenten", response)
        return response.json()["count"]

    assert count("aardRelatie=afzender") == 1
    assert count("aardRelatie=geadresseerde") == 1
    assert count("betrokkene=https://brp.example/ingeschrevenpersonen/1") == 1
    assert count(f"informatieobject={document_url(doc)}") == 2
    assert count(f"informatieobject={document_url(world['other'])}") == 0
    assert world["client"].get(f"{PATH}?onbekend=1").status_code == 400


def test_list_queries_do_not_grow_with_the_page():
    iot = published_informatieobjecttype()
    client = documenten_client(types={iot: (["documenten.lezen"], "geheim")})

    def count():
        with CaptureQueriesContext(connection) as queries:
            response = client.get(PATH)
        assert response.status_code == 200
        return len(queries), response.json()["count"]

    verzending(document(iot, content=None))
    one, total = count()
    assert total == 1
    for _ in range(29):
        verzending(document(iot, content=None))
    assert count() == (one, 30)
