"""The CPU meter reads the web server's process tree and the database backends from /proc."""

from __future__ import annotations

import os
import subprocess
import sys

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
