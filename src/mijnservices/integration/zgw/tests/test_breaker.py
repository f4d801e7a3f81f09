"""The circuit breaker per source (decisions 0032 and 0042), with the real source process:
stopped, its breaker opens after a few calls that found it down; while open no call goes out
and pages say their information may be out of date at once; back up, the due probe closes
the breaker and the sync catches up."""

from __future__ import annotations

import time
from datetime import timedelta
from typing import Any

import pytest
from django.utils import timezone

from mijnservices.core.identity import Party
from mijnservices.core.models import Destination, DestinationState
from mijnservices.integration.zgw.client import HttpZgwClient, SourceConfig, breaker_key
from mijnservices.integration.zgw.models import ZgwSource
from mijnservices.integration.zgw.sources import zgw_source_add
from mijnservices.integration.zgw.sync import zaken_sync_for_party
from mijnservices.registrations.zaken.models import Zaak
from mijnservices.services.mijnzaken.sources import sources_out_of_date
from mijnservices.testing.zgw_source import CLIENT_ID, SECRET, SourceProcess

ANNA = Party(kind="bsn", identifier="999990019")


class _Counting(HttpZgwClient):
    """The product's client, counting the requests that really went out on the network."""

    sent = 0

    def __init__(self, config: SourceConfig, **kwargs: Any) -> None:
        super().__init__(config, **kwargs)
        request = self._pool.request

        def counted(*args: Any, **kw: Any) -> Any:
            type(self).sent += 1
            return request(*args, **kw)

        self._pool.request = counted  # type: ignore[method-assign]


def _client(zgw: ZgwSource) -> _Counting:
    config = SourceConfig(
        naam=zgw.naam, roots=zgw.roots(), client_id=zgw.client_id, secret=zgw.secret
    )
    return _Counting(config, retries=0, sleep=lambda _: None)


def _sync(zgw: ZgwSource) -> tuple[bool, str, int, float]:
    _Counting.sent = 0
    began = time.monotonic()
    result = zaken_sync_for_party(source=zgw, party=ANNA, reader=_client(zgw))
    return result.ok, result.error, _Counting.sent, time.monotonic() - began


def _state(zgw: ZgwSource) -> str:
    row = Destination.objects.filter(key=breaker_key(zgw.naam)).first()
    return row.state if row else DestinationState.CLOSED


@pytest.mark.django_db(transaction=True)
def test_a_stopped_source_opens_its_breaker_gets_no_calls_and_a_probe_catches_up(
    source: SourceProcess, settings: Any
):
    settings.DELIVERY_BREAKER_THRESHOLD = 2
    # The probe comes when the test says so (restarting the source may take a while here).
    settings.DELIVERY_PROBE_INTERVAL = settings.DELIVERY_PROBE_MAX_INTERVAL = 600
    types = source.published_zaaktype("ZT-BREAKER")
    at_source = source.zaak_for(types, ANNA.identifier, "Zaak achter de breaker")
    zgw = zgw_source_add(
        naam="breaker-bron",
        zaken_api=source.root("zaken"),
        catalogi_api=source.root("catalogi"),
        client_id=CLIENT_ID,
        secret=SECRET,
    )
    ok, error, _, _ = _sync(zgw)
    assert ok, error
    zaak = Zaak.objects.get(omschrijving="Zaak achter de breaker")
    assert not sources_out_of_date([zaak])

    # Down: two syncs find it so (one call each), and its breaker opens.
    source.stop()
    for _ in range(2):
        ok, error, sent, _ = _sync(zgw)
        assert not ok and "did not answer" in error
        assert sent == 1
    assert _state(zgw) == DestinationState.OPEN
    assert sources_out_of_date([zaak])  # the pages say so

    # While it is open, a sync fails at once and nothing goes out, even when the source is
    # back: the probe is not due yet.
    source.start()
    source.status_set(at_source, types["statustypen"][1])
    ok, error, sent, seconds = _sync(zgw)
    assert not ok and "paused" in error
    assert sent == 0
    assert seconds < 1
    assert sources_out_of_date([zaak])
    zaak.refresh_from_db()
    assert zaak.status.statustype.omschrijving == "Ontvangen"

    # The probe is due: the next sync's first call is the probe; it succeeds, the breaker
    # closes, and the sync catches up with the status set meanwhile.
    Destination.objects.filter(key=breaker_key(zgw.naam)).update(
        probe_at=timezone.now() - timedelta(seconds=1)
    )
    ok, error, sent, _ = _sync(zgw)
    assert ok, error
    assert sent >= 2
    assert _state(zgw) == DestinationState.CLOSED
    zaak.refresh_from_db()
    assert zaak.status.statustype.omschrijving == "In behandeling"
    zgw.refresh_from_db()
    assert not sources_out_of_date([zaak])
