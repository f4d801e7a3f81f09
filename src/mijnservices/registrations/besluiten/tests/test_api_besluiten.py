"""The Besluiten API 1.1: besluiten, besluitinformatieobjecten and audit trail, limited to
the client's besluittypen. Every response is validated against the official spec."""

from __future__ import annotations

import pytest
from django.db import connection
from django.test.utils import CaptureQueriesContext

from mijnservices.registrations.besluiten import services
from mijnservices.registrations.besluiten.tests.helpers import (
    BASE,
    besluit_fields,
    besluiten_client,
    besluittype_url,
    world,
)
from mijnservices.registrations.documenten.tests.helpers import document, document_url
from mijnservices.registrations.zaken.tests.api_helpers import zaak_url
from mijnservices.testing.api import assert_matches_official_spec
from mijnservices.testing.factories import ZaakFactory

pytestmark = pytest.mark.django_db
ALL = [
    "besluiten.lezen",
    "besluiten.aanmaken",
    "besluiten.bijwerken",
    "besluiten.verwijderen",
    "audittrails.lezen",
]


@pytest.fixture
def types():
    return world()


@pytest.fixture
def client(types):
    return besluiten_client(types={types[1]: ALL})


def _post(client, path, body):
    response = client.post(f"{BASE}/{path}", body, content_type="application/json")
    assert_matches_official_spec("besluiten", response)
    return response


def test_create_read_update_delete(client, types):
    zaaktype, besluittype, _ = types
    zaak = ZaakFactory(zaaktype=zaaktype)
    response = _post(
        client,
        "besluiten",
        {
            "verantwoordelijkeOrganisatie": "002220647",
            "besluittype": besluittype_url(besluittype),
            "zaak": zaak_url(zaak),
            "datum": "2026-01-10",
            "ingangsdatum": "2026-01-11",
        },
    )
    assert response.status_code == 201, response.json()["invalidParams"]
    body = response.json()
    assert body["identificatie"].startswith("BESLUIT-2026-")
    url = body["url"]

    detail = client.get(url)
    assert_matches_official_spec("besluiten", detail)
    assert client.get(url, headers={"If-None-Match": detail["ETag"]}).status_code == 304

    patched = client.patch(
        url,
        {"vervalreden": "tijdelijk", "vervaldatum": "2027-01-01"},
        content_type="application/json",
    )
    assert patched.status_code == 200, patched.json()
    assert_matches_official_spec("besluiten", patched)
    assert patched.json()["vervalredenWeergave"] == "Besluit met tijdelijke werking"

    refused = client.patch(url, {"identificatie": "ANDERS"}, content_type="application/json")
    assert refused.status_code == 400
    assert_matches_official_spec("besluiten", refused)

    listed = client.get(f"{BASE}/besluiten", {"zaak": zaak_url(zaak)})
    assert_matches_official_spec("besluiten", listed)
    assert listed.json()["count"] == 1

    trail = client.get(f"{url}/audittrail")
    assert_matches_official_spec("besluiten", trail)
    assert [entry["actie"] for entry in trail.json()] == ["create", "partial_update"]

    assert client.delete(url).status_code == 204
    assert client.get(url).status_code == 404


def test_besluitinformatieobject_round_trip(client, types, settings):
    # URLField wants a host with a domain: the public SITE_URL has one, "testserver" not.
    settings.SITE_URL = "http://mijnservices.example"
    _, besluittype, iot = types
    besluit = services.besluit_create(**besluit_fields(besluittype))
    doc = document(iot)
    besluit_url = f"http://testserver{BASE}/besluiten/{besluit.uuid}"
    ours = f"{settings.SITE_URL}/documenten/api/v1/enkelvoudiginformatieobjecten/{doc.uuid}"
    response = _post(
        client, "besluitinformatieobjecten", {"besluit": besluit_url, "informatieobject": ours}
    )
    assert response.status_code == 201, response.json()["invalidParams"]
    listed = client.get(f"{BASE}/besluitinformatieobjecten", {"besluit": besluit_url})
    assert_matches_official_spec("besluiten", listed)
    assert len(listed.json()) == 1
    assert doc.objecten.count() == 1
    detail = response.json()["url"]
    assert_matches_official_spec("besluiten", client.get(detail))
    assert client.delete(detail).status_code == 204
    assert doc.objecten.count() == 0


def test_a_client_sees_only_its_besluittypen(types):
    _, besluittype, _ = types
    _, other_type, _ = world(suffix=" 2")
    mine = services.besluit_create(**besluit_fields(besluittype))
    other = services.besluit_create(**besluit_fields(other_type))
    client = besluiten_client(client_id="limited", types={besluittype: ["besluiten.lezen"]})
    response = client.get(f"{BASE}/besluiten")
    assert_matches_official_spec("besluiten", response)
    assert [b["identificatie"] for b in response.json()["results"]] == [mine.identificatie]
    forbidden = client.get(f"{BASE}/besluiten/{other.uuid}")
    assert forbidden.status_code == 403
    assert_matches_official_spec("besluiten", forbidden)
    assert client.get(f"{BASE}/besluiten/{other.uuid}/audittrail").status_code == 403


def test_creating_needs_the_scope_for_that_besluittype(types):
    _, besluittype, _ = types
    client = besluiten_client(client_id="reader", types={besluittype: ["besluiten.lezen"]})
    response = client.post(
        f"{BASE}/besluiten",
        {
            "verantwoordelijkeOrganisatie": "002220647",
            "besluittype": besluittype_url(besluittype),
            "datum": "2026-01-10",
            "ingangsdatum": "2026-01-11",
        },
        content_type="application/json",
    )
    assert response.status_code == 403


def _count(client, path):
    with CaptureQueriesContext(connection) as queries:
        assert client.get(f"{BASE}/{path}").status_code == 200
    return len(queries)


@pytest.mark.parametrize("path", ["besluiten", "besluitinformatieobjecten"])
def test_list_queries_do_not_grow_with_the_page(types, path):
    _, besluittype, iot = types
    client = besluiten_client(client_id="lists", types={besluittype: ["besluiten.lezen"]})

    def make(count):
        for _ in range(count):
            besluit = services.besluit_create(**besluit_fields(besluittype))
            services.besluitinformatieobject_create(
                besluit=besluit, informatieobject=document_url(document(iot, content=None))
            )

    make(1)
    one = _count(client, path)
    make(29)
    assert _count(client, path) == one


@pytest.mark.parametrize(
    ("path", "code"),
    [
        ("besluittypen/00000000-0000-0000-0000-000000000000", "bad-url"),
        ("zaaktypen/00000000-0000-0000-0000-000000000000", "invalid-resource"),
    ],
)
def test_a_bad_besluittype_url_answers_the_zgw_codes(client, path, code):
    response = _post(
        client,
        "besluiten",
        {
            "verantwoordelijkeOrganisatie": "002220647",
            "besluittype": f"http://testserver/catalogi/api/v1/{path}",
            "datum": "2026-01-10",
            "ingangsdatum": "2026-01-11",
        },
    )
    assert response.status_code == 400
    params = {p["name"]: p["code"] for p in response.json()["invalidParams"]}
    assert params["besluittype"] == code
