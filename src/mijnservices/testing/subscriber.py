"""A real notification subscriber (ZGW webhook receiver) on loopback, for tests and benchmarks.

It records every POST with its ``Idempotency-Key`` (the notificatie id), the parsed body and
the wall-clock time it arrived, and answers ``status`` (set it to 503 to play "down").
With ``hold_after`` set it records but stops answering from that many notifications on, until
:meth:`release`: the sender then has notifications in flight that arrived but were never
acknowledged, as when a worker dies mid-request.
"""

from __future__ import annotations

import json
import threading
import time
from dataclasses import dataclass, field
from http.server import BaseHTTPRequestHandler, ThreadingHTTPServer
from types import TracebackType
from typing import Any

from mijnservices.testing.processes import free_port


class _Server(ThreadingHTTPServer):
    daemon_threads = True
    request_queue_size = 128  # the worker opens many connections at once


@dataclass(frozen=True)
class Received:
    id: str
    body: dict[str, Any]
    authorization: str
    at: float


@dataclass
class Subscriber:
    status: int = 204
    port: int = field(default_factory=free_port)
    received: list[Received] = field(default_factory=list)
    refused: int = 0
    hold_after: int | None = None

    def __post_init__(self) -> None:
        self._lock = threading.Lock()
        self._released = threading.Event()
        self._server: ThreadingHTTPServer | None = None

    def release(self) -> None:
        self.hold_after = None
        self._released.set()

    @property
    def url(self) -> str:
        return f"http://127.0.0.1:{self.port}/notificaties"

    def ids(self) -> list[str]:
        with self._lock:
            return [r.id for r in self.received]

    def snapshot(self) -> list[Received]:
        with self._lock:
            return list(self.received)

    def _record(self, handler: BaseHTTPRequestHandler) -> int:
        length = int(handler.headers.get("Content-Length") or 0)
        raw = handler.rfile.read(length)
        if len(raw) != length or not raw:
            # The sender died mid-request (e.g. a SIGKILLed worker): like any real receiver,
            # an incomplete request is not a delivery. The sender saw no 2xx and retries.
            return 400
        body = json.loads(raw)
        with self._lock:
            status = self.status
            if 200 <= status < 300:
                self.received.append(
                    Received(
                        id=handler.headers.get("Idempotency-Key", ""),
                        body=body,
                        authorization=handler.headers.get("Authorization", ""),
                        at=time.time(),
                    )
                )
            else:
                self.refused += 1
            hold = self.hold_after is not None and len(self.received) >= self.hold_after
        if hold:
            self._released.wait(timeout=120)
        return status

    def start(self) -> Subscriber:
        subscriber = self

        class Handler(BaseHTTPRequestHandler):
            protocol_version = "HTTP/1.1"  # keep-alive, as a real receiver

            def do_POST(self) -> None:
                status = subscriber._record(self)
                self.send_response(status)
                self.send_header("Content-Length", "0")
                self.end_headers()

            def log_message(self, format: str, *args: Any) -> None:
                pass

        server = _Server(("127.0.0.1", self.port), Handler)
        self._server = server
        threading.Thread(target=server.serve_forever, daemon=True).start()
        return self

    def stop(self) -> None:
        self._released.set()
        if self._server is not None:
            self._server.shutdown()
            self._server.server_close()
            self._server = None

    def __enter__(self) -> Subscriber:
        return self.start()

    def __exit__(
        self,
        exc_type: type[BaseException] | None,
        exc: BaseException | None,
        tb: TracebackType | None,
    ) -> None:
        self.stop()
