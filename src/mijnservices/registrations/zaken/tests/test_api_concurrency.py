"""8 clients creating zaken through the API at once: unique identificaties, no errors.
The suite sends 8 x 12 requests; ``make soak`` the same test with 8 x 200."""

from __future__ import annotations

from concurrent.futures import ThreadPoolExecutor

import pytest
from django.db import connection
from django.utils import timezone

from mijnservices.registrations.zaken.models import Zaak
from mijnservices.registrations.zaken.tests.api_helpers import BASE, zaaktype_url, zaken_client
from mijnservices.testing.factories import published_zaaktype

CLIENTS = 8


@pytest.mark.django_db(transaction=True)
@pytest.mark.parametrize(
    "per_client",
    [
        pytest.param(12, marks=pytest.mark.timeout(120)),
        # 1,600 requests through SQLite's one write lock: minutes on a busy machine.
        pytest.param(200, marks=[pytest.mark.soak, pytest.mark.timeout(900)]),
    ],
)
def test_concurrent_api_creation_yields_unique_identificaties(per_client: int):
    zaaktype = published_zaaktype()
    client = zaken_client(alles=True)
    body = {
        "zaaktype": zaaktype_url(zaaktype),
        "bronorganisatie": "002220647",
        "verantwoordelijkeOrganisatie": "002220647",
        "startdatum": str(timezone.localdate()),
    }

    def create_many(_: int) -> list[tuple[int, str]]:
        try:
            found = []
            for _ in range(per_client):
                response = client.post(f"{BASE}/zaken", body, content_type="application/json")
                found.append((response.status_code, response.json().get("identificatie", "")))
            return found
        finally:
            connection.close()

    with ThreadPoolExecutor(max_workers=CLIENTS) as pool:
        results = [item for chunk in pool.map(create_many, range(CLIENTS)) for item in chunk]
    assert {code for code, _ in results} == {201}
    identificaties = [ident for _, ident in results]
    assert len(set(identificaties)) == CLIENTS * per_client
    assert Zaak.objects.count() == CLIENTS * per_client
