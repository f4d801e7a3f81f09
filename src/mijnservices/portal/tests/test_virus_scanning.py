"""Every upload (portal and Documenten API) is scanned by a real clamd before it is stored:
infected → refused with a plain message and logged without personal data; scanner down →
refused (fail closed). The clamd is Debian's, loaded with a signature database written here."""

from __future__ import annotations

import io

import pytest
import structlog
from django.core.files.uploadedfile import SimpleUploadedFile
from django.urls import reverse
from django.utils import timezone

from mijnservices.core import quarantine, virusscan
from mijnservices.core.models import QuarantinedUpload
from mijnservices.registrations.documenten.models import (
    EnkelvoudigInformatieObject,
    InformatieObjectVersie,
)
from mijnservices.registrations.documenten.tests.helpers import (
    BASE,
    b64,
    documenten_client,
    iot_url,
    published_informatieobjecttype,
)
from mijnservices.testing.clamav import INFECTED, SIGNATURE, clamd_binary, clamd_server
from mijnservices.testing.documents import PDF, zaaktype_with_uploads
from mijnservices.testing.factories import ZaakFactory

pytestmark = pytest.mark.skipif(
    clamd_binary() is None, reason="clamd is not installed (apt-get install clamav-daemon)"
)
SUZANNE = "999993653"


@pytest.fixture(scope="module")
def clamd_socket(tmp_path_factory):
    with clamd_server(tmp_path_factory.mktemp("clamd")) as path:
        yield path


@pytest.fixture
def scanning(settings, clamd_socket, tmp_path):
    settings.CLAMAV_ADDRESS = str(clamd_socket)
    settings.STORAGES = {
        **settings.STORAGES,
        "documenten": {
            "BACKEND": "django.core.files.storage.FileSystemStorage",
            "OPTIONS": {"location": str(tmp_path / "documenten")},
        },
    }
    settings.SITE_URL = "http://testserver"
    return tmp_path / "documenten"


def test_clamd_finds_the_test_signature_and_passes_clean_files(scanning):
    assert virusscan.scan(io.BytesIO(PDF)) == virusscan.Verdict(infected=False)
    verdict = virusscan.scan(io.BytesIO(INFECTED))
    assert verdict.infected and verdict.signature.startswith(SIGNATURE)


def test_an_unreachable_scanner_gives_no_verdict(settings, tmp_path):
    settings.CLAMAV_ADDRESS = str(tmp_path / "no-clamd.sock")
    with pytest.raises(virusscan.ScannerUnavailable):
        virusscan.scan(io.BytesIO(PDF))


def _api_create(content: bytes):
    iot = published_informatieobjecttype()
    client = documenten_client(types={iot: (["documenten.aanmaken", "documenten.lezen"], "geheim")})
    return _post(client, iot, content)


def _post(client, iot, content: bytes):
    return client.post(
        f"{BASE}/enkelvoudiginformatieobjecten",
        {
            "bronorganisatie": "002220647",
            "creatiedatum": "2026-01-05",
            "titel": "Aanvraag",
            "auteur": "Burger",
            "taal": "nld",
            "informatieobjecttype": iot_url(iot),
            "bestandsnaam": "aanvraag-jansen.pdf",
            "formaat": "application/pdf",
            "inhoud": b64(content),
        },
        content_type="application/json",
    )


@pytest.mark.django_db
def test_the_api_stores_a_clean_document_when_scanning_is_on(scanning):
    response = _api_create(PDF)
    assert response.status_code == 201, response.json()
    assert any(scanning.rglob("*"))


@pytest.mark.django_db
def test_the_api_refuses_an_infected_document_and_logs_no_personal_data(scanning):
    with structlog.testing.capture_logs() as logs:
        response = _api_create(INFECTED)
    assert response.status_code == 400
    assert response["Content-Type"] == "application/problem+json"
    assert response.json()["invalidParams"] == [
        {
            "name": "inhoud",
            "code": "virus-found",
            "reason": "The file contains a virus and was not stored.",
        }
    ]
    assert not EnkelvoudigInformatieObject.objects.exists()
    assert not any(p.is_file() for p in scanning.rglob("*"))
    [entry] = [e for e in logs if e["event"] == "upload_infected"]
    assert entry["signature"].startswith(SIGNATURE)
    assert "jansen" not in str(logs), "no file name (personal data) in the logs"


@pytest.mark.django_db
def test_the_api_refuses_uploads_while_the_scanner_is_down(scanning, settings, tmp_path):
    settings.CLAMAV_ADDRESS = str(tmp_path / "no-clamd.sock")
    response = _api_create(PDF)
    assert response.status_code == 400
    assert response.json()["invalidParams"][0]["code"] == "scan-unavailable"
    assert not EnkelvoudigInformatieObject.objects.exists()


@pytest.mark.django_db
def test_the_portal_refuses_an_infected_upload_with_a_form_error(scanning, login_as):
    zaak = ZaakFactory(zaaktype=zaaktype_with_uploads(identificatie="ZT-SCAN"), for_bsn=SUZANNE)
    response = login_as(SUZANNE).post(
        reverse("portal:document_add", kwargs={"zaak_uuid": zaak.uuid}),
        {"file": SimpleUploadedFile("loonstrook.pdf", INFECTED), "titel": "Loonstrook"},
        HTTP_ACCEPT_LANGUAGE="en",
    )
    assert response.status_code == 400
    page = response.content.decode()
    assert 'aria-invalid="true"' in page
    assert "contains a virus" in page or "bevat een virus" in page
    assert not EnkelvoudigInformatieObject.objects.exists()


@pytest.mark.django_db
def test_quarantine_keeps_an_unscanned_upload_unserved_until_the_worker_scans_it_clean(
    scanning, settings, clamd_socket, tmp_path, django_capture_on_commit_callbacks
):
    settings.CLAMAV_WHEN_UNAVAILABLE = "quarantine"
    settings.CLAMAV_ADDRESS = str(tmp_path / "no-clamd.sock")
    iot = published_informatieobjecttype()
    client = documenten_client(types={iot: (["documenten.aanmaken"], "geheim")})
    clean = _post(client, iot, PDF)
    infected = _post(client, iot, INFECTED)
    assert clean.status_code == infected.status_code == 201
    versies = InformatieObjectVersie.objects.order_by("pk")
    assert [v.inhoud for v in versies] == ["", ""], "nothing is served before the scan"
    assert QuarantinedUpload.objects.count() == 2

    assert quarantine.quarantine_scan_due() == 0  # scanner still down: tried again later
    assert QuarantinedUpload.objects.filter(attempts=1).count() == 2

    settings.CLAMAV_ADDRESS = str(clamd_socket)
    QuarantinedUpload.objects.update(next_attempt_at=timezone.now())
    with django_capture_on_commit_callbacks(execute=True):
        assert quarantine.quarantine_scan_due() == 2
    released, kept = versies.all()
    assert released.inhoud and released.bestandsomvang == len(PDF)
    assert kept.inhoud == ""
    [record] = QuarantinedUpload.objects.all()
    assert record.status == "infected" and record.signature.startswith(SIGNATURE)
    files = [p for p in scanning.rglob("*") if p.is_file()]
    assert [p.read_bytes() for p in files] == [PDF], "the infected content is deleted"
