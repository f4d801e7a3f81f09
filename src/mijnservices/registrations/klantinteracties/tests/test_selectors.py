"""Klantinteracties selectors: finding a party's partij, addresses, contacts and representatives."""

from __future__ import annotations

from datetime import timedelta

import pytest
from django.utils import timezone

from mijnservices.registrations.klantinteracties import selectors, services
from mijnservices.services.access import klantinteracties as access
from mijnservices.testing import klantinteracties as ki

pytestmark = pytest.mark.django_db


def test_partij_for_finds_a_person_by_bsn():
    partij = ki.partij(ki.PERSON)
    assert selectors.partij_for(ki.PERSON) == partij
    assert selectors.partij_for(ki.OTHER_PERSON) is None


def test_partij_for_tells_a_business_from_its_vestiging():
    business = ki.partij(ki.BUSINESS)
    branch = ki.partij(ki.BRANCH)
    assert business != branch
    assert selectors.partij_for(ki.BUSINESS) == business
    assert selectors.partij_for(ki.BRANCH) == branch


def test_digitale_adressen_for_gives_only_the_partys_own_addresses():
    own = ki.digitaal_adres(ki.PERSON, adres="suzanne@example.nl", is_standaard=True)
    ki.digitaal_adres(ki.OTHER_PERSON, adres="jan@example.nl")
    adressen = selectors.digitale_adressen_for(ki.PERSON)
    assert [a.adres for a in adressen] == ["suzanne@example.nl"]
    assert adressen[0] == own
    assert adressen[0].is_standaard_adres is True
    assert selectors.digitale_adressen_for(ki.BUSINESS) == []


def test_klantcontacten_for_is_newest_first_and_only_the_partys_own(django_assert_num_queries):
    now = timezone.now()
    old = ki.klantcontact(ki.PERSON, plaatsgevonden_op=now - timedelta(days=2))
    new = ki.klantcontact(ki.PERSON, plaatsgevonden_op=now)
    ki.klantcontact(ki.OTHER_PERSON)
    with django_assert_num_queries(6):  # partij + contacts + 4 prefetches
        contacts = list(access.klantcontacten_for(ki.PERSON))
        for contact in contacts:
            list(contact.betrokkenen.all())
            list(contact.onderwerpobjecten.all())
    assert contacts == [new, old]


def test_klantcontacten_for_an_unknown_party_is_empty():
    assert list(access.klantcontacten_for(ki.OTHER_PERSON)) == []


def test_vertegenwoordigers_of_gives_the_representing_parties():
    services.vertegenwoordiging_create(
        vertegenwoordiger=ki.OTHER_PERSON, vertegenwoordigde=ki.PERSON
    )
    services.vertegenwoordiging_create(vertegenwoordiger=ki.BRANCH, vertegenwoordigde=ki.PERSON)
    representatives = selectors.vertegenwoordigers_of(ki.PERSON)
    assert [(p.kind, p.identifier, p.vestiging) for p in representatives] == [
        ("bsn", ki.OTHER_PERSON.identifier, ""),
        ("kvk", ki.BRANCH.identifier, ki.BRANCH.vestiging),
    ]
    assert selectors.vertegenwoordigers_of(ki.OTHER_PERSON) == []
