"""The KCC klantbeeld: finding a person, the contact timeline, registering a contactmoment."""

from __future__ import annotations

from mijnservices.core.identity import Party
from mijnservices.kcc.tests.conftest import BSN
from mijnservices.registrations.klantinteracties.models import Klantcontact
from mijnservices.registrations.klantinteracties.services import (
    digitaal_adres_create,
    klantcontact_register,
)


def test_kcc_registers_a_status_question_linked_to_a_zaak(world, employee_client):
    client = employee_client("kcc")
    client.post("/medewerker/", {"kind": "bsn", "q": BSN})
    response = client.post(
        "/medewerker/klantbeeld/contact/",
        {
            "kanaal": "telefoon",
            "inhoud": "Vroeg hoe ver de aanvraag is.",
            "zaak": str(world.zaak_a.uuid),
            "vraag_over_status": "ja",
        },
    )
    assert response.status_code == 302
    contact = Klantcontact.objects.get()
    assert contact.kanaal == "telefoon"
    assert contact.onderwerp == "vraag over status"
    assert str(world.zaak_a.uuid) in str(list(contact.onderwerpobjecten.values()))
    page = client.get("/medewerker/klantbeeld/").content.decode()
    assert "Vroeg hoe ver de aanvraag is." in page


def test_a_zaak_the_employee_may_not_see_cannot_be_linked(world, employee_client):
    client = employee_client("kcc")
    client.post("/medewerker/", {"kind": "bsn", "q": BSN})
    client.post(
        "/medewerker/klantbeeld/contact/",
        {
            "kanaal": "telefoon",
            "inhoud": "x",
            "zaak": str(world.zaak_c.uuid),
            "vraag_over_status": "nee",
        },
    )
    assert not Klantcontact.objects.exists()


def test_find_a_person_by_zaaknummer_and_by_email(world, employee_client):
    digitaal_adres_create(party=Party("bsn", BSN), adres="suzanne@example.org", soort="email")
    client = employee_client("kcc")
    by_number = client.post("/medewerker/", {"kind": "zaak", "q": world.zaak_a.identificatie})
    assert by_number["Location"] == "/medewerker/klantbeeld/"
    by_email = client.post("/medewerker/", {"kind": "email", "q": "Suzanne@example.org"})
    assert by_email["Location"] == "/medewerker/klantbeeld/"
    page = client.get("/medewerker/klantbeeld/").content.decode()
    assert world.zaak_a.identificatie in page
    unknown = client.post("/medewerker/", {"kind": "email", "q": "niemand@example.org"})
    assert unknown.status_code == 400


def test_klantbeeld_query_count_does_not_grow_with_contacts(world, employee_client):
    from django.db import connection
    from django.test.utils import CaptureQueriesContext

    party = Party("bsn", BSN)
    klantcontact_register(party=party, kanaal="telefoon", onderwerp="overig", inhoud="1")
    client = employee_client("kcc")
    client.post("/medewerker/", {"kind": "bsn", "q": BSN})
    client.get("/medewerker/klantbeeld/")  # warm: per-process caches (decision 0040)
    with CaptureQueriesContext(connection) as few:
        client.get("/medewerker/klantbeeld/")
    for n in range(5):
        klantcontact_register(party=party, kanaal="balie", onderwerp="overig", inhoud=str(n))
    with CaptureQueriesContext(connection) as many:
        client.get("/medewerker/klantbeeld/")
    assert len(many) == len(few)


def test_an_invalid_bsn_is_refused_before_a_klantbeeld_opens(world, employee_client):
    # Issue 21: a mistyped BSN (fails the 11-test) must not open anyone's klantbeeld.
    client = employee_client("kcc")
    response = client.post("/medewerker/", {"kind": "bsn", "q": "123456789"})
    assert response.status_code == 400
    page = response.content.decode()
    assert 'id="error-summary"' in page
    assert "Dit is geen geldig BSN" in page
    assert client.get("/medewerker/klantbeeld/").status_code == 404


def test_the_klantbeeld_starts_with_who_where_how_to_reach_and_what_is_open(
    world, employee_client, settings
):
    from datetime import date

    from mijnservices.core.identity import Citizen
    from mijnservices.services.mijnoverzicht.contactmomenten import question_ask

    settings.DEMO_MODE = True  # the demo BRP
    party = Party("bsn", BSN)
    digitaal_adres_create(
        party=party, adres="suzanne@example.org", soort="email", verificatie_datum=date.today()
    )
    digitaal_adres_create(party=party, adres="niet-geverifieerd@example.org", soort="email")
    asked = question_ask(
        citizen=Citizen(actor=party, auth_method="demo"), zaak=world.zaak_a, vraag="Hoe lang nog?"
    )
    client = employee_client("kcc")
    client.post("/medewerker/", {"kind": "bsn", "q": BSN})
    page = client.get("/medewerker/klantbeeld/").content.decode()
    assert "Suzanne" in page
    assert "14 maart 1981" in page
    assert "Lindelaan 12, 1234 AB Voorbeeldstad" in page
    assert "suzanne@example.org" in page.split('id="person"')[1].split("</dl>")[0]
    assert "niet-geverifieerd@example.org" not in page.split('id="person"')[1].split("</dl>")[0]
    open_questions = page.split('id="open-questions-heading"')[1].split("</section>")[0]
    assert world.zaak_a.identificatie in open_questions
    assert asked.answer_by.strftime("%Y-%m-%d") in open_questions


def test_the_contact_history_pages_and_each_page_costs_the_same_queries(world, employee_client):
    from django.db import connection
    from django.test.utils import CaptureQueriesContext

    from mijnservices.services.casework.selectors import TIMELINE_PAGE_SIZE

    party = Party("bsn", BSN)
    for n in range(TIMELINE_PAGE_SIZE + 3):
        klantcontact_register(party=party, kanaal="balie", onderwerp="overig", inhoud=f"nr-{n}.")
    client = employee_client("kcc")
    client.post("/medewerker/", {"kind": "bsn", "q": BSN})
    client.get("/medewerker/klantbeeld/")  # warm: per-process caches (decision 0040)
    with CaptureQueriesContext(connection) as first_queries:
        first = client.get("/medewerker/klantbeeld/").content.decode()
    with CaptureQueriesContext(connection) as second_queries:
        second = client.get("/medewerker/klantbeeld/?pagina=2").content.decode()
    newest = f"nr-{TIMELINE_PAGE_SIZE + 2}."
    assert newest in first and "nr-0." not in first and 'rel="next"' in first
    assert "nr-0." in second and newest not in second and 'rel="prev"' in second
    assert len(first_queries) == len(second_queries)
    assert client.get("/medewerker/klantbeeld/?pagina=x").status_code == 200  # page 1
