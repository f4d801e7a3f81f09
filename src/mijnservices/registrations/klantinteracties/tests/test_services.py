"""Klantinteracties services: the writes other parts of MijnServices call."""

from __future__ import annotations

from datetime import date

import pytest

from mijnservices.core.errors import DomainError
from mijnservices.core.models import OutboxEvent
from mijnservices.registrations.klantinteracties import services
from mijnservices.registrations.klantinteracties.models import (
    Partij,
    PartijIdentificator,
)
from mijnservices.testing import klantinteracties as ki

pytestmark = pytest.mark.django_db

ZAAK = "http://testserver/zaken/api/v1/zaken/7f1c3b43-6a5a-4d2c-9a55-0c0f4d7a1e11"


def test_partij_ensure_is_idempotent():
    first = services.partij_ensure(party=ki.PERSON)
    second = services.partij_ensure(party=ki.PERSON)
    assert first == second
    assert Partij.objects.count() == 1
    assert OutboxEvent.objects.filter(kanaal="klantinteracties", resource="partij").count() == 1
    identificator = PartijIdentificator.objects.get(partij=first)
    assert (identificator.code_soort_object_id, identificator.object_id) == ("bsn", "999993653")
    assert first.soort_partij == "persoon"
    assert len(first.nummer) == 10


def test_partij_ensure_for_a_vestiging_records_the_kvk_and_vestigingsnummer():
    partij = services.partij_ensure(party=ki.BRANCH)
    vestiging = PartijIdentificator.objects.get(
        partij=partij, code_soort_object_id="vestigingsnummer"
    )
    assert vestiging.object_id == ki.BRANCH.vestiging
    assert vestiging.sub_identificator_van is not None
    assert vestiging.sub_identificator_van.object_id == ki.BRANCH.identifier
    assert partij.soort_partij == "organisatie"


def test_klantcontact_register_creates_betrokkene_and_onderwerpobject_for_a_zaak():
    contact = services.klantcontact_register(
        party=ki.PERSON,
        kanaal="portaal",
        onderwerp="Vraag over zaak",
        inhoud="Wanneer beslist u?",
        zaak_url=ZAAK,
        actor_naam="KCC medewerker",
    )
    betrokkene = contact.betrokkenen.get()
    assert betrokkene.partij == services.partij_ensure(party=ki.PERSON)
    assert betrokkene.rol == "klant"
    onderwerpobject = contact.onderwerpobjecten.get()
    assert (onderwerpobject.code_objecttype, onderwerpobject.object_id) == ("zgw-Zaak", ZAAK)
    assert contact.actorklantcontacten.get().actor.naam == "KCC medewerker"
    assert contact.taal == "nld"
    assert OutboxEvent.objects.filter(
        kanaal="klantinteracties",
        resource="klantcontact",
        resource_id=f"/klantinteracties/api/v1/klantcontacten/{contact.uuid}",
    ).exists()


def test_klantcontact_register_without_a_zaak_has_no_onderwerpobject():
    contact = ki.klantcontact(ki.PERSON)
    assert contact.onderwerpobjecten.count() == 0
    assert contact.betrokkenen.get().initiator is True


def test_klantcontact_register_requires_a_kanaal():
    with pytest.raises(DomainError):
        ki.klantcontact(ki.PERSON, kanaal="")


def test_digitaal_adres_create_replaces_the_standard_address_of_that_kind():
    first = ki.digitaal_adres(ki.PERSON, adres="oud@example.nl", is_standaard=True)
    second = ki.digitaal_adres(
        ki.PERSON, adres="nieuw@example.nl", is_standaard=True, verificatie_datum=date(2026, 1, 5)
    )
    phone = ki.digitaal_adres(
        ki.PERSON, adres="0612345678", soort="telefoonnummer", is_standaard=True
    )
    first.refresh_from_db()
    assert first.is_standaard_adres is False
    assert second.is_standaard_adres is True
    assert second.verificatie_datum is not None and second.verificatie_datum.date() == date(
        2026, 1, 5
    )
    assert phone.is_standaard_adres is True


def test_digitaal_adres_create_refuses_an_unknown_kind():
    with pytest.raises(DomainError):
        ki.digitaal_adres(ki.PERSON, soort="fax")


def test_vertegenwoordiging_create_is_idempotent_and_refuses_self_representation():
    first = services.vertegenwoordiging_create(
        vertegenwoordiger=ki.OTHER_PERSON, vertegenwoordigde=ki.PERSON
    )
    second = services.vertegenwoordiging_create(
        vertegenwoordiger=ki.OTHER_PERSON, vertegenwoordigde=ki.PERSON
    )
    assert first == second
    with pytest.raises(DomainError):
        services.vertegenwoordiging_create(vertegenwoordiger=ki.PERSON, vertegenwoordigde=ki.PERSON)
