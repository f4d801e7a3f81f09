"""The role matrix for what came with referrals and case handling: each role (KCC,
behandelaar of A, behandelaar of B, auditor, beheerder, no role) sees exactly the
documents, downloads, work lists and actions the policy in services/access/employees.py
gives it, and gets 404 for everything else."""

from __future__ import annotations

import base64
from datetime import date

import pytest
from django.conf import settings

from mijnservices.core.identity import Party
from mijnservices.core.resources import resource_path
from mijnservices.kcc.tests.conftest import BSN
from mijnservices.registrations.catalogi import services as catalogi_services
from mijnservices.registrations.catalogi.models import InformatieObjectType
from mijnservices.registrations.documenten.services.documents import informatieobject_create
from mijnservices.registrations.klantinteracties.services import klantcontact_register
from mijnservices.registrations.zaken.services import zaakinformatieobject_create
from mijnservices.services.casework.referrals import referral_create

ROLES = ["kcc", "behandelaar_a", "behandelaar_b", "auditor", "beheerder", "none"]

# role → the documents it may see (and download): "a" (zaak A, citizen may see it),
# "a_intern" (zaak A, above what citizens and the KCC see), "b" (zaak B: social domain).
DOCUMENTS = {
    "kcc": {"a"},
    "behandelaar_a": {"a", "a_intern"},
    "behandelaar_b": {"b"},
    "auditor": set(),
    "beheerder": set(),
    "none": set(),
}
HANDLES = {"behandelaar_a": "a", "behandelaar_b": "b"}


def _document(zaak, titel: str, level: str):
    catalogus = zaak.zaaktype.catalogus
    iot = InformatieObjectType.objects.filter(
        catalogus=catalogus, omschrijving="Bijlage", concept=False
    ).first()
    if iot is None:
        iot = catalogi_services.informatieobjecttype_create(
            catalogus=catalogus,
            omschrijving="Bijlage",
            begin_geldigheid=date(2024, 1, 1),
            informatieobjectcategorie="bijlage",
        )
        iot = catalogi_services.informatieobjecttype_publish(informatieobjecttype=iot)
    document = informatieobject_create(
        informatieobjecttype=iot,
        inhoud=base64.b64encode(b"%PDF-1.4 test").decode(),
        vertrouwelijkheidaanduiding=level,
        bronorganisatie="002220647",
        creatiedatum=date(2026, 1, 5),
        titel=titel,
        auteur="Gemeente",
        taal="nld",
        status="definitief",
        bestandsnaam=f"{titel}.pdf",
        formaat="application/pdf",
    )
    url = settings.SITE_URL.rstrip("/") + resource_path(
        "documenten", "enkelvoudiginformatieobjecten", document.uuid
    )
    zaakinformatieobject_create(zaak=zaak, informatieobject=url)
    return document


@pytest.fixture
def documents(world):
    return {
        "a": (world.zaak_a, _document(world.zaak_a, "doc-a", "zaakvertrouwelijk")),
        "a_intern": (world.zaak_a, _document(world.zaak_a, "doc-a-intern", "vertrouwelijk")),
        "b": (world.zaak_b, _document(world.zaak_b, "doc-b", "zaakvertrouwelijk")),
    }


@pytest.mark.parametrize("role", ROLES)
def test_each_role_sees_and_downloads_exactly_its_documents(
    world, documents, employee_client, role
):
    client = employee_client(role)
    for name, (zaak, document) in documents.items():
        allowed = name in DOCUMENTS[role]
        url = f"/medewerker/zaak/{zaak.uuid}/documenten/{document.uuid}/"
        response = client.get(url)
        assert response.status_code == (200 if allowed else 404), (role, name)
        if allowed:
            assert b"".join(response.streaming_content) == b"%PDF-1.4 test"
        page = client.get(f"/medewerker/zaak/{zaak.uuid}/")
        if page.status_code == 200:
            assert (f">doc-{name.replace('_', '-')}<" in page.content.decode()) == allowed, (
                role,
                name,
            )


@pytest.mark.parametrize("role", ROLES)
def test_each_role_gets_exactly_its_referral_list(world, employee_client, role):
    for zaak, text in ((world.zaak_a, "Vraag A"), (world.zaak_b, "Vraag B")):
        contact = klantcontact_register(
            party=Party("bsn", BSN), kanaal="telefoon", onderwerp="overig", inhoud="x"
        )
        referral_create(klantcontact=contact, zaak=zaak, gevraagde_handeling=text)
    client = employee_client(role)
    response = client.get("/medewerker/doorverwezen/")
    if role not in HANDLES:
        assert response.status_code == 404
        return
    page = response.content.decode()
    assert ("Vraag A" in page) == (HANDLES[role] == "a")
    assert ("Vraag B" in page) == (HANDLES[role] == "b")


@pytest.mark.parametrize("role", ROLES)
@pytest.mark.parametrize(
    ("action", "data"),
    [
        ("taak", {"taak-titel": "Stuur iets", "taak-dagen": "5"}),
        ("bericht", {"bericht-onderwerp": "Hallo", "bericht-tekst": "Tekst"}),
        ("antwoord", {"antwoord-antwoord": "Antwoord"}),
        ("document", {"doc-titel": "x"}),
        ("besluit", {"besluit-toelichting": "x"}),
        ("status", {}),
        ("update", {"sub-omschrijving": "x"}),
        ("afsluiten", {}),
    ],
)
def test_only_the_behandelaar_of_the_zaaktype_reaches_the_case_actions(
    world, employee_client, role, action, data
):
    client = employee_client(role)
    response = client.post(f"/medewerker/zaak/{world.zaak_a.uuid}/{action}/", data)
    if HANDLES.get(role) == "a":
        assert response.status_code in (302, 400)  # done, or the form shown again
    else:
        assert response.status_code == 404


def test_a_document_download_logs_a_verwerking(world, documents, employee_client):
    from mijnservices.registrations.verwerkingen.models import Verwerkingsactie

    client = employee_client("kcc")
    zaak, document = documents["a"]
    before = Verwerkingsactie.objects.count()
    client.get(f"/medewerker/zaak/{zaak.uuid}/documenten/{document.uuid}/")
    assert Verwerkingsactie.objects.count() == before + 1
    actie = Verwerkingsactie.objects.order_by("-pk").first()
    assert actie.actie_naam == "document inzien"
    assert actie.verwerkte_objecten.count() == 1


def test_zaak_page_query_count_does_not_grow_with_documents(world, documents, employee_client):
    from django.db import connection
    from django.test.utils import CaptureQueriesContext

    client = employee_client("behandelaar_a")
    url = f"/medewerker/zaak/{world.zaak_a.uuid}/"
    client.get(url)  # warm: per-process caches (decision 0040)
    with CaptureQueriesContext(connection) as few:
        client.get(url)
    for n in range(4):
        _document(world.zaak_a, f"extra-{n}", "zaakvertrouwelijk")
    with CaptureQueriesContext(connection) as many:
        page = client.get(url).content.decode()
    assert ">extra-3<" in page
    assert len(many) == len(few)
