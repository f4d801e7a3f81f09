"""taken_for: a party sees only its own taken, open ones first by deadline."""

from __future__ import annotations

from datetime import timedelta

import pytest
from django.utils import timezone

from mijnservices.core.identity import Party
from mijnservices.registrations.taken.selectors import taken_for
from mijnservices.registrations.taken.services import taak_complete
from mijnservices.testing.taken import BUSINESS, CITIZEN, OTHER_CITIZEN, betaaltaak, urltaak

pytestmark = pytest.mark.django_db


def test_a_citizen_sees_only_their_own_taken():
    mine = betaaltaak(party=CITIZEN)
    betaaltaak(party=OTHER_CITIZEN)
    urltaak(party=BUSINESS)
    assert list(taken_for(CITIZEN)) == [mine]


def test_a_bsn_and_a_kvk_with_the_same_digits_do_not_mix():
    urltaak(party=Party(kind="kvk", identifier="99999365"))
    assert not taken_for(Party(kind="bsn", identifier="99999365")).exists()


def test_a_vestiging_sees_business_wide_and_its_own_taken_but_not_other_vestigingen():
    wide = urltaak(party=BUSINESS)
    own = urltaak(
        is_toegewezen_aan=f"urn:nld:hr:kvknummer:{BUSINESS.identifier}:vestigingsnummer:000012345678"
    )
    urltaak(
        is_toegewezen_aan=f"urn:nld:hr:kvknummer:{BUSINESS.identifier}:vestigingsnummer:000087654321"
    )
    vestiging = Party(kind="kvk", identifier=BUSINESS.identifier, vestiging="000012345678")
    assert set(taken_for(vestiging)) == {wide, own}
    assert taken_for(BUSINESS).count() == 3


def test_open_taken_come_first_by_deadline():
    today = timezone.localdate()
    late = urltaak(einddatum_handelings_termijn=today + timedelta(days=30))
    soon = urltaak(einddatum_handelings_termijn=today + timedelta(days=2))
    done = urltaak(einddatum_handelings_termijn=today + timedelta(days=1))
    taak_complete(taak=done)
    assert list(taken_for(CITIZEN)) == [soon, late, done]
    assert list(taken_for(CITIZEN, open_only=True)) == [soon, late]
