"""`mijnservices serve`: each instance has its own gunicorn control socket, and demos on
different ports have their own mail catchers."""

from __future__ import annotations

import signal
import socket
import subprocess
import sys
import time

from mijnservices.core.management.commands.serve import control_socket_options
from mijnservices.testing.processes import child_env, free_port


def _wait_until(predicate, timeout: float = 60) -> None:
    deadline = time.monotonic() + timeout
    while time.monotonic() < deadline:
        if predicate():
            return
        time.sleep(0.2)
    raise AssertionError("timed out")


def _listening(port: int) -> bool:
    with socket.socket() as sock:
        return sock.connect_ex(("127.0.0.1", port)) == 0


def test_two_instances_keep_their_own_control_socket(tmp_path):
    var = tmp_path / "var"
    ports = [free_port(), free_port()]
    processes = [
        subprocess.Popen(  # noqa: S603 - our own command
            [sys.executable, "-m", "mijnservices", "serve", "--port", str(port), "--workers", "1"],
            env=child_env(VAR_DIR=str(var), HOME=str(tmp_path)),
            stdout=subprocess.DEVNULL,
            stderr=subprocess.DEVNULL,
        )
        for port in ports
    ]
    sockets = [var / "run" / f"gunicorn-{port}.ctl" for port in ports]
    try:
        _wait_until(lambda: all(_listening(p) for p in ports) and all(s.exists() for s in sockets))
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
