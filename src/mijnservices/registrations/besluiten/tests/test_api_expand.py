"""Besluiten API 1.1 ``expand``: only ``besluit`` on besluitinformatieobjecten, one query
per page through besluiten_scope; relations into other APIs answer 400."""

from __future__ import annotations

import pytest
from django.db import connection
from django.test.utils import CaptureQueriesContext

from mijnservices.registrations.besluiten import services
from mijnservices.registrations.besluiten.tests.helpers import (
    BASE,
    besluit_fields,
    besluiten_client,
    world,
)
from mijnservices.registrations.documenten.tests.helpers import document, document_url
from mijnservices.testing.api import assert_matches_official_spec

pytestmark = pytest.mark.django_db
READ = ["besluiten.lezen"]


def _bio(besluittype, iot, **extra):
    besluit = services.besluit_create(**besluit_fields(besluittype, **extra))
    return services.besluitinformatieobject_create(
        besluit=besluit, informatieobject=document_url(document(iot, content=None))
    )


def test_expand_besluit_on_besluitinformatieobjecten():
    _, besluittype, iot = world()
    bio = _bio(besluittype, iot)
    client = besluiten_client(types={besluittype: READ})

    response = client.get(f"{BASE}/besluitinformatieobjecten?expand=besluit")
    assert response.status_code == 200, response.content
    assert_matches_official_spec("besluiten", response)
    [item] = response.json()
    assert item["_expand"]["besluit"]["url"] == item["besluit"]
    assert item["_expand"]["besluit"]["identificatie"] == bio.besluit.identificatie

    detail = client.get(f"{BASE}/besluitinformatieobjecten/{bio.uuid}?expand=besluit")
    assert detail.status_code == 200
    assert_matches_official_spec("besluiten", detail)
    assert detail.json()["_expand"]["besluit"]["url"] == detail.json()["besluit"]

    plain = client.get(f"{BASE}/besluitinformatieobjecten")
    assert "_expand" not in plain.json()[0]


def test_expand_costs_one_query_per_page():
    _, besluittype, iot = world()
    _bio(besluittype, iot)
    client = besluiten_client(types={besluittype: READ})
    url = f"{BASE}/besluitinformatieobjecten"
    with CaptureQueriesContext(connection) as plain:
        client.get(url)
    for _ in range(3):
        _bio(besluittype, iot)
    with CaptureQueriesContext(connection) as expanded:
        response = client.get(f"{url}?expand=besluit")
    assert len(response.json()) == 4
    assert len(expanded.captured_queries) == len(plain.captured_queries) + 1


def test_a_limited_client_expands_only_what_it_may_see():
    _, besluittype, iot = world()
    _, other_type, other_iot = world("-b")
    _bio(besluittype, iot)
    _bio(other_type, other_iot)
    client = besluiten_client(types={besluittype: READ})
    items = client.get(f"{BASE}/besluitinformatieobjecten?expand=besluit").json()
    assert len(items) == 1
    assert items[0]["_expand"]["besluit"]["url"] == items[0]["besluit"]


@pytest.mark.parametrize(
    "path",
    [
        "besluiten?expand=besluittype",
        "besluiten?expand=zaak",
        "besluiten?expand=besluit",
        "besluitinformatieobjecten?expand=informatieobject",
        "besluitinformatieobjecten?expand=besluit.besluittype",
        "besluitinformatieobjecten?expand=besluit,onbekend",
    ],
)
def test_other_paths_answer_400(path):
    _, besluittype, iot = world()
    _bio(besluittype, iot)
    client = besluiten_client(types={besluittype: READ})
    response = client.get(f"{BASE}/{path}")
    assert response.status_code == 400, path
    assert response.json()["invalidParams"][0]["name"] == "expand"


def test_besluiten_accept_an_empty_expand():
    _, besluittype, iot = world()
    bio = _bio(besluittype, iot)
    client = besluiten_client(types={besluittype: READ})
    response = client.get(f"{BASE}/besluiten/{bio.besluit.uuid}?expand=")
    assert response.status_code == 200
    assert_matches_official_spec("besluiten", response)
