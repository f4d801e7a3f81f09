"""A real ClamAV daemon for tests (Debian's clamav-daemon), with a signature database the
test writes itself: the public databases cannot be downloaded here, and a test should not
depend on them anyway. One signature, ``Test.EICAR.Custom``, matches :data:`INFECTED`
exactly (an MD5 hash signature: ``<md5>:<size>:<name>`` in ``db/test.hdb``)."""

from __future__ import annotations

import hashlib
import shutil
import socket
import subprocess
import time
from collections.abc import Iterator
from contextlib import contextmanager
from pathlib import Path

from mijnservices.testing.documents import PDF

# The EICAR anti-virus test string, put together here so this source file itself does not
# trip a scanner; behind a PDF header so it passes the upload's file-type check.
EICAR = b"X5O!P%@AP[4\\PZX54(P^)7CC)7}$" + b"EICAR-STANDARD-ANTIVIRUS-TEST-FILE!$H+H*"
INFECTED = PDF + EICAR
SIGNATURE = "Test.EICAR.Custom"


def clamd_binary() -> str | None:
    return shutil.which("clamd") or next(
        (str(p) for p in (Path("/usr/sbin/clamd"),) if p.exists()), None
    )


def _pong(path: Path) -> bool:
    try:
        with socket.socket(socket.AF_UNIX) as sock:
            sock.settimeout(2)
            sock.connect(str(path))
            sock.sendall(b"zPING\0")
            return sock.recv(16).startswith(b"PONG")
    except OSError:
        return False


@contextmanager
def clamd_server(directory: Path) -> Iterator[Path]:
    """Start clamd on a Unix socket in ``directory``; yields the socket's path."""
    binary = clamd_binary()
    if binary is None:
        raise RuntimeError("clamd is not installed (apt-get install clamav-daemon)")
    (directory / "db").mkdir(parents=True, exist_ok=True)
    digest = hashlib.md5(INFECTED).hexdigest()  # noqa: S324 - ClamAV's hash signature format
    (directory / "db" / "test.hdb").write_text(f"{digest}:{len(INFECTED)}:{SIGNATURE}\n")
    sock = directory / "clamd.sock"
    config = directory / "clamd.conf"
    config.write_text(
        f"DatabaseDirectory {directory / 'db'}\n"
        f"LocalSocket {sock}\n"
        "Foreground yes\n"
        "User root\n"
        "StreamMaxLength 100M\n"
        f"LogFile {directory / 'clamd.log'}\n"
    )
    process = subprocess.Popen(  # noqa: S603 - Debian's clamd with our own config
        [binary, "-c", str(config)], stdout=subprocess.DEVNULL, stderr=subprocess.DEVNULL
    )
    try:
        deadline = time.monotonic() + 60
        while not _pong(sock):
            if process.poll() is not None or time.monotonic() > deadline:
                log = (
                    (directory / "clamd.log").read_text()
                    if (directory / "clamd.log").exists()
                    else ""
                )
                raise RuntimeError(f"clamd did not start: {log[-500:]}")
            time.sleep(0.2)
        yield sock
    finally:
        process.terminate()
        process.wait(timeout=20)
