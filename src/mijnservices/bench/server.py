"""Start the real web server (gunicorn via ``mijnservices serve``) for a benchmark."""

from __future__ import annotations

import subprocess
import sys
import time
import urllib.request
from collections.abc import Iterator
from contextlib import contextmanager

from mijnservices.testing.processes import child_env, free_port


@contextmanager
def running_server(*, workers: int = 2) -> Iterator[int]:
    port = free_port()
    env = child_env(PORT=str(port), WEB_CONCURRENCY=str(workers), LOG_LEVEL="WARNING")
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
        yield port
    finally:
        process.terminate()
        process.wait(timeout=30)
