"""Reads of personal data through the Taken, Berichten and MijnTaken APIs are logged: one
verwerkingsactie per request naming each person concerned; nothing when nothing was read."""

from __future__ import annotations

import pytest

from mijnservices.registrations.verwerkingen.models import Verwerkingsactie
from mijnservices.registrations.verwerkingen.selectors import verwerkingen_for
from mijnservices.testing.taken import CITIZEN, OTHER_CITIZEN, bericht, betaaltaak, vtb_client

pytestmark = pytest.mark.django_db


def test_a_taken_list_logs_one_verwerking_for_every_person_on_the_page():
    betaaltaak(party=CITIZEN)
    betaaltaak(party=OTHER_CITIZEN)
    response = vtb_client().get("/taken/api/v1/externetaken")
    assert response.status_code == 200
    assert Verwerkingsactie.objects.count() == 1
    for party in (CITIZEN, OTHER_CITIZEN):
        [row] = verwerkingen_for(party)
        assert row.activiteit == "taak raadplegen"
        assert "Taken API" in row.doel


def test_reading_one_bericht_logs_its_ontvanger_only():
    message = bericht(party=CITIZEN)
    bericht(party=OTHER_CITIZEN)
    assert vtb_client().get(f"/berichten/api/v1/berichten/{message.uuid}").status_code == 200
    assert [row.activiteit for row in verwerkingen_for(CITIZEN)] == ["bericht raadplegen"]
    assert verwerkingen_for(OTHER_CITIZEN) == []


def test_the_mijntaken_api_logs_what_the_portal_reads():
    taak = betaaltaak(party=CITIZEN)
    client = vtb_client(client_id="portaal", component="mtk", scopes=["mijntaken.lezen"])
    response = client.post(
        "/mijn-taken/api/v1/context/zoek",
        {"klantId": "urn:nld:brp:bsn:999993653"},
        content_type="application/json",
    )
    assert response.status_code == 200, response.content
    assert len(verwerkingen_for(CITIZEN)) == 1
    assert client.get(f"/mijn-taken/api/v1/taken/{taak.uuid}").status_code == 200
    assert len(verwerkingen_for(CITIZEN)) == 2


def test_an_empty_page_or_a_refused_read_logs_nothing():
    assert vtb_client().get("/taken/api/v1/externetaken").status_code == 200
    taak = betaaltaak(party=CITIZEN)
    limited = vtb_client(client_id="geen-rechten", scopes=["berichten.lezen"])
    assert limited.get(f"/taken/api/v1/externetaken/{taak.uuid}").status_code == 403
    assert not Verwerkingsactie.objects.exists()


def _zaak_with_document_and_besluit():
    from mijnservices.testing.documents import besluit_on, zaak_document, zaaktype_with_uploads
    from mijnservices.testing.factories import ZaakFactory

    zaak = ZaakFactory(zaaktype=zaaktype_with_uploads(), for_bsn=CITIZEN.identifier)
    document = zaak_document(zaak)
    besluit = besluit_on(zaak)
    return document, besluit


def _alles(client_id: str = "alles"):
    from mijnservices.testing.api import api_client

    return api_client(client_id=client_id, heeft_alle_autorisaties=True)


def test_documenten_api_reads_log_the_persons_of_the_zaak():
    document, _ = _zaak_with_document_and_besluit()
    client = _alles()
    base = "/documenten/api/v1"
    paths = [
        "enkelvoudiginformatieobjecten",
        f"enkelvoudiginformatieobjecten/{document.uuid}",
        f"enkelvoudiginformatieobjecten/{document.uuid}/download",
        "objectinformatieobjecten",
    ]
    for path in paths:
        response = client.get(f"{base}/{path}")
        assert response.status_code == 200, (path, response.content)
    activiteiten = sorted(row.activiteit for row in verwerkingen_for(CITIZEN))
    assert activiteiten == [
        *["enkelvoudiginformatieobject raadplegen"] * 3,
        "objectinformatieobject raadplegen",
    ]


def test_besluiten_api_reads_log_the_persons_of_the_zaak():
    _, besluit = _zaak_with_document_and_besluit()
    client = _alles()
    base = "/besluiten/api/v1"
    for path in ("besluiten", f"besluiten/{besluit.uuid}", "besluitinformatieobjecten"):
        response = client.get(f"{base}/{path}")
        assert response.status_code == 200, (path, response.content)
    activiteiten = sorted(row.activiteit for row in verwerkingen_for(CITIZEN))
    assert activiteiten == [
        "besluit raadplegen",
        "besluit raadplegen",
        "besluitinformatieobject raadplegen",
    ]
    assert verwerkingen_for(OTHER_CITIZEN) == []
