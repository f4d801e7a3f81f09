from __future__ import annotations

from urllib.parse import urlparse

import pytest

from mijnservices.bench.load import LoadResult, run_load
from mijnservices.testing.api import TEST_SECRET, applicatie_with_secret, token


def test_percentiles_pick_the_nearest_rank():
    values = [float(n) for n in range(1, 101)]
    assert LoadResult._pct(values, 50) == 50.0
    assert LoadResult._pct(values, 95) == 95.0
    assert LoadResult._pct(values, 99) == 99.0


def test_only_loopback_targets_are_allowed():
    with pytest.raises(ValueError, match="loopback"):
        run_load(name="x", host="10.0.0.1", port=80, path_for=lambda n: "/", headers={})


@pytest.mark.django_db(transaction=True)
def test_load_runner_counts_requests_and_reads_server_timing(live_server):
    # Server-Timing is only sent to an authenticated caller: an API client here.
    applicatie_with_secret(client_id="bench", heeft_alle_autorisaties=True)
    url = urlparse(live_server.url)
    result = run_load(
        name="zaaktypen",
        host=url.hostname,
        port=url.port,
        path_for=lambda n: "/catalogi/api/v1/zaaktypen",
        headers={"Authorization": f"Bearer {token('bench', TEST_SECRET)}"},
        clients=2,
        seconds=5,
        max_requests=20,
    )
    assert len(result.latencies_ms) == 20
    assert result.errors == 0
    assert len(result.server_ms) == 20
    assert "20 requests" in result.summary()
