"""Berichten: publishing, opening, and the outbox events."""

from __future__ import annotations

import pytest

from mijnservices.core.errors import DomainError
from mijnservices.core.models import OutboxEvent
from mijnservices.registrations.berichten.services import bericht_mark_opened
from mijnservices.testing.taken import CITIZEN, OTHER_CITIZEN, bericht

pytestmark = pytest.mark.django_db


def test_publishing_a_bericht_stores_its_bijlagen_and_records_an_event():
    b = bericht(party=CITIZEN)
    assert b.ontvanger == "urn:nld:brp:bsn:999993653"
    assert [x.omschrijving for x in b.bijlagen.all()] == ["Brief.pdf"]
    event = OutboxEvent.objects.get(kanaal="berichten")
    assert (event.actie, event.hoofd_object) == ("create", f"/berichten/api/v1/berichten/{b.uuid}")


def test_a_bericht_needs_an_onderwerp():
    with pytest.raises(DomainError):
        bericht(onderwerp=" ")


def test_opening_records_the_first_time_only():
    b = bericht(party=CITIZEN)
    first = bericht_mark_opened(bericht=b, party=CITIZEN).geopend_op
    assert first is not None
    assert bericht_mark_opened(bericht=b, party=CITIZEN).geopend_op == first
    assert OutboxEvent.objects.filter(kanaal="berichten", actie="update").count() == 1


def test_someone_else_cannot_mark_a_bericht_opened():
    b = bericht(party=CITIZEN)
    with pytest.raises(DomainError):
        bericht_mark_opened(bericht=b, party=OTHER_CITIZEN)
    b.refresh_from_db()
    assert b.geopend_op is None
