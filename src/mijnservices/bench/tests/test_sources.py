from __future__ import annotations

import pytest

from mijnservices.bench.sources import sources
from mijnservices.integration.zgw.models import ZgwSource


@pytest.mark.django_db(transaction=True)
def test_the_sources_benchmark_reports_first_and_repeat_sync_per_citizen():
    lines: list[str] = []
    sources(citizens=1, per_citizen=2, write=lines.append)
    seeded, citizen, summary = lines
    assert "2 zaken seeded" in seeded
    assert "citizen 1: 2 zaken, first sync" in citizen and "calls), repeat" in citizen
    assert "ERROR" not in citizen
    assert "first sync per citizen: median" in summary
    assert not ZgwSource.objects.exists()  # it cleans up after itself
