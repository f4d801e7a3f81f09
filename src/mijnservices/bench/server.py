"""Start the real web server (gunicorn via ``mijnservices serve``) for a benchmark."""

from __future__ import annotations

import subprocess
import sys
import time
import urllib.request
from collections.abc import Iterator
from contextlib import contextmanager
from dataclasses import dataclass

from mijnservices.testing.processes import child_env, free_port


@dataclass(frozen=True)
class Server:
    port: int
    pid: int


@contextmanager
def serving(*, workers: int = 2, threads: int = 1) -> Iterator[Server]:
    """A web server with ``workers`` processes of ``threads`` threads that sends
    ``Server-Timing`` on every response."""
    port = free_port()
    env = child_env(
        PORT=str(port),
        WEB_CONCURRENCY=str(workers),
        WEB_THREADS=str(threads),
        LOG_LEVEL="WARNING",
        SERVER_TIMING_ALWAYS="true",
    )
    process = subprocess.Popen(
        [sys.executable, "-m", "mijnservices", "serve"],
        env=env,
        stdout=subprocess.DEVNULL,
        stderr=subprocess.DEVNULL,
    )
    try:
        deadline = time.monotonic() + 60
        while True:
            try:
                urllib.request.urlopen(f"http://127.0.0.1:{port}/inloggen/", timeout=2)
                break
            except OSError:
                if time.monotonic() > deadline or process.poll() is not None:
                    raise RuntimeError("web server did not start") from None
                time.sleep(0.3)
        yield Server(port=port, pid=process.pid)
    finally:
        process.terminate()
        process.wait(timeout=30)


@contextmanager
def running_server(*, workers: int = 2) -> Iterator[int]:
    with serving(workers=workers) as server:
        yield server.port
