"""The ZGW source client: only the configured API roots, a signed ZGW JWT, retries with
backoff on a real HTTP server on loopback."""

from __future__ import annotations

import json
import threading
from collections.abc import Iterator
from http.server import BaseHTTPRequestHandler, ThreadingHTTPServer

import jwt
import pytest

from mijnservices.integration.zgw.client import (
    HttpZgwClient,
    SourceAnswered,
    SourceConfig,
    SourceRefused,
    SourceUnavailable,
)

# The client asks the source's circuit breaker (a database row) before it calls.
pytestmark = pytest.mark.django_db

ROOTS = {
    "zaken": "https://open-zaak.example/zaken/api/v1/",
    "catalogi": "https://open-zaak.example/catalogi/api/v1/",
}


def _client(roots: dict[str, str] = ROOTS, **kwargs: object) -> HttpZgwClient:
    config = SourceConfig(naam="openzaak", roots=roots, client_id="lezer", secret="geheim" * 6)
    return HttpZgwClient(config, sleep=lambda _: None, **kwargs)  # type: ignore[arg-type]


@pytest.mark.parametrize(
    ("url", "allowed"),
    [
        ("https://open-zaak.example/zaken/api/v1/zaken/1", True),
        ("https://open-zaak.example:443/catalogi/api/v1/zaaktypen?status=definitief", True),
        ("https://OPEN-ZAAK.example/zaken/api/v1/", True),
        ("http://open-zaak.example/zaken/api/v1/zaken/1", False),  # another scheme
        ("https://open-zaak.example:8443/zaken/api/v1/zaken/1", False),  # another port
        ("https://open-zaak.example/admin/", False),  # outside every root
        ("https://open-zaak.example/zaken/api/v10/zaken", False),
        ("https://open-zaak.example/zaken/api/v1/../../admin/", False),
        ("https://open-zaak.example/zaken/api/v1/%2e%2e/x", False),
        ("https://user:pw@open-zaak.example/zaken/api/v1/zaken", False),
        ("https://open-zaak.example.evil.test/zaken/api/v1/zaken", False),
        ("http://169.254.169.254/latest/meta-data/", False),
        ("file:///etc/passwd", False),
    ],
)
def test_only_urls_under_a_configured_root_are_allowed(url, allowed):
    assert _client().within_roots(url) is allowed


def test_a_url_outside_the_roots_is_refused_before_any_connection():
    # The tests' network guard would raise RuntimeError on a connection attempt.
    with pytest.raises(SourceRefused, match="outside the configured API roots"):
        _client().get("https://elsewhere.example/zaken/api/v1/zaken")


class _Flaky(BaseHTTPRequestHandler):
    """Answers 503 to the first call of each path, then a page whose ``next`` points at a
    foreign host on ``/escape``."""

    seen: set[str] = set()
    tokens: list[str] = []

    def do_GET(self) -> None:
        self.tokens.append(self.headers.get("Authorization", ""))
        if self.path.startswith("/zaken/api/v1/verboden"):
            self._send(403, {"detail": "no scope"})
        elif self.path not in self.seen:
            self.seen.add(self.path)
            self._send(503, {})
        elif self.path.startswith("/zaken/api/v1/escape"):
            self._send(200, {"results": [{"n": 1}], "next": "http://127.0.0.2:1/steal"})
        else:
            self._send(200, {"results": [{"n": 1}], "next": None})

    def _send(self, status: int, body: dict[str, object]) -> None:
        data = json.dumps(body).encode()
        self.send_response(status)
        self.send_header("Content-Type", "application/json")
        self.send_header("Content-Length", str(len(data)))
        self.end_headers()
        self.wfile.write(data)

    def log_message(self, *args: object) -> None:
        pass


@pytest.fixture
def flaky() -> Iterator[str]:
    _Flaky.seen, _Flaky.tokens = set(), []
    server = ThreadingHTTPServer(("127.0.0.1", 0), _Flaky)
    thread = threading.Thread(target=server.serve_forever, daemon=True)
    thread.start()
    yield f"http://127.0.0.1:{server.server_address[1]}/zaken/api/v1/"
    server.shutdown()
    server.server_close()


def test_a_503_is_retried_and_the_call_carries_a_zgw_jwt(flaky):
    client = _client({"zaken": flaky}, retries=1)
    assert list(client.get_all(flaky + "zaken")) == [{"n": 1}]
    claims = jwt.decode(_Flaky.tokens[-1].removeprefix("Bearer "), "geheim" * 6, ["HS256"])
    assert claims["client_id"] == "lezer"


def test_without_retries_left_the_source_is_unavailable(flaky):
    with pytest.raises(SourceUnavailable, match="HTTP 503"):
        _client({"zaken": flaky}, retries=0).get(flaky + "zaken")


def test_a_403_says_a_scope_is_missing(flaky):
    with pytest.raises(SourceAnswered, match="lacks a scope") as raised:
        _client({"zaken": flaky}).get(flaky + "verboden")
    assert raised.value.status == 403


def test_a_next_link_to_another_host_is_refused(flaky):
    with pytest.raises(SourceRefused):
        list(_client({"zaken": flaky}, retries=1).get_all(flaky + "escape"))
