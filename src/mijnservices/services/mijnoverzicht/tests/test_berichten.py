"""The menu's unread count from its compiled query equals the registration's count
(decision 0046)."""

from __future__ import annotations

import pytest
from django.db import connection
from django.test.utils import CaptureQueriesContext

from mijnservices.core.identity import Citizen, Party
from mijnservices.registrations.berichten.selectors import unread_count
from mijnservices.registrations.berichten.services import bericht_mark_opened
from mijnservices.services.mijnoverzicht.berichten import unread_total
from mijnservices.testing.taken import BUSINESS, CITIZEN, OTHER_CITIZEN, bericht

pytestmark = pytest.mark.django_db


def _citizen(party: Party) -> Citizen:
    return Citizen(actor=party, auth_method="digid")


def test_the_unread_total_equals_the_unread_count_for_people_and_businesses():
    first = bericht(party=CITIZEN)
    bericht(party=CITIZEN)
    bericht(party=CITIZEN, unpublished=True)
    bericht(party=OTHER_CITIZEN)
    bericht(party=BUSINESS)
    at_vestiging = Party("kvk", BUSINESS.identifier, vestiging="000012345678")
    parties = [CITIZEN, OTHER_CITIZEN, BUSINESS, at_vestiging, Party("bsn", "999990408")]
    assert [unread_total(_citizen(p)) for p in parties] == [unread_count(p) for p in parties]
    assert [unread_total(_citizen(p)) for p in parties] == [2, 1, 1, 1, 0]
    bericht_mark_opened(bericht=first, party=CITIZEN)
    assert unread_total(_citizen(CITIZEN)) == 1


def test_the_unread_total_is_one_query():
    bericht(party=CITIZEN)
    unread_total(_citizen(CITIZEN))
    with CaptureQueriesContext(connection) as queries:
        assert unread_total(_citizen(CITIZEN)) == 1
    assert len(queries) == 1
