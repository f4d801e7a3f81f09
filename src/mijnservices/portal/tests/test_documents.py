"""Documents and besluiten on the citizen's zaak page: which are listed, download, upload.

Access (a second person, a representative outside the machtiging) is refused on every route;
the page's query count does not grow with documents or besluiten."""

from __future__ import annotations

from datetime import date

import pytest
from django.core.files.uploadedfile import SimpleUploadedFile
from django.db import connection
from django.test import Client
from django.test.utils import CaptureQueriesContext
from django.urls import reverse

from mijnservices.portal.auth import SESSION_KEY
from mijnservices.registrations.documenten.models import EnkelvoudigInformatieObject
from mijnservices.registrations.zaken.models import ZaakInformatieObject
from mijnservices.testing.documents import (
    PDF,
    PNG,
    besluit_on,
    zaak_document,
    zaaktype_with_uploads,
)
from mijnservices.testing.factories import ZaakFactory

pytestmark = pytest.mark.django_db

SUZANNE, ELS, KEES = "999993653", "999991589", "999992570"


@pytest.fixture
def zaak():
    return ZaakFactory(zaaktype=zaaktype_with_uploads(identificatie="ZT-UPLOAD"), for_bsn=SUZANNE)


def _detail(client: Client, zaak) -> str:
    response = client.get(reverse("portal:zaak_detail", kwargs={"zaak_uuid": zaak.uuid}))
    assert response.status_code == 200
    return response.content.decode()


def _download_url(zaak, document) -> str:
    return reverse(
        "portal:document_download",
        kwargs={"zaak_uuid": zaak.uuid, "document_uuid": document.uuid},
    )


def _upload(client: Client, zaak, *, name="loonstrook.pdf", content=PDF, **data):
    return client.post(
        reverse("portal:document_add", kwargs={"zaak_uuid": zaak.uuid}),
        {"file": SimpleUploadedFile(name, content), **data},
    )


def _as_representative(client: Client, *, zaaktypen: list[str]) -> Client:
    session = client.session
    session[SESSION_KEY] = {
        "actor": {"kind": "bsn", "identifier": KEES, "vestiging": "", "name": "Kees de Vries"},
        "auth_method": "digid",
        "represented": {"kind": "bsn", "identifier": ELS, "vestiging": "", "name": "Els de Vries"},
        "mandate": "familie",
        "mandate_zaaktypen": zaaktypen,
    }
    session.save()
    return client


def test_detail_lists_final_documents_within_the_confidentiality_limit(login_as, zaak):
    zaak_document(zaak, titel="Ontvangstbevestiging")
    zaak_document(zaak, titel="Concept advies", status="in_bewerking")
    zaak_document(zaak, titel="Intern memo", vertrouwelijkheidaanduiding="vertrouwelijk")

    page = _detail(login_as(SUZANNE), zaak)

    assert "Ontvangstbevestiging" in page
    assert "Concept advies" not in page
    assert "Intern memo" not in page


def test_detail_shows_the_besluit_with_its_letter(login_as, zaak):
    besluit_on(zaak, toelichting="Uw bezwaar is gegrond.")

    page = _detail(login_as(SUZANNE), zaak)

    assert 'id="besluiten"' in page
    assert "Uw bezwaar is gegrond." in page
    assert "Besluit op aanvraag" in page
    assert "Besluitbrief" in page


def test_detail_without_documents_says_so(login_as, zaak):
    page = _detail(login_as(SUZANNE), zaak)
    assert "There are no documents for this case yet." in page or "nog geen documenten" in page


def test_a_visible_document_downloads_with_its_name_and_type(login_as, zaak):
    document = zaak_document(zaak, bestandsnaam="brief.pdf")

    response = login_as(SUZANNE).get(_download_url(zaak, document))

    assert response.status_code == 200
    assert b"".join(response.streaming_content) == PDF
    assert response["Content-Type"] == "application/pdf"
    assert response["Content-Disposition"] == 'attachment; filename="brief.pdf"'
    assert response["Cache-Control"] == "no-store"


def test_a_hidden_document_cannot_be_downloaded_by_url(login_as, zaak):
    concept = zaak_document(zaak, status="in_bewerking")
    secret = zaak_document(zaak, vertrouwelijkheidaanduiding="geheim")
    client = login_as(SUZANNE)
    assert client.get(_download_url(zaak, concept)).status_code == 404
    assert client.get(_download_url(zaak, secret)).status_code == 404


def test_a_document_of_another_zaak_cannot_be_fetched_through_my_zaak(login_as, zaak):
    other = ZaakFactory(zaaktype=zaak.zaaktype, for_bsn=ELS)
    theirs = zaak_document(other)
    assert login_as(SUZANNE).get(_download_url(zaak, theirs)).status_code == 404


def test_a_second_person_gets_404_on_every_document_route(login_as, zaak):
    document = zaak_document(zaak)
    client = login_as(ELS)
    assert client.get(_download_url(zaak, document)).status_code == 404
    assert _upload(client, zaak).status_code == 404
    assert (
        not ZaakInformatieObject.objects.filter(zaak=zaak)
        .exclude(informatieobject__endswith=str(document.uuid))
        .exists()
    )


