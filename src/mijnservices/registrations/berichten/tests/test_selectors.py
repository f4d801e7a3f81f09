"""berichten_for / unread_count: own, published berichten only."""

from __future__ import annotations

import pytest

from mijnservices.registrations.berichten.selectors import berichten_for, unread_count
from mijnservices.registrations.berichten.services import bericht_mark_opened
from mijnservices.testing.taken import CITIZEN, OTHER_CITIZEN, bericht

pytestmark = pytest.mark.django_db


def test_a_citizen_sees_only_their_own_published_berichten():
    mine = bericht(party=CITIZEN)
    bericht(party=CITIZEN, unpublished=True)
    bericht(party=OTHER_CITIZEN)
    assert list(berichten_for(CITIZEN)) == [mine]


def test_unread_count_drops_when_a_bericht_is_opened():
    first = bericht(party=CITIZEN)
    bericht(party=CITIZEN)
    bericht(party=CITIZEN, unpublished=True)
    bericht(party=OTHER_CITIZEN)
    assert unread_count(CITIZEN) == 2
    bericht_mark_opened(bericht=first, party=CITIZEN)
    assert unread_count(CITIZEN) == 1


def test_listing_berichten_takes_a_constant_number_of_queries(django_assert_num_queries):
    bericht(party=CITIZEN)
    with django_assert_num_queries(2):  # berichten + prefetched bijlagen
        list(berichten_for(CITIZEN))
    for _ in range(5):
        bericht(party=CITIZEN)
    with django_assert_num_queries(2):
        rows = list(berichten_for(CITIZEN))
    assert len(rows) == 6
