"""A local HTTP server that speaks the part of the GOV.UK Notify API we use
(``POST /v2/notifications/email|sms``, ``GET /v2/notifications/<id>``), checking the JWT the
client signs with the API key's secret, so tests exercise the real notifications-python-client
over real HTTP. ``status`` sets the answer (201, or e.g. 400/429/500 to play failures)."""

from __future__ import annotations

import json
import threading
import uuid
from dataclasses import dataclass, field
from http.server import BaseHTTPRequestHandler, ThreadingHTTPServer
from typing import Any

import jwt

from mijnservices.testing.processes import free_port

SERVICE_ID = "7b4f2c3e-2a8e-4c1e-9a3f-0c2d1e4b5a6f"
SECRET = "3c9d8e7f-6a5b-4c3d-8e2f-1a0b9c8d7e6f"  # noqa: S105 - a test double's key
API_KEY = f"mijnservices_test-{SERVICE_ID}-{SECRET}"


@dataclass
class NotifyServer:
    port: int = field(default_factory=free_port)
    status: int = 201
    sent: list[dict[str, Any]] = field(default_factory=list)
    refused_auth: int = 0

    @property
    def url(self) -> str:
        return f"http://127.0.0.1:{self.port}"

    def start(self) -> NotifyServer:
        server = self

        class Handler(BaseHTTPRequestHandler):
            def _answer(self, status: int, body: dict[str, Any]) -> None:
                payload = json.dumps(body).encode()
                self.send_response(status)
                self.send_header("Content-Type", "application/json")
                self.send_header("Content-Length", str(len(payload)))
                self.end_headers()
                self.wfile.write(payload)

            def _authorised(self) -> bool:
                header = self.headers.get("Authorization", "")
                try:
                    claims = jwt.decode(
                        header.removeprefix("Bearer "), SECRET, algorithms=["HS256"]
                    )
                except jwt.PyJWTError:
                    return False
                return claims.get("iss") == SERVICE_ID

            def do_POST(self) -> None:
                if not self._authorised():
                    server.refused_auth += 1
                    self._answer(
                        403, {"errors": [{"error": "AuthError", "message": "Invalid token"}]}
                    )
                    return
                body = json.loads(self.rfile.read(int(self.headers["Content-Length"])))
                kind = self.path.rsplit("/", 1)[-1]
                if server.status != 201:
                    self._answer(
                        server.status,
                        {
                            "status_code": server.status,
                            "errors": [{"error": "Error", "message": "test"}],
                        },
                    )
                    return
                notification_id = str(uuid.uuid4())
                server.sent.append({"id": notification_id, "type": kind, **body})
                self._answer(
                    201, {"id": notification_id, "reference": body.get("reference"), "content": {}}
                )

            def do_GET(self) -> None:
                if not self._authorised():
                    self._answer(403, {"errors": [{"error": "AuthError"}]})
                    return
                wanted = self.path.rsplit("/", 1)[-1]
                found = next((s for s in server.sent if s["id"] == wanted), None)
                if found is None:
                    self._answer(404, {"errors": [{"error": "NoResultFound"}]})
                else:
                    self._answer(
                        200,
                        {"id": wanted, "status": "delivered", "reference": found.get("reference")},
                    )

            def log_message(self, *args: Any) -> None:
                return

        self._server = ThreadingHTTPServer(("127.0.0.1", self.port), Handler)
        threading.Thread(target=self._server.serve_forever, daemon=True).start()
        return self

    def stop(self) -> None:
        self._server.shutdown()
        self._server.server_close()