def test_a_representative_outside_the_machtiging_gets_404_on_every_document_route(client, zaak):
    els_zaak = ZaakFactory(zaaktype=zaak.zaaktype, for_bsn=ELS)
    document = zaak_document(els_zaak)
    kees = _as_representative(client, zaaktypen=["ANDER-ZAAKTYPE"])
    assert kees.get(_download_url(els_zaak, document)).status_code == 404
    assert _upload(kees, els_zaak).status_code == 404
    assert (
        kees.get(reverse("portal:zaak_detail", kwargs={"zaak_uuid": els_zaak.uuid})).status_code
        == 404
    )


def test_a_representative_within_the_machtiging_adds_a_document_named_for_both(client, zaak):
    els_zaak = ZaakFactory(zaaktype=zaak.zaaktype, for_bsn=ELS)
    kees = _as_representative(client, zaaktypen=["ZT-UPLOAD"])

    response = _upload(kees, els_zaak, titel="Jaaropgave")

    assert response.status_code == 302
    versie = EnkelvoudigInformatieObject.objects.get().huidige_versie
    assert versie.titel == "Jaaropgave"
    assert versie.auteur == "Kees de Vries namens Els de Vries"


def test_upload_stores_the_file_through_the_registrations_and_lists_it(login_as, zaak):
    client = login_as(SUZANNE)

    response = _upload(client, zaak, titel="Loonstrook maart", beschrijving="Mijn inkomen")

    assert response.status_code == 302
    assert response["Location"].endswith("#documenten")
    document = EnkelvoudigInformatieObject.objects.select_related("huidige_versie").get()
    versie = document.huidige_versie
    assert (versie.status, versie.bestandsnaam, versie.formaat) == (
        "definitief",
        "loonstrook.pdf",
        "application/pdf",
    )
    zio = ZaakInformatieObject.objects.get(zaak=zaak)
    assert zio.informatieobject.endswith(str(document.uuid))
    assert document.objecten.get().object.endswith(str(zaak.uuid))  # the drc side too
    page = client.get(response["Location"]).content.decode()
    assert "Loonstrook maart" in page
    assert b"".join(client.get(_download_url(zaak, document)).streaming_content) == PDF


def test_the_upload_form_warns_that_an_added_file_cannot_be_removed(login_as, zaak):
    page = _detail(login_as(SUZANNE), zaak)
    assert 'id="upload-warning"' in page
    assert "cannot remove it" in page or "niet meer verwijderen" in page


@pytest.mark.parametrize(
    ("name", "content", "settings_change"),
    [
        ("virus.exe", b"MZ\x90\x00", {}),
        ("groot.pdf", PDF + b"0" * 2048, {"PORTAL_UPLOAD_MAX_SIZE": 1024}),
        ("nep.pdf", PNG, {}),
        ("leeg.pdf", b"", {}),
    ],
    ids=["type", "size", "bytes-contradict-name", "empty"],
)
def test_a_refused_upload_explains_why_and_keeps_what_was_typed(
    login_as, zaak, settings, name, content, settings_change
):
    for key, value in settings_change.items():
        setattr(settings, key, value)

    response = _upload(
        login_as(SUZANNE),
        zaak,
        name=name,
        content=content,
        titel="Mijn titel",
        beschrijving="Uitleg",
    )

    assert response.status_code == 400
    page = response.content.decode()
    assert 'aria-invalid="true"' in page
    assert 'value="Mijn titel"' in page
    assert ">Uitleg</textarea>" in page
    assert not EnkelvoudigInformatieObject.objects.exists()
    assert not ZaakInformatieObject.objects.exists()


def test_no_upload_on_a_closed_zaak(login_as):
    closed = ZaakFactory(zaaktype=zaaktype_with_uploads(), for_bsn=SUZANNE, closed=True)
    client = login_as(SUZANNE)
    assert "upload-warning" not in _detail(client, closed)
    response = _upload(client, closed)
    assert response.status_code == 400
    assert not EnkelvoudigInformatieObject.objects.exists()


def test_no_upload_when_the_zaaktype_does_not_allow_it(login_as):
    zaak = ZaakFactory(
        zaaktype=zaaktype_with_uploads(portaal_upload_informatieobjecttype=""), for_bsn=SUZANNE
    )
    client = login_as(SUZANNE)
    assert "upload-warning" not in _detail(client, zaak)
    assert _upload(client, zaak).status_code == 400
    assert not EnkelvoudigInformatieObject.objects.exists()


def test_detail_queries_do_not_grow_with_documents_and_besluiten(login_as, zaak):
    client = login_as(SUZANNE)
    zaak_document(zaak)
    besluit_on(zaak)
    _detail(client, zaak)  # warm: the per-process caches fill on a first request
    with CaptureQueriesContext(connection) as few:
        _detail(client, zaak)
    for number in range(8):
        zaak_document(zaak, titel=f"Document {number}")
    besluit_on(zaak, datum=date(2026, 2, 3))
    besluit_on(zaak, datum=date(2026, 2, 4))
    with CaptureQueriesContext(connection) as many:
        page = _detail(client, zaak)
    assert "Document 7" in page
    assert len(many) == len(few)
    # Decision 0040 (it was 17); the upload type from the per-process cache (it was 11).
    assert len(few) == 10
