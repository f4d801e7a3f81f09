"""A client sees and changes only documents of informatieobjecttypen it holds rights for,
up to that grant's maximum vertrouwelijkheid: on list, detail, download and nested reads."""

from __future__ import annotations

import pytest
from django.db import connection
from django.test.utils import CaptureQueriesContext

from mijnservices.registrations.documenten import services
from mijnservices.registrations.documenten.tests.helpers import (
    BASE,
    document,
    document_url,
    documenten_client,
    iot_url,
    published_informatieobjecttype,
)
from mijnservices.testing.api import assert_matches_official_spec

pytestmark = pytest.mark.django_db


@pytest.fixture
def world():
    """Two informatieobjecttypen; the client reads A up to zaakvertrouwelijk, nothing of B."""
    type_a = published_informatieobjecttype("A")
    type_b = published_informatieobjecttype("B")
    visible = document(type_a)
    secret = document(type_a, vertrouwelijkheidaanduiding="geheim")
    other = document(type_b)
    for doc in (visible, secret, other):
        services.gebruiksrechten_create(
            informatieobject=doc, startdatum="2026-01-01T00:00:00Z", omschrijving_voorwaarden="x"
        )
    client = documenten_client(
        types={type_a: (["documenten.lezen", "audittrails.lezen"], "zaakvertrouwelijk")}
    )
    return {
        "client": client,
        "a": type_a,
        "b": type_b,
        "visible": visible,
        "secret": secret,
        "other": other,
    }


def test_list_shows_only_granted_types_up_to_their_confidentiality(world):
    response = world["client"].get(f"{BASE}/enkelvoudiginformatieobjecten")
    assert_matches_official_spec("documenten", response)
    assert [d["url"] for d in response.json()["results"]] == [document_url(world["visible"])]


@pytest.mark.parametrize("name", ["secret", "other"])
def test_detail_and_download_outside_the_rights_are_forbidden(world, name):
    url = document_url(world[name])
    for path in (url, f"{url}/download", f"{url}/audittrail"):
        response = world["client"].get(path)
        assert response.status_code == 403, path
    assert_matches_official_spec("documenten", world["client"].get(url))


def test_download_within_the_rights_works(world):
    response = world["client"].get(f"{document_url(world['visible'])}/download")
    assert response.status_code == 200


def test_gebruiksrechten_follow_the_document(world):
    response = world["client"].get(f"{BASE}/gebruiksrechten")
    assert_matches_official_spec("documenten", response)
    assert [r["informatieobject"] for r in response.json()] == [document_url(world["visible"])]


def test_creating_needs_the_scope_for_that_type_and_confidentiality(world):
    client = documenten_client(
        client_id="writer", types={world["a"]: (["documenten.aanmaken"], "openbaar")}
    )
    body = {
        "bronorganisatie": "002220647",
        "creatiedatum": "2026-01-05",
        "titel": "x",
        "auteur": "x",
        "taal": "nld",
        "informatieobjecttype": iot_url(world["a"]),
    }
    path = f"{BASE}/enkelvoudiginformatieobjecten"
    assert client.post(path, body, content_type="application/json").status_code == 201
    secret = {**body, "vertrouwelijkheidaanduiding": "geheim"}
    response = client.post(path, secret, content_type="application/json")
    assert response.status_code == 403
    assert_matches_official_spec("documenten", response)
    other = {**body, "informatieobjecttype": iot_url(world["b"])}
    assert client.post(path, other, content_type="application/json").status_code == 403


def test_without_token_the_api_answers_401():
    from django.test import Client

    response = Client().get(f"{BASE}/enkelvoudiginformatieobjecten")
    assert response.status_code == 401


def _count(client, path):
    with CaptureQueriesContext(connection) as queries:
        assert client.get(path).status_code == 200
    return len(queries)


@pytest.mark.parametrize(
    "path", ["enkelvoudiginformatieobjecten", "gebruiksrechten", "objectinformatieobjecten"]
)
def test_list_queries_do_not_grow_with_the_page(path):
    iot = published_informatieobjecttype()
    client = documenten_client(types={iot: (["documenten.lezen"], "geheim")})

    def make(count):
        for _ in range(count):
            doc = document(iot, content=None)
            services.gebruiksrechten_create(
                informatieobject=doc,
                startdatum="2026-01-01T00:00:00Z",
                omschrijving_voorwaarden="x",
            )
            services.objectinformatieobject_create(
                informatieobject=doc,
                object=f"https://zrc.example/zaken/{doc.uuid}",
                object_type="zaak",
            )

    make(1)
    one = _count(client, f"{BASE}/{path}")
    make(29)
    assert _count(client, f"{BASE}/{path}") == one


ZOEK = f"{BASE}/enkelvoudiginformatieobjecten/_zoek"


def test_zoek_never_returns_documents_outside_the_rights(world):
    uuids = [str(world[name].uuid) for name in ("visible", "secret", "other")]
    response = world["client"].post(ZOEK, {"uuid__in": uuids}, content_type="application/json")
    assert response.status_code == 200
    assert_matches_official_spec("documenten", response)
    assert [d["url"] for d in response.json()["results"]] == [document_url(world["visible"])]
    # asking only for documents outside the rights finds nothing
    hidden = [str(world["secret"].uuid), str(world["other"].uuid)]
    response = world["client"].post(ZOEK, {"uuid__in": hidden}, content_type="application/json")
    assert response.json()["results"] == []


