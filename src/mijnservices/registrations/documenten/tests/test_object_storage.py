"""Document content in S3-compatible object storage, against a real S3 API server (moto's)
on loopback: upload, streamed download, versions, chunked upload and deletion."""

from __future__ import annotations

import uuid

import pytest
from botocore.config import Config
from botocore.response import StreamingBody

from mijnservices.core import health
from mijnservices.registrations.documenten import storage
from mijnservices.registrations.documenten.models import EnkelvoudigInformatieObject
from mijnservices.registrations.documenten.tests.helpers import (
    BASE,
    PDF,
    PNG,
    b64,
    documenten_client,
    iot_url,
    published_informatieobjecttype,
)
from mijnservices.registrations.documenten.tests.test_api_parts import _multipart_put
from mijnservices.testing.processes import free_port
from mijnservices.testing.s3 import create_bucket, moto_s3_server, s3_storage_settings

pytestmark = pytest.mark.django_db
SCOPES = [
    "documenten.lezen",
    "documenten.aanmaken",
    "documenten.bijwerken",
    "documenten.verwijderen",
    "documenten.lock",
]
# Larger than one read of the download (64 KiB), so the answer comes in many pieces.
BIG_PDF = PDF + b"%" + b"x" * (1024 * 1024)


@pytest.fixture(scope="module")
def s3_endpoint():
    with moto_s3_server() as endpoint:
        yield endpoint


@pytest.fixture
def bucket(s3_endpoint, settings, documenten_storage):
    name = f"documenten-{uuid.uuid4().hex[:12]}"
    s3 = create_bucket(s3_endpoint, name)
    settings.STORAGES = {**settings.STORAGES, "documenten": s3_storage_settings(s3_endpoint, name)}
    return s3, name


def _keys(bucket) -> list[str]:
    s3, name = bucket
    return sorted(item["Key"] for item in s3.list_objects_v2(Bucket=name).get("Contents", []))


@pytest.fixture
def iot():
    return published_informatieobjecttype()


@pytest.fixture
def client(iot):
    return documenten_client(types={iot: (SCOPES, "geheim")})


def _create(client, iot, content: bytes = PDF, **extra):
    response = client.post(
        f"{BASE}/enkelvoudiginformatieobjecten",
        {
            "bronorganisatie": "002220647",
            "creatiedatum": "2026-01-05",
            "titel": "Aanvraag",
            "auteur": "Burger",
            "taal": "nld",
            "informatieobjecttype": iot_url(iot),
            "bestandsnaam": "aanvraag.pdf",
            "formaat": "application/pdf",
            "inhoud": b64(content),
            **extra,
        },
        content_type="application/json",
    )
    assert response.status_code == 201, response.json()
    return response.json()


def test_uploaded_content_lands_in_the_bucket_and_downloads_streamed(
    client, iot, bucket, documenten_storage
):
    created = _create(client, iot, BIG_PDF)
    document = EnkelvoudigInformatieObject.objects.get(uuid=created["url"].rsplit("/", 1)[1])
    key = document.huidige_versie.inhoud
    assert _keys(bucket) == [f"documenten/{key}"]
    assert not documenten_storage.exists(), "nothing on the local disk"

    handle = storage.open_content(key)
    assert isinstance(handle, StreamingBody), "object storage content is streamed, not copied"
    handle.close()
    response = client.get(created["inhoud"])
    assert response.status_code == 200
    pieces = list(response.streaming_content)
    assert len(pieces) > 1
    assert b"".join(pieces) == BIG_PDF


def test_each_version_keeps_its_own_object(client, iot, bucket):
    url = _create(client, iot)["url"]
    lock = client.post(f"{url}/lock").json()["lock"]
    response = client.patch(
        url,
        {"inhoud": b64(PNG), "bestandsnaam": "foto.png", "formaat": "image/png", "lock": lock},
        content_type="application/json",
    )
    assert response.status_code == 200, response.json()
    assert len(_keys(bucket)) == 2
    assert b"".join(client.get(f"{url}/download?versie=1").streaming_content) == PDF
    assert b"".join(client.get(f"{url}/download").streaming_content) == PNG


def test_chunked_upload_is_assembled_in_object_storage(
    client, iot, bucket, settings, django_capture_on_commit_callbacks
):
    settings.DOCUMENTEN_CHUNK_SIZE = 20
    created = _create(client, iot, content=b"", bestandsomvang=len(PDF), inhoud=None)
    with django_capture_on_commit_callbacks(execute=True):
        for number, part in enumerate(created["bestandsdelen"]):
            chunk = PDF[number * 20 : number * 20 + part["omvang"]]
            response = _multipart_put(client, part["url"], chunk, created["lock"])
            assert response.status_code == 200, response.content
    done = client.get(created["url"]).json()
    assert b"".join(client.get(done["inhoud"]).streaming_content) == PDF
    assert len(_keys(bucket)) == 1, "the parts' objects are removed once assembled"


def test_deleting_a_document_deletes_its_objects(
    client, iot, bucket, django_capture_on_commit_callbacks
):
    url = _create(client, iot)["url"]
    assert len(_keys(bucket)) == 1
    with django_capture_on_commit_callbacks(execute=True):
        assert client.delete(url).status_code == 204
    assert _keys(bucket) == []


def test_readiness_reports_unreachable_object_storage(settings, documenten_storage):
    unreachable = s3_storage_settings(f"http://127.0.0.1:{free_port()}", "documenten")
    unreachable["OPTIONS"]["client_config"] = Config(
        retries={"max_attempts": 1, "mode": "standard"}, connect_timeout=1
    )
    settings.STORAGES = {**settings.STORAGES, "documenten": unreachable}
    assert health.readiness()["storage"] == health.Result(False, "EndpointConnectionError")
