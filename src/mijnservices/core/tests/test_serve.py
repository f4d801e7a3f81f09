"""`mijnservices serve`: each instance has its own gunicorn control socket, and demos on
different ports have their own mail catchers."""

from __future__ import annotations

import signal
import socket
import subprocess
import sys
import time
import urllib.request

import pytest

from mijnservices.core.management.commands.serve import (
    control_socket_options,
    worker_class_options,
)
from mijnservices.testing.processes import child_env, free_port


def _wait_until(predicate, timeout: float = 60) -> None:
    deadline = time.monotonic() + timeout
    while time.monotonic() < deadline:
        if predicate():
            return
        time.sleep(0.2)
    raise AssertionError("timed out")


TOKEN = "metrics-token-for-tests-0123456789"


def _get(url: str, **headers: str) -> str:
    request = urllib.request.Request(url, headers=headers)  # noqa: S310 - loopback
    with urllib.request.urlopen(request, timeout=10) as response:  # noqa: S310 - loopback
        return response.read().decode()


def _healthz_count(port: int) -> float:
    text = _get(f"http://127.0.0.1:{port}/metrics", Authorization=f"Bearer {TOKEN}")
    prefix = 'mijnservices_http_request_duration_seconds_count{method="GET",route="ops:healthz"'
    return sum(float(line.split()[-1]) for line in text.splitlines() if line.startswith(prefix))


def _listening(port: int) -> bool:
    with socket.socket() as sock:
        return sock.connect_ex(("127.0.0.1", port)) == 0


@pytest.mark.django_db(transaction=True)
def test_two_instances_keep_their_own_control_socket_and_metrics(tmp_path):
    var = tmp_path / "var"
    ports = [free_port(), free_port()]
    processes = [
        subprocess.Popen(  # noqa: S603 - our own command
            [sys.executable, "-m", "mijnservices", "serve", "--port", str(port), "--workers", "2"],
            env=child_env(VAR_DIR=str(var), HOME=str(tmp_path), METRICS_TOKEN=TOKEN),
            stdout=subprocess.DEVNULL,
            stderr=subprocess.DEVNULL,
        )
        for port in ports
    ]
    sockets = [var / "run" / f"gunicorn-{port}.ctl" for port in ports]
    try:
        _wait_until(lambda: all(_listening(p) for p in ports) and all(s.exists() for s in sockets))
        # Several gunicorn workers answer; the metrics add all of them up (multiprocess mode).
        for _ in range(20):
            _get(f"http://127.0.0.1:{ports[1]}/healthz")
        assert _healthz_count(ports[1]) == 20
        assert _healthz_count(ports[0]) == 0, "each instance has its own metrics"
        processes[0].send_signal(signal.SIGTERM)
        assert processes[0].wait(timeout=30) == 0
        assert not sockets[0].exists()
        assert sockets[1].is_socket(), "stopping one instance removed the other's socket"
        assert _listening(ports[1])
        assert not (tmp_path / ".gunicorn").exists(), "nothing in the shared per-user place"
    finally:
        for process in processes:
            if process.poll() is None:
                process.terminate()
                process.wait(timeout=30)


def test_control_socket_can_be_switched_off_or_placed(settings, tmp_path):
    settings.WEB_CONTROL_SOCKET = "off"
    assert control_socket_options(8000) == {"control_socket_disable": True}
    settings.WEB_CONTROL_SOCKET = str(tmp_path / "ctl" / "web.ctl")
    assert control_socket_options(8000) == {"control_socket": str(tmp_path / "ctl" / "web.ctl")}
    assert (tmp_path / "ctl").is_dir()


def test_demos_on_different_ports_get_different_mail_catchers():
    code = (
        "import django; django.setup(); from django.conf import settings; "
        "print(settings.DEMO_MAILCATCHER_PORT, settings.EMAIL_PORT)"
    )
    env = child_env(
        DEMO_MODE="true", PORT="8100", DJANGO_SETTINGS_MODULE="mijnservices.conf.settings"
    )
    env.pop("DEMO_MAILCATCHER_PORT", None)
    env.pop("EMAIL_PORT", None)
    result = subprocess.run(  # noqa: S603 - our own interpreter
        [sys.executable, "-c", code], env=env, capture_output=True, text=True, check=True
    )
    assert result.stdout.split() == ["8125", "8125"]


def test_one_thread_per_process_runs_the_sync_worker_more_run_gthread():
    assert worker_class_options(1) == {"worker_class": "sync"}
    assert worker_class_options(4) == {"worker_class": "gthread", "threads": 4}
