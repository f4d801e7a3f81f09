"""Documents and besluiten of external zaken, with real parts: the source is a second
MijnServices process over HTTP. Their metadata is projected with the zaak; the bytes come
from the source only on download, after the same access checks as local documents; a
citizen's upload lands at the source's Documenten API (decision 0029)."""

from __future__ import annotations

import pytest
from django.core.files.uploadedfile import SimpleUploadedFile
from django.test import Client

from mijnservices.core.identity import Citizen, Party
from mijnservices.integration.zgw.models import ProjectedDocument, ZgwSource
from mijnservices.integration.zgw.sources import zgw_source_add
from mijnservices.integration.zgw.sync import zaken_sync_for_party
from mijnservices.registrations.catalogi.models import ZaakType
from mijnservices.registrations.verwerkingen.models import Verwerkingsactie
from mijnservices.registrations.zaken.models import Zaak
from mijnservices.services.mijnzaken.documents import zaak_documents
from mijnservices.services.mijnzaken.external_documents import READ_ACTIVITEIT
from mijnservices.testing.employees import employee_create, log_in, release_for_kcc
from mijnservices.testing.zgw_source import CLIENT_ID, PDF, SECRET, UPLOAD_TYPE, SourceProcess

ANNA = Party(kind="bsn", identifier="999990627")
BOB = Party(kind="bsn", identifier="999991589")


def _register(source: SourceProcess) -> ZgwSource:
    return zgw_source_add(
        naam="openzaak-docs",
        zaken_api=source.root("zaken"),
        catalogi_api=source.root("catalogi"),
        documenten_api=source.root("documenten"),
        besluiten_api=source.root("besluiten"),
        client_id=CLIENT_ID,
        secret=SECRET,
    )


def _login(bsn: str) -> Client:
    browser = Client()
    browser.post("/inloggen/demo/", {"bsn": bsn})
    return browser


@pytest.mark.django_db(transaction=True)
def test_a_citizen_sees_and_downloads_the_documents_of_her_external_zaak_and_adds_one(
    source, settings
):
    settings.DEMO_MODE = True
    settings.ZGW_SOURCE_LOGIN_WAIT_MS = 30_000
    types = source.published_zaaktype("ZT-EXTERN-DOCS", documents=True)
    at_source = source.zaak_for(types, ANNA.identifier, "Zaak met documenten")
    source.document_for(types, at_source, titel="Ontvangstbevestiging")
    source.document_for(types, at_source, titel="Concept besluit", status="in_bewerking")
    besluit = source.besluit_for(types, at_source)
    source.document_for(types, at_source, titel="Besluitbrief", besluit=besluit)
    zgw = _register(source)

    assert zaken_sync_for_party(source=zgw, party=ANNA).ok
    zaak = Zaak.objects.get(omschrijving="Zaak met documenten")
    # Metadata only: three documents known, no bytes stored here.
    assert ProjectedDocument.objects.filter(zaak=zaak).count() == 3
    anna = Citizen(actor=ANNA, auth_method="digid")
    shown = zaak_documents(anna, zaak)
    assert [row.titel for row in shown.documents] == ["Ontvangstbevestiging"]  # not the concept
    [besluit_row] = shown.besluiten
    assert besluit_row.what == "Besluit op aanvraag"
    assert [row.titel for row in besluit_row.documents] == ["Besluitbrief"]

    browser = _login(ANNA.identifier)
    page = browser.get(f"/mijn-zaken/{zaak.uuid}/").content.decode()
    assert "Ontvangstbevestiging" in page
    assert "Besluitbrief" in page
    assert "Concept besluit" not in page

    # Download: streamed from the source, our read logged in the verwerkingenlogging.
    document = shown.documents[0]
    url = f"/mijn-zaken/{zaak.uuid}/documenten/{document.uuid}/"
    response = browser.get(url)
    assert response.status_code == 200
    assert b"".join(response.streaming_content) == PDF  # type: ignore[attr-defined]
    assert "attachment" in response["Content-Disposition"]
    assert Verwerkingsactie.objects.filter(actie_naam=READ_ACTIVITEIT).count() == 1
    # The concept is not downloadable, and another citizen gets nothing.
    hidden = ProjectedDocument.objects.get(zaak=zaak, titel="Concept besluit")
    assert browser.get(f"/mijn-zaken/{zaak.uuid}/documenten/{hidden.uuid}/").status_code == 404
    assert _login(BOB.identifier).get(url).status_code == 404

    # The KCC sees the same documents and downloads one, logged as its own read.
    release_for_kcc("ZT-EXTERN-DOCS")
    kcc = Client()
    log_in(kcc, employee_create("kcc-docs", roles=["kcc"]))
    kcc_page = kcc.get(f"/medewerker/zaak/{zaak.uuid}/").content.decode()
    assert "Ontvangstbevestiging" in kcc_page
    assert "Concept besluit" not in kcc_page
    got = kcc.get(f"/medewerker/zaak/{zaak.uuid}/documenten/{document.uuid}/")
    assert got.status_code == 200
    assert b"".join(got.streaming_content) == PDF  # type: ignore[attr-defined]
    assert kcc.get(f"/medewerker/zaak/{zaak.uuid}/documenten/{hidden.uuid}/").status_code == 404

    # No upload type named here: the page offers no upload, and a post is refused plainly.
    assert 'name="file"' not in page
    refused = browser.post(
        f"/mijn-zaken/{zaak.uuid}/documenten/toevoegen/",
        {"file": SimpleUploadedFile("loonstrook.pdf", PDF), "titel": "Te vroeg"},
    )
    assert refused.status_code == 400

    # An upload goes to the source's Documenten API, linked to the zaak there.
    ZaakType.objects.filter(pk=zaak.zaaktype_id).update(
        portaal_upload_informatieobjecttype=UPLOAD_TYPE
    )
    assert 'name="file"' in browser.get(f"/mijn-zaken/{zaak.uuid}/").content.decode()
    added = browser.post(
        f"/mijn-zaken/{zaak.uuid}/documenten/toevoegen/",
        {"file": SimpleUploadedFile("loonstrook.pdf", PDF), "titel": "Loonstrook maart"},
    )
    assert added.status_code == 302, added.content.decode()[:2000]
    links = source.items("zaken", "zaakinformatieobjecten", zaak=at_source["url"])
    titles = [source.get(link["informatieobject"])["titel"] for link in links]
    assert "Loonstrook maart" in titles
    assert ProjectedDocument.objects.filter(zaak=zaak, titel="Loonstrook maart").exists()

    # The source is down: the download says so plainly (no error page, no wait).
    source.stop()
    down = browser.get(url)
    assert down.status_code == 503
    assert "cannot be fetched right now" in down.content.decode() or "nu niet" in (
        down.content.decode()
    )
    zgw.refresh_from_db()
    assert zgw.failing
