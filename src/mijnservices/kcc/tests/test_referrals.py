"""Referring a question to the case team (an internetaak) and the behandelaar's list."""

from __future__ import annotations

from django.db import connection
from django.test.utils import CaptureQueriesContext

from mijnservices.core.identity import Party
from mijnservices.kcc.tests.conftest import BSN
from mijnservices.registrations.klantinteracties.models import Internetaak, SoortActor
from mijnservices.registrations.klantinteracties.services import klantcontact_register
from mijnservices.registrations.verwerkingen.models import Verwerkingsactie
from mijnservices.services.casework.referrals import referral_create
from mijnservices.testing.factories import ZaakFactory


def _refer(client, zaak, text="Bel mevrouw terug over de termijn.", **extra):
    client.post("/medewerker/", {"kind": "bsn", "q": BSN})
    data = {
        "kanaal": "telefoon",
        "inhoud": "Wil weten waarom het zo lang duurt.",
        "zaak": str(zaak.uuid) if zaak else "",
        "vraag_over_status": "ja",
        "doorverwijzing": text,
        **extra,
    }
    return client.post("/medewerker/klantbeeld/contact/", data)


def test_kcc_refers_a_question_to_the_case_team_of_the_zaaktype(world, employee_client):
    response = _refer(employee_client("kcc"), world.zaak_a)
    assert response.status_code == 302
    taak = Internetaak.objects.get()
    assert taak.status == Internetaak.Status.TE_VERWERKEN
    assert taak.gevraagde_handeling == "Bel mevrouw terug over de termijn."
    (team,) = taak.toegewezen_aan_actoren.all()
    assert team.soort_actor == SoortActor.ORGANISATORISCHE_EENHEID
    assert team.actoridentificator["object_id"] == "ZT-A"
    # The phone note stays internal (issue 21); the resident reads a neutral sentence.
    assert taak.klantcontact.interne_notitie == "Wil weten waarom het zo lang duurt."
    assert taak.klantcontact.inhoud == (
        f"U belde met ons over uw zaak {world.zaak_a.identificatie}."
    )


def test_a_referral_carries_the_name_the_zaaknummer_and_a_call_back_number(
    world, employee_client, settings
):
    settings.DEMO_MODE = True  # the demo BRP knows the world's person
    _refer(employee_client("kcc"), world.zaak_a, terugbelnummer="0612345678")
    toelichting = Internetaak.objects.get().toelichting
    assert f"Zaak: {world.zaak_a.identificatie}" in toelichting
    assert "Terugbellen op: 0612345678" in toelichting
    assert "Naam: " in toelichting


def test_the_resident_reads_what_the_employee_wrote_for_them_and_not_the_note(
    world, employee_client, login_as
):
    _refer(
        employee_client("kcc"),
        world.zaak_a,
        text="",
        inhoud="Mevrouw belt: boos over termijn",
        voor_inwoner="U vroeg ons hoe lang uw aanvraag nog duurt.",
    )
    page = login_as(BSN).get(f"/mijn-zaken/{world.zaak_a.uuid}/").content.decode()
    assert "U vroeg ons hoe lang uw aanvraag nog duurt." in page
    assert "Mevrouw belt" not in page


def test_a_referral_without_a_case_is_refused_and_keeps_what_was_typed(world, employee_client):
    response = _refer(employee_client("kcc"), None, text="Terugbellen graag")
    assert response.status_code == 400
    page = response.content.decode()
    assert "Terugbellen graag" in page
    assert "Wil weten waarom het zo lang duurt." in page
    assert not Internetaak.objects.exists()


def test_behandelaar_sees_referrals_of_own_zaaktypen_only(world, employee_client, client):
    kcc = employee_client("kcc")
    _refer(kcc, world.zaak_a, text="Vraag voor team A")
    _refer(kcc, world.zaak_b, text="Vraag voor team B")
    client.logout()
    behandelaar = employee_client("behandelaar_a")
    page = behandelaar.get("/medewerker/doorverwezen/").content.decode()
    assert "Vraag voor team A" in page
    assert "Vraag voor team B" not in page
    assert f"/medewerker/zaak/{world.zaak_a.uuid}/" in page


def test_marking_a_referral_handled_removes_it_from_the_list(world, employee_client, client):
    _refer(employee_client("kcc"), world.zaak_a)
    client.logout()
    behandelaar = employee_client("behandelaar_a")
    taak = Internetaak.objects.get()
    response = behandelaar.post(f"/medewerker/doorverwezen/{taak.uuid}/afgehandeld/")
    assert response.status_code == 302
    taak.refresh_from_db()
    assert taak.status == Internetaak.Status.VERWERKT
    assert taak.afgehandeld_op is not None
    assert "Bel mevrouw terug" not in behandelaar.get("/medewerker/doorverwezen/").content.decode()


def test_another_team_cannot_mark_a_referral_handled(world, employee_client, client):
    _refer(employee_client("kcc"), world.zaak_a)
    client.logout()
    other = employee_client("behandelaar_b")
    taak = Internetaak.objects.get()
    assert other.post(f"/medewerker/doorverwezen/{taak.uuid}/afgehandeld/").status_code == 404
    taak.refresh_from_db()
    assert taak.status == Internetaak.Status.TE_VERWERKEN


def test_referral_list_logs_a_verwerking_for_the_people_in_it(world, employee_client, client):
    _refer(employee_client("kcc"), world.zaak_a)
    client.logout()
    behandelaar = employee_client("behandelaar_a")
    before = Verwerkingsactie.objects.count()
    behandelaar.get("/medewerker/doorverwezen/")
    assert Verwerkingsactie.objects.count() == before + 1
    actie = Verwerkingsactie.objects.order_by("-pk").first()
    assert actie.actie_naam == "doorverwezen vragen inzien"
    assert actie.verwerkte_objecten.count() == 1


def test_referral_list_query_count_does_not_grow_with_rows(world, employee_client, client):
    _refer(employee_client("kcc"), world.zaak_a)
    client.logout()
    behandelaar = employee_client("behandelaar_a")
    behandelaar.get("/medewerker/doorverwezen/")  # warm: per-process caches (decision 0040)
    with CaptureQueriesContext(connection) as one:
        behandelaar.get("/medewerker/doorverwezen/")
    for n in range(4):
        party = Party("bsn", f"99999{n:04d}") if n % 2 else Party("bsn", BSN)
        zaak = ZaakFactory(zaaktype=world.zaak_a.zaaktype, for_bsn=party.identifier)
        contact = klantcontact_register(party=party, kanaal="balie", onderwerp="o", inhoud="x")
        referral_create(klantcontact=contact, zaak=zaak, gevraagde_handeling=f"Vraag {n}")
    with CaptureQueriesContext(connection) as many:
        page = behandelaar.get("/medewerker/doorverwezen/").content.decode()
    assert page.count("portal-referral") == 5
    assert len(many) == len(one)
