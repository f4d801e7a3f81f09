"""The behandelaar's case-handling actions: a task, a message, an answer, a document and a
besluit, each through its registration's service layer, and what the resident then sees."""

from __future__ import annotations

from django.core.files.uploadedfile import SimpleUploadedFile

from mijnservices.core.identity import Citizen, Party
from mijnservices.kcc.tests.conftest import BSN
from mijnservices.kcc.tests.test_handling import _citizen
from mijnservices.registrations.berichten.models import Bericht
from mijnservices.registrations.besluiten.models import Besluit, BesluitType
from mijnservices.registrations.catalogi.models import InformatieObjectType
from mijnservices.registrations.documenten.models import EnkelvoudigInformatieObject
from mijnservices.registrations.taken.models import ExterneTaak
from mijnservices.services.access.klantinteracties import open_questions_for
from mijnservices.services.mijnoverzicht.contactmomenten import question_ask
from mijnservices.testing.documents import zaaktype_with_uploads
from mijnservices.testing.employees import employee_create, log_in
from mijnservices.testing.factories import ZaakFactory


def _handler_of_a_zaak_with_types(client):
    """A zaak of a zaaktype that names a document and a besluit type, and its behandelaar."""
    zaaktype = zaaktype_with_uploads(identificatie="ZT-D", omschrijving="Type D", steps=3)
    log_in(client, employee_create("beh_d", roles=["behandelaar"], zaaktypen=["ZT-D"]))
    return client, ZaakFactory(zaaktype=zaaktype, for_bsn=BSN)


PDF = b"%PDF-1.4\n%\xe2\xe3\xcf\xd3\n1 0 obj<<>>endobj\ntrailer<<>>\n%%EOF\n"


def test_behandelaar_creates_a_task_the_resident_sees(world, employee_client):
    client = employee_client("behandelaar_a")
    zaak = world.zaak_a
    response = client.post(
        f"/medewerker/zaak/{zaak.uuid}/taak/",
        {"taak-titel": "Stuur een kopie van uw paspoort", "taak-dagen": "10"},
    )
    assert response.status_code == 302
    taak = ExterneTaak.objects.get()
    assert taak.titel == "Stuur een kopie van uw paspoort"
    assert str(zaak.uuid) in str(taak.is_gerelateerd_aan)
    assert "Stuur een kopie van uw paspoort" in _citizen().get("/mijn-taken/").content.decode()


def test_a_refused_task_form_keeps_what_was_typed(world, employee_client):
    client = employee_client("behandelaar_a")
    response = client.post(
        f"/medewerker/zaak/{world.zaak_a.uuid}/taak/",
        {"taak-titel": "Stuur uw loonstrook", "taak-dagen": "nul"},
    )
    assert response.status_code == 400
    assert "Stuur uw loonstrook" in response.content.decode()
    assert not ExterneTaak.objects.exists()


def test_behandelaar_sends_a_message_the_resident_sees(world, employee_client):
    client = employee_client("behandelaar_a")
    client.post(
        f"/medewerker/zaak/{world.zaak_a.uuid}/bericht/",
        {"bericht-onderwerp": "Uw aanvraag", "bericht-tekst": "We hebben alles ontvangen."},
    )
    bericht = Bericht.objects.get()
    assert bericht.onderwerp == "Uw aanvraag"
    assert "Uw aanvraag" in _citizen().get("/mijn-berichten/").content.decode()


def test_behandelaar_answers_the_residents_question(world, employee_client):
    zaak = world.zaak_a
    citizen = Citizen(actor=Party("bsn", BSN), auth_method="digid")
    question_ask(citizen=citizen, zaak=zaak, vraag="Wanneer hoor ik iets?")
    client = employee_client("behandelaar_a")
    page = client.get(f"/medewerker/zaak/{zaak.uuid}/").content.decode()
    assert "Wanneer hoor ik iets?" in page
    (vraag,) = open_questions_for(Party("bsn", BSN))
    response = client.post(
        f"/medewerker/zaak/{zaak.uuid}/antwoord/",
        {"antwoord-vraag": str(vraag.uuid), "antwoord-antwoord": "Binnen twee weken."},
    )
    assert response.status_code == 302
    assert open_questions_for(Party("bsn", BSN)) == []
    timeline = _citizen().get("/mijn-contactmomenten/").content.decode()
    assert "Binnen twee weken." in timeline


