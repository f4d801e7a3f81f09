from __future__ import annotations

import pytest

from mijnservices.bench.sources import sources
from mijnservices.integration.zgw.models import ZgwSource


@pytest.mark.django_db(transaction=True)
def test_the_sources_benchmark_reports_syncs_and_a_status_to_the_citizens_page_and_e_mail():
    lines: list[str] = []
    sources(citizens=1, per_citizen=2, status_changes=1, write=lines.append)
    seeded, citizen, summary, roundtrip = lines
    assert "2 zaken seeded" in seeded
    assert "each call at least 50 ms" in seeded
    assert "citizen 1: 2 zaken, first sync" in citizen and "calls: call min" in citizen
    assert "repeat" in citizen and "ERROR" not in citizen
    # The latency stand-in is on: no call to the source answered sooner.
    assert int(citizen.split("call min ")[1].split(" ")[0]) >= 50
    assert "first sync per citizen: median" in summary
    assert "citizen's page (1/1): p50" in roundtrip
    assert "SMTP server (1/1): p50" in roundtrip
    assert not ZgwSource.objects.exists()  # it cleans up after itself