def test_zoek_needs_the_read_scope():
    iot = published_informatieobjecttype()
    doc = document(iot)
    client = documenten_client(types={iot: (["documenten.aanmaken"], "geheim")})
    body = {"uuid__in": [str(doc.uuid)]}
    response = client.post(ZOEK, body, content_type="application/json")
    assert response.status_code == 403
    assert_matches_official_spec("documenten", response)


def test_zoek_queries_do_not_grow_with_the_page():
    iot = published_informatieobjecttype()
    client = documenten_client(types={iot: (["documenten.lezen"], "geheim")})
    docs = [document(iot, content=None)]

    def count():
        body = {"uuid__in": [str(d.uuid) for d in docs]}
        with CaptureQueriesContext(connection) as queries:
            response = client.post(ZOEK, body, content_type="application/json")
        assert response.status_code == 200
        assert len(response.json()["results"]) == len(docs)
        return len(queries)

    one = count()
    docs += [document(iot, content=None) for _ in range(29)]
    assert count() == one


@pytest.mark.parametrize("path", ["gebruiksrechten", "objectinformatieobjecten", "verzendingen"])
def test_expand_informatieobject_shows_only_documents_within_the_rights(world, path):
    for name in ("visible", "secret", "other"):
        services.objectinformatieobject_create(
            informatieobject=world[name],
            object=f"https://zrc.example/zaken/{world[name].uuid}",
            object_type="zaak",
        )
        services.verzending_create(
            informatieobject=world[name],
            betrokkene="https://brp.example/personen/1",
            aard_relatie="geadresseerde",
            contact_persoon="https://brp.example/personen/2",
        )
    response = world["client"].get(f"{BASE}/{path}?expand=informatieobject")
    assert response.status_code == 200
    assert_matches_official_spec("documenten", response)
    body = response.json()
    items = body["results"] if isinstance(body, dict) else body
    assert [item["_expand"]["informatieobject"]["url"] for item in items] == [
        document_url(world["visible"])
    ]
    detail = world["client"].get(f"{items[0]['url']}?expand=informatieobject")
    assert detail.status_code == 200
    assert_matches_official_spec("documenten", detail)
    assert detail.json()["_expand"]["informatieobject"]["url"] == document_url(world["visible"])
    assert world["client"].get(f"{BASE}/{path}?expand=zaak").status_code == 400


def test_expand_on_documents_includes_the_informatieobjecttype(world):
    iot = world["visible"].huidige_versie.informatieobjecttype
    client = documenten_client(
        client_id="drc-and-ztc",
        types={world["a"]: (["documenten.lezen"], "zaakvertrouwelijk")},
        extra=[{"component": "ztc", "scopes": ["catalogi.lezen"]}],
    )
    for path in ("", f"/{world['visible'].uuid}"):
        url = f"{BASE}/enkelvoudiginformatieobjecten{path}?expand=informatieobjecttype.catalogus"
        response = client.get(url)
        assert response.status_code == 200, response.json()
        assert_matches_official_spec("documenten", response)
        body = response.json()
        item = body["results"][0] if "results" in body else body
        expanded = item["_expand"]["informatieobjecttype"]
        assert expanded["url"].endswith(f"/catalogi/api/v1/informatieobjecttypen/{iot.uuid}")
        assert expanded["omschrijving"] == iot.omschrijving
        assert expanded["_expand"]["catalogus"]["url"] == expanded["catalogus"]
    for unknown in ("zaak", "informatieobjecttype.onbekend"):
        url = f"{BASE}/enkelvoudiginformatieobjecten?expand={unknown}"
        assert client.get(url).status_code == 400


def test_the_informatieobjecttype_is_expanded_only_with_catalogi_lezen(world):
    # A direct read of the type needs catalogi.lezen; expand does not reveal it otherwise.
    url = f"{BASE}/enkelvoudiginformatieobjecten/{world['visible'].uuid}"
    response = world["client"].get(f"{url}?expand=informatieobjecttype")
    assert response.status_code == 200
    assert_matches_official_spec("documenten", response)
    assert response.json()["_expand"] == {}


@pytest.mark.parametrize("path", ["gebruiksrechten", "objectinformatieobjecten", "verzendingen"])
def test_expanded_list_queries_do_not_grow_with_the_page(path):
    iot = published_informatieobjecttype()
    client = documenten_client(types={iot: (["documenten.lezen"], "geheim")})

    def make(count):
        for _ in range(count):
            doc = document(iot, content=None)
            services.gebruiksrechten_create(
                informatieobject=doc,
                startdatum="2026-01-01T00:00:00Z",
                omschrijving_voorwaarden="x",
            )
            services.objectinformatieobject_create(
                informatieobject=doc,
                object=f"https://zrc.example/zaken/{doc.uuid}",
                object_type="zaak",
            )
            services.verzending_create(
                informatieobject=doc,
                betrokkene="https://brp.example/personen/1",
                aard_relatie="afzender",
                contact_persoon="https://brp.example/personen/2",
            )

    make(1)
    one = _count(client, f"{BASE}/{path}?expand=informatieobject")
    make(29)
    assert _count(client, f"{BASE}/{path}?expand=informatieobject") == one


def test_an_older_version_above_the_clients_maximum_is_not_served(world):
    doc = world["secret"]  # version 1 is geheim
    lock = services.informatieobject_lock(informatieobject=doc)
    services.informatieobject_update(
        informatieobject=doc, lock=lock, vertrouwelijkheidaanduiding="openbaar"
    )
    url = document_url(doc)
    assert world["client"].get(url).status_code == 200  # version 2 is openbaar
    for path in (f"{url}?versie=1", f"{url}/download?versie=1"):
        assert world["client"].get(path).status_code == 404, path
    assert world["client"].get(f"{url}?versie=2").status_code == 200
