"""The worker is a real process that drains the outbox and stops cleanly on SIGTERM."""

from __future__ import annotations

import signal
import subprocess
import sys
import time

import pytest
from django.db import transaction

from mijnservices.core import outbox
from mijnservices.core.models import OutboxEvent, OutboxStatus
from mijnservices.testing.processes import child_env


@pytest.mark.django_db(transaction=True)
def test_worker_process_drains_the_outbox_and_stops_on_sigterm():
    with transaction.atomic():
        for n in range(20):
            outbox.event_record(
                kanaal="zaken",
                resource="zaak",
                actie="create",
                hoofd_object=f"z{n}",
                resource_id=f"z{n}",
            )
    process = subprocess.Popen(
        [sys.executable, "-m", "mijnservices", "worker"],
        env=child_env(WORKER_POLL_INTERVAL="1"),
        stdout=subprocess.PIPE,
        stderr=subprocess.STDOUT,
        text=True,
    )
    try:
        deadline = time.monotonic() + 60
        while time.monotonic() < deadline:
            if not OutboxEvent.objects.filter(status=OutboxStatus.PENDING).exists():
                break
            time.sleep(0.2)
        assert OutboxEvent.objects.filter(status=OutboxStatus.PROCESSED).count() == 20
    finally:
        process.send_signal(signal.SIGTERM)
        output, _ = process.communicate(timeout=30)
    assert process.returncode == 0, output
    assert "worker_stopped" in output
