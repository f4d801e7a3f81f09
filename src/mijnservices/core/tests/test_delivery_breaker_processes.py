"""The breaker when several processes share a destination (decision 0032): a process that
saw a destination succeed before must still close it with a successful probe after another
process opened it."""

from __future__ import annotations

from datetime import timedelta

import pytest
from django.utils import timezone

from mijnservices.core.delivery import breaker
from mijnservices.core.models import Destination, DestinationState


@pytest.mark.django_db
def test_a_probe_that_succeeds_closes_a_breaker_another_process_opened():
    key = "zgw-source:elders-geopend"
    breaker.destination_succeeded(key)  # this process saw it healthy
    # Another process found it down and opened it; its probe is due.
    Destination.objects.create(
        key=key,
        state=DestinationState.OPEN,
        failures=3,
        opened_at=timezone.now() - timedelta(minutes=1),
        probe_at=timezone.now() - timedelta(seconds=1),
    )

    assert breaker.paused() == {key: True}
    assert breaker.probe_take(key)
    breaker.destination_succeeded(key)

    row = Destination.objects.get(key=key)
    assert row.state == DestinationState.CLOSED
    assert row.failures == 0
