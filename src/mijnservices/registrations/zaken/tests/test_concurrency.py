"""identificatie stays unique when many clients create zaken at the same time."""

from __future__ import annotations

from concurrent.futures import ThreadPoolExecutor

import pytest
from django.db import connection
from django.utils import timezone

from mijnservices.registrations.zaken import services
from mijnservices.registrations.zaken.models import Zaak
from mijnservices.testing.factories import published_zaaktype

THREADS = 8
PER_THREAD = 25


@pytest.mark.django_db(transaction=True)
def test_concurrent_creation_yields_unique_identificaties_without_errors():
    zaaktype = published_zaaktype()
    start = timezone.localdate()

    def create_many(_: int) -> list[str]:
        try:
            return [
                services.zaak_create(zaaktype=zaaktype, startdatum=start).identificatie
                for _ in range(PER_THREAD)
            ]
        finally:
            connection.close()

    with ThreadPoolExecutor(max_workers=THREADS) as pool:
        results = [ident for chunk in pool.map(create_many, range(THREADS)) for ident in chunk]

    assert len(results) == THREADS * PER_THREAD
    assert len(set(results)) == len(results)
    assert Zaak.objects.count() == THREADS * PER_THREAD
    numbers = sorted(int(i.rsplit("-", 1)[1]) for i in results)
    assert numbers == list(range(1, THREADS * PER_THREAD + 1))  # no gaps, no repeats
