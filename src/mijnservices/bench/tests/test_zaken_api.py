"""The Zaken API bench's create scenario: wrk POSTs zaken of a published zaaktype with a
JWT, and the zaken it made are removed again afterwards."""

from __future__ import annotations

import json
import os
import time
from urllib.parse import urlparse

import pytest

from mijnservices.bench.generator import measure
from mijnservices.bench.server import Server
from mijnservices.bench.zaken_api import BRONORGANISATIE, _create_body, _remove_created, _token
from mijnservices.core.models import OutboxEvent
from mijnservices.registrations.autorisaties.demo import ensure_demo_client
from mijnservices.registrations.zaken.models import Zaak
from mijnservices.testing.factories import ZaakFactory, published_zaaktype

pytestmark = pytest.mark.django_db(transaction=True)


def _until_no_request_is_in_flight() -> None:
    """wrk stops with requests still running in the live server (the bench stops its server
    first): wait until no new zaak appears for half a second (a CI run on PostgreSQL removed
    too early and found one more afterwards)."""
    deadline = time.monotonic() + 15
    seen = -1
    while time.monotonic() < deadline:
        count = Zaak.objects.filter(bronorganisatie=BRONORGANISATIE).count()
        if count == seen:
            return
        seen = count
        time.sleep(0.5)


def test_the_create_scenario_posts_zaken_and_removes_them_afterwards(live_server, settings):
    settings.DEMO_MODE = True
    settings.SERVER_TIMING_ALWAYS = True
    published_zaaktype()
    other = ZaakFactory()  # not the bench's: stays
    ensure_demo_client()
    port = urlparse(live_server.url).port or 80
    body = _create_body(port)
    assert json.loads(body)["bronorganisatie"] == BRONORGANISATIE
    result = measure(
        name="create",
        server=Server(port=port, pid=os.getpid()),
        requests=[("/zaken/api/v1/zaken", "")],
        headers={
            "Authorization": f"Bearer {_token()}",
            "Accept-Crs": "EPSG:4326",
            "Content-Crs": "EPSG:4326",
            "Content-Type": "application/json",
        },
        clients=2,
        seconds=1,
        body=body,
    )
    assert result.requests > 0
    assert result.errors == 0  # every answer was 201
    assert result.python_cpu_ms > 0
    # the warm-up posted some too, and wrk does not count answers after its last second
    assert Zaak.objects.filter(bronorganisatie=BRONORGANISATIE).count() > result.requests
    _until_no_request_is_in_flight()
    _remove_created()
    assert list(Zaak.objects.all()) == [other]
    assert not OutboxEvent.objects.filter(kenmerken__bronorganisatie=BRONORGANISATIE).exists()
