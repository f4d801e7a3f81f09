"""`mijnservices run` starts a real web server and worker, and Ctrl-C stops both."""

from __future__ import annotations

import os
import signal
import subprocess
import sys
import time
import urllib.request

import pytest

from mijnservices.testing.processes import child_env, free_port


def _wait_for(url: str, timeout: float = 60) -> int:
    deadline = time.monotonic() + timeout
    while time.monotonic() < deadline:
        try:
            with urllib.request.urlopen(url, timeout=2) as response:  # noqa: S310 - loopback
                return response.status
        except OSError:
            time.sleep(0.3)
    raise AssertionError(f"{url} did not answer within {timeout}s")


@pytest.mark.django_db(transaction=True)
def test_run_serves_http_and_stops_both_processes_on_sigint():
    port = free_port()
    # Its own demo mail catcher port too: 8025 may be taken by a demo or a parallel test run.
    env = child_env(
        DEMO_MODE="true",
        PORT=str(port),
        WEB_CONCURRENCY="1",
        DEMO_MAILCATCHER_PORT=str(free_port()),
    )
    process = subprocess.Popen(
        [sys.executable, "-m", "mijnservices", "run"],
        env=env,
        stdout=subprocess.PIPE,
        stderr=subprocess.STDOUT,
        text=True,
        start_new_session=True,
    )
    try:
        assert _wait_for(f"http://127.0.0.1:{port}/") == 200
    finally:
        os.killpg(process.pid, signal.SIGINT)  # what Ctrl-C does: the whole group
        output, _ = process.communicate(timeout=30)
    assert process.returncode == 0, output
    assert "Stopped web server and worker." in output
    assert "worker_stopped" in output
