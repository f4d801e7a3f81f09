"""Chunked upload: ``bestandsomvang`` without ``inhoud`` gives bestandsdelen of
DOCUMENTEN_CHUNK_SIZE; each is PUT under the lock; the last one completes the document."""

from __future__ import annotations

import pytest
import yaml
from django.core.files.uploadedfile import SimpleUploadedFile
from openapi_schema_validator import OAS30Validator

from mijnservices.registrations.documenten.tests.helpers import (
    BASE,
    PDF,
    PNG,
    documenten_client,
    iot_url,
    published_informatieobjecttype,
)
from mijnservices.testing.api import OFFICIAL, assert_matches_official_spec

pytestmark = pytest.mark.django_db
SCOPES = ["documenten.lezen", "documenten.aanmaken", "documenten.bijwerken", "documenten.lock"]


@pytest.fixture
def iot():
    return published_informatieobjecttype()


@pytest.fixture
def client(iot, settings):
    settings.DOCUMENTEN_CHUNK_SIZE = 20
    return documenten_client(types={iot: (SCOPES, "geheim")})


def _start(client, iot, size, **extra):
    response = client.post(
        f"{BASE}/enkelvoudiginformatieobjecten",
        {
            "bronorganisatie": "002220647",
            "creatiedatum": "2026-01-05",
            "titel": "Groot",
            "auteur": "Burger",
            "taal": "nld",
            "informatieobjecttype": iot_url(iot),
            "bestandsnaam": "groot.pdf",
            "bestandsomvang": size,
            "inhoud": None,
            **extra,
        },
        content_type="application/json",
    )
    assert_matches_official_spec("documenten", response)
    assert response.status_code == 201, response.json()
    return response.json()


def _matches_bestandsdeel_response(body):
    """openapi-core cannot replay a consumed multipart request: check the body against the
    official BestandsDeelResponse schema directly."""
    document = yaml.safe_load(OFFICIAL["documenten"].read_text())
    schema = document["components"]["schemas"]["BestandsDeelResponse"]
    OAS30Validator(schema, format_checker=OAS30Validator.FORMAT_CHECKER).validate(body)


def _multipart_put(client, url, data, lock):
    from django.test.client import BOUNDARY, MULTIPART_CONTENT, encode_multipart

    body = encode_multipart(BOUNDARY, {"inhoud": SimpleUploadedFile("deel", data), "lock": lock})
    return client.put(url, body, content_type=MULTIPART_CONTENT)


def test_parts_are_planned_uploaded_and_assembled(client, iot):
    created = _start(client, iot, len(PDF))
    parts = created["bestandsdelen"]
    assert [p["omvang"] for p in parts] == [20, 20, len(PDF) - 40]
    assert created["locked"] is True and created["lock"]
    assert "inhoud" not in created  # no content until every part is in

    for number, part in enumerate(parts):
        chunk = PDF[number * 20 : number * 20 + part["omvang"]]
        response = _multipart_put(client, part["url"], chunk, created["lock"])
        assert response.status_code == 200, response.content
        _matches_bestandsdeel_response(response.json())
        assert response.json()["voltooid"] is True

    done = client.get(created["url"])
    assert_matches_official_spec("documenten", done)
    assert done.json()["bestandsdelen"] == []
    assert done.json()["bestandsomvang"] == len(PDF)
    assert b"".join(client.get(done.json()["inhoud"]).streaming_content) == PDF


def test_a_part_needs_the_lock_and_its_exact_size(client, iot):
    created = _start(client, iot, 30)
    first = created["bestandsdelen"][0]
    wrong_lock = _multipart_put(client, first["url"], PDF[:20], "wrong")
    assert wrong_lock.status_code == 400
    assert wrong_lock.json()["invalidParams"][0]["code"] == "incorrect-lock-id"
    short = _multipart_put(client, first["url"], PDF[:5], created["lock"])
    assert short.status_code == 400
    assert short.json()["invalidParams"][0]["code"] == "file-size"


def test_assembled_content_is_type_checked_when_configured(client, iot, settings):
    settings.DOCUMENTEN_API_CONTENT_CHECK = True
    created = _start(client, iot, len(PNG))
    responses = [
        _multipart_put(client, part["url"], PNG[n * 20 : n * 20 + part["omvang"]], created["lock"])
        for n, part in enumerate(created["bestandsdelen"])
    ]
    assert responses[-1].status_code == 400
    assert responses[-1].json()["invalidParams"][0]["code"] == "content-type-mismatch"


def test_a_planned_size_over_the_limit_is_refused(client, iot, settings):
    settings.DOCUMENTEN_MAX_UPLOAD_SIZE = 10
    response = client.post(
        f"{BASE}/enkelvoudiginformatieobjecten",
        {
            "bronorganisatie": "002220647",
            "creatiedatum": "2026-01-05",
            "titel": "Groot",
            "auteur": "Burger",
            "taal": "nld",
            "informatieobjecttype": iot_url(iot),
            "bestandsomvang": 11,
        },
        content_type="application/json",
    )
    assert response.status_code == 400
    assert response.json()["invalidParams"][0]["code"] == "file-too-large"
