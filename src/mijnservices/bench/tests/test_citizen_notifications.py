from __future__ import annotations

import pytest

from mijnservices.bench.citizen_notifications import citizen_notifications


@pytest.mark.django_db(transaction=True)
def test_citizen_notification_benchmark_reports_latency_and_both_rates():
    lines: list[str] = []
    citizen_notifications(seconds=1, rate=10, backlog=20, people=4, producers=2, write=lines.append)
    steady, backlog = lines
    assert "10/10 e-mails" in steady and "p95" in steady and "2 producer(s)" in steady
    assert "20/20 e-mails" in backlog and "from the first e-mail on" in backlog