def _add_document(client, zaak, *, zichtbaar: str, titel: str):
    iot = InformatieObjectType.objects.filter(catalogus_id=zaak.zaaktype.catalogus_id).first()
    return client.post(
        f"/medewerker/zaak/{zaak.uuid}/document/",
        {
            "doc-informatieobjecttype": iot.pk,
            "doc-titel": titel,
            "doc-bestand": SimpleUploadedFile("brief.pdf", PDF, "application/pdf"),
            "doc-zichtbaar": zichtbaar,
        },
    )


def test_a_document_the_resident_may_see_appears_on_their_zaak_page(world, client):
    client, zaak = _handler_of_a_zaak_with_types(client)
    assert (
        _add_document(client, zaak, zichtbaar="ja", titel="Ontvangstbevestiging").status_code == 302
    )
    assert _add_document(client, zaak, zichtbaar="nee", titel="Intern advies").status_code == 302
    levels = dict(
        EnkelvoudigInformatieObject.objects.values_list(
            "huidige_versie__titel", "huidige_versie__vertrouwelijkheidaanduiding"
        )
    )
    assert levels["Intern advies"] == "vertrouwelijk"
    citizen_page = _citizen().get(f"/mijn-zaken/{zaak.uuid}/").content.decode()
    assert "Ontvangstbevestiging" in citizen_page
    assert "Intern advies" not in citizen_page
    employee_page = client.get(f"/medewerker/zaak/{zaak.uuid}/").content.decode()
    assert "Ontvangstbevestiging" in employee_page and "Intern advies" in employee_page


def test_a_refused_document_keeps_the_title(world, employee_client):
    client = employee_client("behandelaar_a")
    response = client.post(
        f"/medewerker/zaak/{world.zaak_a.uuid}/document/",
        {"doc-titel": "Advies zonder bestand", "doc-zichtbaar": "ja"},
    )
    assert response.status_code == 400
    assert "Advies zonder bestand" in response.content.decode()
    assert not EnkelvoudigInformatieObject.objects.exists()


def test_a_document_over_the_registrations_size_limit_is_refused_with_400_and_nothing_kept(
    world, client, settings
):
    """The form allows the portal's upload size; the Documenten registration may allow less.
    Its refusal is shown on the page (it was a 500)."""
    settings.DOCUMENTEN_MAX_UPLOAD_SIZE = 16
    client, zaak = _handler_of_a_zaak_with_types(client)
    response = _add_document(client, zaak, zichtbaar="ja", titel="Te groot")
    assert response.status_code == 400
    assert "larger than the maximum" in response.content.decode()
    assert not EnkelvoudigInformatieObject.objects.exists()


def test_behandelaar_records_a_besluit_the_resident_sees(world, client):
    client, zaak = _handler_of_a_zaak_with_types(client)
    besluittype = BesluitType.objects.filter(
        catalogus_id=zaak.zaaktype.catalogus_id, omschrijving__in=zaak.zaaktype.besluittypen
    ).first()
    response = client.post(
        f"/medewerker/zaak/{zaak.uuid}/besluit/",
        {"besluit-besluittype": besluittype.pk, "besluit-toelichting": "U krijgt de vergunning."},
    )
    assert response.status_code == 302
    assert Besluit.objects.get().zaak == zaak
    assert "U krijgt de vergunning." in _citizen().get(f"/mijn-zaken/{zaak.uuid}/").content.decode()


def test_kcc_cannot_use_the_case_handling_actions(world, employee_client):
    client = employee_client("kcc")
    zaak = world.zaak_a
    for path, data in [
        ("taak", {"taak-titel": "x", "taak-dagen": "3"}),
        ("bericht", {"bericht-onderwerp": "x", "bericht-tekst": "y"}),
        ("besluit", {"besluit-toelichting": "y"}),
    ]:
        assert client.post(f"/medewerker/zaak/{zaak.uuid}/{path}/", data).status_code == 404
    assert not ExterneTaak.objects.exists() and not Bericht.objects.exists()
