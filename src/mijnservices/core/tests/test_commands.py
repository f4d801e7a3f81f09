"""`mijnservices run` starts a real web server and worker, and Ctrl-C stops both."""

from __future__ import annotations

import os
import signal
import subprocess
import sys
import threading
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


def _collect(process: subprocess.Popen[str], lines: list[str]) -> None:
    assert process.stdout is not None
    for line in process.stdout:
        lines.append(line)


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
    lines: list[str] = []
    reader = threading.Thread(target=_collect, args=(process, lines), daemon=True)
    reader.start()
    try:
        assert _wait_for(f"http://127.0.0.1:{port}/") == 200
        # Ctrl-C only once the worker runs too: on a busy machine it may still be starting
        # when the web server answers, and then it never gets to log that it stopped.
        deadline = time.monotonic() + 60
        while not any("worker_started" in line for line in lines):
            assert time.monotonic() < deadline, "".join(lines)
            time.sleep(0.1)
    finally:
        os.killpg(process.pid, signal.SIGINT)  # what Ctrl-C does: the whole group
        process.wait(timeout=30)
        reader.join(timeout=30)
    output = "".join(lines)
    assert process.returncode == 0, output
    assert "Stopped web server and worker." in output
    assert "worker_stopped" in output
