"""The CPU meter reads the web server's process tree and the database backends from /proc."""

from __future__ import annotations

import os
import subprocess
import sys
import time

import pytest

from mijnservices.bench.cpu import CpuMeter, cpu_seconds, database_backends, process_tree


def test_the_process_tree_holds_the_root_and_its_children():
    child = subprocess.Popen([sys.executable, "-c", "import time; time.sleep(5)"])
    try:
        assert {os.getpid(), child.pid} <= set(process_tree(os.getpid()))
    finally:
        child.kill()
        child.wait()


def test_cpu_seconds_grow_with_work_and_ignore_ended_processes():
    before = cpu_seconds([os.getpid()])
    sum(n * n for n in range(3_000_000))
    assert cpu_seconds([os.getpid()]) > before
    assert cpu_seconds([2**22 + 12345]) == 0


@pytest.mark.django_db
def test_the_meter_counts_the_web_processes_own_work():
    meter = CpuMeter(os.getpid())
    meter.start()
    sum(n * n for n in range(3_000_000))
    meter.stop()
    assert meter.web > 0
    assert meter.database >= 0
    assert isinstance(database_backends(), list)


# A child that spends ``cpu`` seconds of CPU, then sleeps ``then`` seconds.
BUSY = (
    "import time\n"
    "start = time.process_time()\n"
    "while time.process_time() - start < {cpu}: pass\n"
    "time.sleep({then})"
)


def _wait_for_cpu(pid: int, seconds: float) -> None:
    deadline = time.monotonic() + 60
    while cpu_seconds([pid]) < seconds:
        assert time.monotonic() < deadline, "the child did not get its CPU time"
        time.sleep(0.05)


@pytest.mark.django_db
def test_a_process_that_ends_during_the_run_takes_nothing_off_the_sum():
    # An autovacuum worker did this to the create scenario: -13.6 ms of PG CPU per request.
    child = subprocess.Popen([sys.executable, "-c", BUSY.format(cpu=0.3, then=1)])  # noqa: S603 - our own code
    _wait_for_cpu(child.pid, 0.2)
    meter = CpuMeter(child.pid)
    meter.start()
    child.wait()
    meter.stop()
    assert meter.web == 0


def test_only_client_backends_are_counted_as_the_database(db):
    from django.db import connection

    if connection.vendor != "postgresql":
        pytest.skip("the backends are PostgreSQL's")
    with connection.cursor() as cursor:
        cursor.execute("SELECT pid FROM pg_stat_activity WHERE backend_type <> 'client backend'")
        others = {row[0] for row in cursor.fetchall()}
    assert not others & set(database_backends())


@pytest.mark.django_db
def test_a_process_that_starts_during_the_run_counts_whole():
    # The web workers reconnect every DB_CONN_MAX_AGE seconds: new backends mid-run.
    meter = CpuMeter(os.getpid())
    meter.start()
    child = subprocess.Popen([sys.executable, "-c", BUSY.format(cpu=0.3, then=30)])  # noqa: S603 - our own code
    try:
        _wait_for_cpu(child.pid, 0.2)
        meter.stop()
        assert meter.web >= 0.2
    finally:
        child.kill()
        child.wait()
