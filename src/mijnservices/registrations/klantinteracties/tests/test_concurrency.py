"""partij_ensure stays one partij per party when many callers ensure it at once."""

from __future__ import annotations

import threading
from concurrent.futures import ThreadPoolExecutor

import pytest
from django.db import connection

from mijnservices.registrations.klantinteracties import services
from mijnservices.registrations.klantinteracties.models import Partij, PartijIdentificator
from mijnservices.testing import klantinteracties as ki

THREADS = 6
ROUNDS = 5


@pytest.mark.django_db(transaction=True)
def test_concurrent_partij_ensure_creates_one_partij():
    parties = [ki.Party(kind="bsn", identifier=f"99999{n:04d}", name="Test") for n in range(ROUNDS)]
    barrier = threading.Barrier(THREADS)

    def ensure(_: int) -> list[int]:
        try:
            found = []
            for party in parties:
                barrier.wait()  # every thread looks the party up at the same moment
                found.append(services.partij_ensure(party=party).pk)
            return found
        finally:
            connection.close()

    with ThreadPoolExecutor(max_workers=THREADS) as pool:
        results = list(pool.map(ensure, range(THREADS)))

    for round_ in range(ROUNDS):
        assert len({result[round_] for result in results}) == 1
    assert Partij.objects.count() == ROUNDS
    assert PartijIdentificator.objects.filter(code_soort_object_id="bsn").count() == ROUNDS
