"""A tiny threaded JSON HTTP server on loopback that the stand-ins share."""

from __future__ import annotations

import json
import threading
from collections.abc import Callable
from dataclasses import dataclass, field
from http.server import BaseHTTPRequestHandler, ThreadingHTTPServer
from pathlib import Path
from types import TracebackType
from typing import Any
from urllib.parse import parse_qs, urlsplit

from mijnservices.testing.processes import free_port


@dataclass(frozen=True)
class Request:
    method: str
    path: str
    query: dict[str, list[str]]
    body: bytes
    headers: dict[str, str]

    def json(self) -> Any:
        return json.loads(self.body or b"null")


@dataclass(frozen=True)
class Response:
    status: int
    body: bytes = b""
    content_type: str = "application/json"

    @classmethod
    def of_json(cls, data: Any, status: int = 200) -> Response:
        return cls(status, json.dumps(data).encode())


Handler = Callable[[Request], Response]


class _Server(ThreadingHTTPServer):
    daemon_threads = True


@dataclass
class LoopbackServer:
    """Serve ``handler`` on 127.0.0.1 at a free port until :meth:`stop`."""

    handler: Handler
    port: int = field(default_factory=free_port)
    log: Path | None = None  # one line per request, to see what a suite asked

    def __post_init__(self) -> None:
        self._server: ThreadingHTTPServer | None = None

    @property
    def url(self) -> str:
        return f"http://127.0.0.1:{self.port}"

    def start(self) -> LoopbackServer:
        handle = self.handler
        log = self.log.open("a", buffering=1) if self.log else None

        class _RequestHandler(BaseHTTPRequestHandler):
            protocol_version = "HTTP/1.1"

            def _serve(self) -> None:
                length = int(self.headers.get("Content-Length") or 0)
                parts = urlsplit(self.path)
                request = Request(
                    method=self.command,
                    path=parts.path,
                    query=parse_qs(parts.query),
                    body=self.rfile.read(length) if length else b"",
                    headers={key.lower(): value for key, value in self.headers.items()},
                )
                try:
                    response = handle(request)
                except Exception as exc:  # a stand-in bug must show, not hang newman
                    response = Response.of_json({"detail": f"stand-in error: {exc!r}"}, 500)
                self.send_response(response.status)
                self.send_header("Content-Type", response.content_type)
                self.send_header("Content-Length", str(len(response.body)))
                self.end_headers()
                self.wfile.write(response.body)
                if log is not None:
                    log.write(f"{request.method} {self.path} {response.status}\n")

            do_GET = do_POST = do_PUT = do_PATCH = do_DELETE = do_HEAD = _serve

            def log_message(self, format: str, *args: Any) -> None:
                pass

        self._server = _Server(("127.0.0.1", self.port), _RequestHandler)
        threading.Thread(target=self._server.serve_forever, daemon=True).start()
        return self

    def stop(self) -> None:
        if self._server is not None:
            self._server.shutdown()
            self._server.server_close()
            self._server = None

    def __enter__(self) -> LoopbackServer:
        return self.start()

    def __exit__(
        self,
        exc_type: type[BaseException] | None,
        exc: BaseException | None,
        tb: TracebackType | None,
    ) -> None:
        self.stop()
