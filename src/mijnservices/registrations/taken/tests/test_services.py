"""Taken: the rules in the service layer and the outbox events they record."""

from __future__ import annotations

from datetime import timedelta

import pytest
from django.utils import timezone

from mijnservices.core.errors import DomainError
from mijnservices.core.models import OutboxEvent
from mijnservices.registrations.taken import services
from mijnservices.registrations.taken.models import TaakSoort, TaakStatus
from mijnservices.testing.taken import BUSINESS, CITIZEN, betaaltaak, formuliertaak, urltaak

pytestmark = pytest.mark.django_db


def test_creating_a_betaaltaak_stores_the_party_split_and_records_an_event():
    taak = betaaltaak(party=CITIZEN)
    assert taak.is_toegewezen_aan == "urn:nld:brp:bsn:999993653"
    assert (taak.party_kind, taak.party_identifier) == ("bsn", "999993653")
    assert taak.status == TaakStatus.OPEN
    assert taak.details["valuta"] == "EUR"
    event = OutboxEvent.objects.get(kanaal="taken")
    assert event.actie == "create"
    assert event.hoofd_object == f"/taken/api/v1/betaaltaken/{taak.uuid}"


def test_a_business_taak_keeps_its_kvk_nummer():
    taak = urltaak(party=BUSINESS)
    assert (taak.party_kind, taak.party_identifier, taak.party_vestiging) == (
        "kvk",
        "69599084",
        "",
    )


def test_a_betaaltaak_needs_a_positive_amount():
    with pytest.raises(DomainError) as exc:
        services.taak_create(
            taak_soort=TaakSoort.BETAALTAAK,
            titel="Betalen",
            is_toegewezen_aan=CITIZEN,
            einddatum_handelings_termijn=timezone.localdate(),
            details={
                "bedrag": "-1",
                "transactieomschrijving": "x",
                "doelrekening": {"iban": "NL91ABNA0417164300"},
            },
        )
    assert exc.value.field == "bedrag"


def test_a_betaaltaak_needs_some_doelrekening():
    with pytest.raises(DomainError) as exc:
        services.taak_create(
            taak_soort=TaakSoort.BETAALTAAK,
            titel="Betalen",
            is_toegewezen_aan=CITIZEN,
            einddatum_handelings_termijn=timezone.localdate(),
            details={"bedrag": "1", "transactieomschrijving": "x", "doelrekening": {}},
        )
    assert exc.value.field == "doelrekening"


def test_a_formuliertaak_needs_components():
    with pytest.raises(DomainError):
        formuliertaak(details={"formulierDefinitie": {}})


def test_the_deadline_cannot_lie_before_the_start():
    with pytest.raises(DomainError) as exc:
        urltaak(einddatum_handelings_termijn=timezone.localdate() - timedelta(days=1))
    assert exc.value.code == "date-mismatch"


def test_completing_a_taak_marks_it_uitgevoerd_with_the_data_received():
    taak = formuliertaak()
    services.taak_complete(taak=taak, ontvangen_gegevens={"naam": "Jan"})
    taak.refresh_from_db()
    assert taak.status == TaakStatus.UITGEVOERD
    assert taak.afgerond_op is not None
    assert taak.details["ontvangenGegevens"] == {"naam": "Jan"}
    assert OutboxEvent.objects.filter(kanaal="taken", actie="update").count() == 1


def test_a_completed_taak_cannot_be_completed_again():
    taak = urltaak()
    services.taak_complete(taak=taak)
    with pytest.raises(DomainError):
        services.taak_complete(taak=taak)


def test_the_kind_of_a_taak_cannot_change():
    taak = urltaak()
    with pytest.raises(DomainError):
        services.taak_update(taak=taak, changes={"taak_soort": "betaaltaak"})
