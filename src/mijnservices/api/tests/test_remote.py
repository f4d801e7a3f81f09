"""Remote resource URLs are fetched from a real HTTP stand-in on loopback before they are stored
(zrc-003, zrc-010, drc-002): only under REMOTE_API_ROOTS, and not while the check is off."""

from __future__ import annotations

from collections.abc import Iterator

import pytest

from mijnservices.registrations.documenten.tests.helpers import (
    BASE as DOCUMENTEN,
)
from mijnservices.registrations.documenten.tests.helpers import (
    document,
    document_url,
    documenten_client,
    published_informatieobjecttype,
)
from mijnservices.registrations.zaken.models import Zaak
from mijnservices.registrations.zaken.tests.api_helpers import BASE, zaak_url, zaken_client
from mijnservices.testing.conformance.http import LoopbackServer, Request, Response
from mijnservices.testing.factories import ZaakFactory, published_zaaktype

pytestmark = pytest.mark.django_db

ANSWERS = {
    "/api/v1/404": Response(404),
    "/api/v1/leeg": Response(200, b""),
    "/api/v1/kanaal": Response.of_json({"url": "x", "naam": "E-mail", "omschrijving": "mail"}),
    "/api/v1/document": Response.of_json({"url": "x", "informatieobjecttype": "y"}),
    "/api/v1/zaak": Response.of_json({"url": "x", "zaaktype": "y"}),
}


class Remote:
    def __init__(self) -> None:
        self.paths: list[str] = []

    def __call__(self, request: Request) -> Response:
        self.paths.append(request.path)
        return ANSWERS.get(request.path, Response(404))


@pytest.fixture
def remote(settings) -> Iterator[tuple[str, Remote]]:
    handler = Remote()
    with LoopbackServer(handler) as server:
        settings.REMOTE_API_ROOTS = [f"{server.url}/api/v1/"]
        yield f"{server.url}/api/v1", handler


@pytest.fixture
def zaak() -> Zaak:
    return ZaakFactory(zaaktype=published_zaaktype())


def _client(zaak: Zaak):
    return zaken_client(alles=True)


def _patch_kanaal(zaak: Zaak, url: str):
    return _client(zaak).patch(
        f"{BASE}/zaken/{zaak.uuid}", {"communicatiekanaal": url}, content_type="application/json"
    )


def _error(response) -> tuple[str, str]:
    param = response.json()["invalidParams"][0]
    return param["name"], param["code"]


def test_a_zaakinformatieobject_whose_remote_informatieobject_answers_404_is_refused(remote, zaak):
    root, _ = remote
    response = _client(zaak).post(
        f"{BASE}/zaakinformatieobjecten",
        {"zaak": zaak_url(zaak), "informatieobject": f"{root}/404"},
        content_type="application/json",
    )
    assert response.status_code == 400
    assert _error(response) == ("informatieobject", "bad-url")


def test_a_remote_informatieobject_that_answers_is_accepted(remote, zaak):
    root, _ = remote
    response = _client(zaak).post(
        f"{BASE}/zaakinformatieobjecten",
        {"zaak": zaak_url(zaak), "informatieobject": f"{root}/document"},
        content_type="application/json",
    )
    assert response.status_code == 201, response.json()


@pytest.mark.parametrize(
    ("path", "code"),
    [("404", "bad-url"), ("leeg", "invalid-resource"), ("zaak", "invalid-resource")],
)
def test_a_communicatiekanaal_that_does_not_answer_as_one_is_refused(remote, zaak, path, code):
    root, _ = remote
    response = _patch_kanaal(zaak, f"{root}/{path}")
    assert response.status_code == 400
    assert _error(response) == ("communicatiekanaal", code)


def test_a_communicatiekanaal_that_answers_as_one_is_stored(remote, zaak):
    root, _ = remote
    response = _patch_kanaal(zaak, f"{root}/kanaal")
    assert response.status_code == 200, response.json()
    assert response.json()["communicatiekanaal"] == f"{root}/kanaal"


def test_a_url_outside_the_remote_roots_is_never_fetched(remote, zaak):
    _, handler = remote
    response = _patch_kanaal(zaak, "https://referentielijsten.example/api/v1/kanalen/1")
    assert response.status_code == 200, response.json()
    assert handler.paths == []


def test_with_the_check_off_a_remote_url_is_stored_unfetched(remote, zaak, settings):
    root, handler = remote
    settings.REMOTE_URL_VALIDATION = False
    assert _patch_kanaal(zaak, f"{root}/404").status_code == 200
    assert handler.paths == []


@pytest.mark.parametrize(("object_type", "path"), [("zaak", "kanaal"), ("besluit", "zaak")])
def test_an_objectinformatieobject_whose_object_is_of_another_kind_is_refused(
    remote, object_type, path
):
    root, _ = remote
    iot = published_informatieobjecttype()
    doc = document(iot)
    client = documenten_client(alles=True)
    response = client.post(
        f"{DOCUMENTEN}/objectinformatieobjecten",
        {
            "informatieobject": document_url(doc),
            "object": f"{root}/{path}",
            "objectType": object_type,
        },
        content_type="application/json",
    )
    assert response.status_code == 400
    assert _error(response) == ("object", "invalid-resource")
