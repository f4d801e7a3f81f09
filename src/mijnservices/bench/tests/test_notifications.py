from __future__ import annotations

import pytest

from mijnservices.bench.notifications import notifications
from mijnservices.registrations.notificaties.models import Abonnement


@pytest.mark.django_db(transaction=True)
def test_notification_benchmark_reports_latency_and_throughput():
    lines: list[str] = []
    notifications(zaken=10, seconds=1, rate=20, backlog=40, write=lines.append)
    steady, backlog = lines
    assert "20/20 delivered" in steady and "p95" in steady and "p99" in steady
    assert "40/40 delivered" in backlog and "deliveries/s" in backlog
    assert not Abonnement.objects.exists()  # the benchmark cleans up its subscriber
