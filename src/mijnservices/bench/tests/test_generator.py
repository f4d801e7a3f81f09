"""The measurement behind `mijnservices bench`: client latency from the load generator,
server wall and CPU time from Server-Timing and /proc, and before/after tables."""

from __future__ import annotations

import os
from urllib.parse import urlparse

import pytest

from mijnservices.bench.generator import Measurement, comparison, measure, save, table
from mijnservices.bench.server import Server


def _measurement(name: str, cpu: float, requests: int) -> Measurement:
    return Measurement(
        name=name,
        requests=requests,
        errors=0,
        seconds=10.0,
        p50_ms=20.0,
        p95_ms=40.0,
        p99_ms=60.0,
        server_ms=8.0,
        python_cpu_ms=cpu - 1,
        web_cpu_ms=cpu - 1,
        db_cpu_ms=1.0,
        generator_cpu_ms=0.1,
        generator="wrk",
    )


def test_the_table_shows_cpu_per_request_and_throughput():
    text = table([_measurement("detail", 12.0, 1500)])
    assert "| detail | 150 | **12.0** |" in text
    assert "20 / 40 / 60" in text


def test_a_saved_run_is_compared_with_a_later_one(tmp_path):
    path = tmp_path / "before.json"
    save([_measurement("detail", 12.0, 1500)], path)
    text = comparison([_measurement("detail", 3.0, 4000)], path)
    assert "| detail | 12.0 → **3.0** | 150 → **400** | 40 → **40** |" in text


@pytest.mark.django_db(transaction=True)
def test_a_measurement_against_a_live_server_reads_its_server_timing(live_server, settings):
    settings.SERVER_TIMING_ALWAYS = True
    url = urlparse(live_server.url)
    result = measure(
        name="start page",
        server=Server(port=url.port or 80, pid=os.getpid()),
        requests=[("/", ""), ("/toegankelijkheid/", "")],
        headers={},
        clients=2,
        seconds=1,
    )
    assert result.requests > 0
    assert result.errors == 0
    assert result.server_ms > 0 and result.python_cpu_ms > 0
    assert result.web_cpu_ms > 0
