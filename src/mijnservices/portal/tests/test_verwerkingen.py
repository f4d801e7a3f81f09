"""'Wie heeft mijn gegevens bekeken': the person sees the verwerkingen about them (or about
whom they represent), with the organisation unit and purpose, never an employee's name."""

from __future__ import annotations

import pytest
from django.test import Client

from mijnservices.core.identity import Party
from mijnservices.portal.auth import SESSION_KEY
from mijnservices.registrations.verwerkingen.services import Actor, verwerking_log

pytestmark = pytest.mark.django_db
SUZANNE, ELS, KEES = "999993653", "999991589", "999992570"
URL = "/mijn-gegevens/inzage/"


def _looked_at(bsn: str, doel: str) -> None:
    verwerking_log(
        actor=Actor(
            kind="employee", id="42", naam="Piet Medewerker", organisatie_eenheid="Team Zorg"
        ),
        activiteit="zaak behandelen",
        doel=doel,
        personen=[Party(kind="bsn", identifier=bsn)],
        objecttype="zaak",
    )


def test_the_page_asks_visitors_to_log_in(client: Client):
    assert client.get(URL).status_code == 302


def test_a_person_sees_who_looked_at_their_data_without_employee_names(login_as):
    _looked_at(SUZANNE, "Uw aanvraag beoordelen")
    _looked_at(ELS, "Iets over Els")

    page = login_as(SUZANNE).get(URL).content.decode()

    assert "Team Zorg" in page
    assert "Uw aanvraag beoordelen" in page
    assert "Iets over Els" not in page
    assert "Piet" not in page


def test_a_representative_sees_the_log_of_whom_they_represent(client: Client):
    _looked_at(ELS, "Over Els")
    _looked_at(KEES, "Over Kees")
    session = client.session
    session[SESSION_KEY] = {
        "actor": {"kind": "bsn", "identifier": KEES, "vestiging": "", "name": "Kees"},
        "auth_method": "digid",
        "represented": {"kind": "bsn", "identifier": ELS, "vestiging": "", "name": "Els"},
        "mandate": "familie",
        "mandate_zaaktypen": [],
    }
    session.save()
    page = client.get(URL).content.decode()
    assert "Over Els" in page
    assert "Over Kees" not in page


def test_with_nothing_logged_the_page_says_so(login_as):
    page = login_as(SUZANNE).get(URL).content.decode()
    assert "Nobody has looked at your data yet" in page or "Niemand heeft uw gegevens" in page


def test_what_a_representative_looked_at_shows_as_theirs(client: Client):
    # Issue 21: the person sees that Kees opened their zaak, by name, on this page.
    from mijnservices.testing.factories import ZaakFactory

    zaak = ZaakFactory.create(for_bsn=ELS)
    session = client.session
    session[SESSION_KEY] = {
        "actor": {"kind": "bsn", "identifier": KEES, "vestiging": "", "name": "Kees de Vries"},
        "auth_method": "digid",
        "represented": {"kind": "bsn", "identifier": ELS, "vestiging": "", "name": "Els"},
        "mandate": "bewindvoering",
        "mandate_zaaktypen": [],
    }
    session.save()
    assert client.get(f"/mijn-zaken/{zaak.uuid}/").status_code == 200
    page = client.get(URL).content.decode()
    assert "Kees de Vries (namens u)" in page
    assert KEES not in page  # the representative's number is never shown or stored in clear
