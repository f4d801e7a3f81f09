"""The zaak page's contacts read as rows are the timeline's contacts about that zaak."""

from __future__ import annotations

from datetime import timedelta

import pytest
from django.db import connection
from django.test.utils import CaptureQueriesContext
from django.utils import timezone

from mijnservices.core.identity import Citizen, Party
from mijnservices.registrations.klantinteracties.services import (
    klantcontact_answer,
    klantcontact_register,
)
from mijnservices.services.mijnoverzicht.contactmomenten import contact_rows, zaak_contact_rows
from mijnservices.services.mijnoverzicht.zaken import zaak_api_url
from mijnservices.services.mijnzaken.selectors import zaak_for_detail
from mijnservices.testing.factories import ZaakFactory, published_zaaktype

pytestmark = pytest.mark.django_db

SUZANNE = Party(kind="bsn", identifier="999993653")
ELS = Party(kind="bsn", identifier="999991589")
CITIZEN = Citizen(actor=SUZANNE, auth_method="demo")


def _history() -> tuple[object, object]:
    zaaktype = published_zaaktype(identificatie="ZT-CONTACT")
    one = ZaakFactory(zaaktype=zaaktype, for_bsn=SUZANNE.identifier)
    other = ZaakFactory(zaaktype=zaaktype, for_bsn=SUZANNE.identifier)
    now = timezone.now()

    def contact(party: Party, days: int, **fields: object):
        return klantcontact_register(
            party=party,
            plaatsgevonden_op=now - timedelta(days=days),
            **{"kanaal": "telefoon", "onderwerp": f"C{days}", "inhoud": "…", **fields},
        )

    url = zaak_api_url(one)
    answered = contact(SUZANNE, 9, kanaal="portaal", zaak_url=url)
    klantcontact_answer(vraag=answered, antwoord="Zo zit het.", actor_naam="KCC")
    klantcontact_answer(vraag=answered, antwoord="En nog dit.", actor_naam="KCC")
    contact(SUZANNE, 8, kanaal="portaal", zaak_url=url)  # not answered yet
    contact(SUZANNE, 7, zaak_url=url, actor_naam="KCC", indicatie_contact_gelukt=True)
    contact(
        SUZANNE, 6, kanaal="e-mail", zaak_url=url, actor_naam="Notificatieservice",
        indicatie_contact_gelukt=False,
    )  # fmt: skip
    contact(SUZANNE, 5, zaak_url=url.upper().replace("HTTP", "http"))  # the uuid in capitals
    contact(SUZANNE, 4, zaak_url=f"urn:nld:gemeente:zaken:zaak:{one.uuid}", vertrouwelijk=True)
    contact(SUZANNE, 3, zaak_url=zaak_api_url(other))
    question = contact(SUZANNE, 2, kanaal="portaal", zaak_url=zaak_api_url(other))
    klantcontact_answer(vraag=question, antwoord="Over de andere zaak.", actor_naam="KCC")
    contact(SUZANNE, 1)  # about no zaak
    contact(ELS, 1, zaak_url=url)  # someone else's
    return one, other


def test_the_zaak_rows_are_the_timeline_rows_about_that_zaak():
    one, other = _history()
    for zaak in (one, other):
        loaded = zaak_for_detail(CITIZEN, zaak.uuid)
        expected = contact_rows(CITIZEN, zaak=loaded)
        assert expected  # the comparison means something
        assert zaak_contact_rows(CITIZEN, loaded) == expected
    loaded = zaak_for_detail(CITIZEN, one.uuid)
    rows = zaak_contact_rows(CITIZEN, loaded)
    assert len(rows) == 6
    assert [len(row.answers) for row in rows if row.is_question] == [0, 2]
    assert [row.delivered for row in rows if row.channel == "email"] == [False]


def test_the_zaak_rows_take_two_queries_whatever_the_number_of_contacts():
    one, _other = _history()
    loaded = zaak_for_detail(CITIZEN, one.uuid)
    with CaptureQueriesContext(connection) as few:
        zaak_contact_rows(CITIZEN, loaded)
    for number in range(5):
        vraag = klantcontact_register(
            party=SUZANNE, kanaal="portaal", onderwerp=f"V{number}", inhoud="?",
            zaak_url=zaak_api_url(one),
        )  # fmt: skip
        klantcontact_answer(vraag=vraag, antwoord="!", actor_naam="KCC")
    with CaptureQueriesContext(connection) as many:
        rows = zaak_contact_rows(CITIZEN, loaded)
    assert len(rows) == 11
    assert len(few) == len(many) == 2  # the partij is found in the contacts query (0047)


def test_a_party_without_contacts_has_no_rows_in_one_query():
    zaak = ZaakFactory(zaaktype=published_zaaktype(), for_bsn=SUZANNE.identifier)
    loaded = zaak_for_detail(CITIZEN, zaak.uuid)
    with CaptureQueriesContext(connection) as queries:
        assert zaak_contact_rows(CITIZEN, loaded) == []
    assert len(queries) == 1
