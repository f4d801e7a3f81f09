"""Virus scanning of uploads with ClamAV's ``clamd`` over its socket (decision 0030).

A small client for clamd's INSTREAM command instead of a library: the PyPI clients (``clamd``,
``pyclamd``) have not been released for years, and the protocol is a few lines: send
``zINSTREAM\\0``, then chunks each prefixed with their length (4 bytes, big-endian), then a
zero length; clamd answers ``stream: OK`` or ``stream: <signature> FOUND``.

Every file is scanned before it is stored (``registrations/documenten/storage.py``, which
every upload goes through). Off until ``CLAMAV_ADDRESS`` is set; when clamd cannot be
reached, or answers anything else, the upload is refused (fail closed).
"""

from __future__ import annotations

import socket
import struct
from dataclasses import dataclass
from typing import IO

from django.conf import settings

CHUNK = 64 * 1024


class ScannerUnavailable(Exception):
    """clamd could not be reached or gave no verdict."""


@dataclass(frozen=True)
class Verdict:
    infected: bool
    signature: str = ""


def enabled() -> bool:
    return bool(settings.CLAMAV_ADDRESS)


def _connect(address: str, timeout: float) -> socket.socket:
    if address.startswith("/") or ":" not in address:
        sock = socket.socket(socket.AF_UNIX, socket.SOCK_STREAM)
        target: str | tuple[str, int] = address
    else:
        host, _, port = address.rpartition(":")
        sock = socket.socket(socket.AF_INET6 if ":" in host else socket.AF_INET)
        target = (host.strip("[]"), int(port))
    sock.settimeout(timeout)
    try:
        sock.connect(target)
    except OSError:
        sock.close()
        raise
    return sock


def scan(stream: IO[bytes]) -> Verdict:
    """Send ``stream`` (from its current position) to clamd and return its verdict."""
    address = str(settings.CLAMAV_ADDRESS)
    try:
        with _connect(address, float(settings.CLAMAV_TIMEOUT)) as sock:
            sock.sendall(b"zINSTREAM\0")
            while chunk := stream.read(CHUNK):
                sock.sendall(struct.pack("!L", len(chunk)) + chunk)
            sock.sendall(struct.pack("!L", 0))
            reply = b""
            while not reply.endswith(b"\0") and (piece := sock.recv(4096)):
                reply += piece
    except (OSError, ValueError) as exc:
        raise ScannerUnavailable(type(exc).__name__) from exc
    answer = reply.rstrip(b"\0").decode("utf-8", "replace").strip()
    if answer.endswith(" OK"):
        return Verdict(infected=False)
    if answer.endswith(" FOUND"):
        signature = answer.removeprefix("stream:").removesuffix("FOUND").strip()
        return Verdict(infected=True, signature=signature)
    # "INSTREAM size limit exceeded. ERROR" and the like: no verdict, so no upload.
    raise ScannerUnavailable(answer[:200] or "no answer")
