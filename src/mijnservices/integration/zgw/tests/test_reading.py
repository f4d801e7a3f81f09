"""Reading a source for the projection, against small real HTTP stand-ins: an older Zaken API
that refuses ``expand`` is asked without it from then on; a slow source fails within the
timeout; a document larger than allowed is cut off."""

from __future__ import annotations

import json
import threading
import time
from collections.abc import Iterator
from http.server import BaseHTTPRequestHandler, ThreadingHTTPServer
from urllib.parse import parse_qs, urlsplit

import pytest

from mijnservices.integration.zgw.client import HttpZgwClient, SourceConfig, SourceUnavailable
from mijnservices.integration.zgw.models import ZgwSource
from mijnservices.integration.zgw.reading import _NO_EXPAND, zaken_list

# The client asks the source's circuit breaker (a database row) before it calls.
pytestmark = pytest.mark.django_db


class _OldZaken(BaseHTTPRequestHandler):
    """A Zaken API before 1.5: an unknown query parameter (``expand``) is a 400; ``/slow``
    answers after two seconds; ``/big`` sends 1 MB."""

    asked: list[dict[str, list[str]]] = []

    def do_GET(self) -> None:
        parts = urlsplit(self.path)
        query = parse_qs(parts.query)
        self.asked.append(query)
        if parts.path.endswith("/slow"):
            time.sleep(2)
            self._send(200, b"{}")
        elif parts.path.endswith("/big"):
            self._send(200, b"x" * 1_000_000, "application/pdf")
        elif "expand" in query:
            self._send(400, json.dumps({"code": "unknown-parameters"}).encode())
        else:
            body = {"results": [{"url": "z1"}], "next": None}
            self._send(200, json.dumps(body).encode())

    def _send(self, status: int, data: bytes, kind: str = "application/json") -> None:
        self.send_response(status)
        self.send_header("Content-Type", kind)
        self.send_header("Content-Length", str(len(data)))
        self.end_headers()
        self.wfile.write(data)

    def log_message(self, *args: object) -> None:
        pass


@pytest.fixture
def old_zaken() -> Iterator[str]:
    _OldZaken.asked = []
    server = ThreadingHTTPServer(("127.0.0.1", 0), _OldZaken)
    thread = threading.Thread(target=server.serve_forever, daemon=True)
    thread.start()
    yield f"http://127.0.0.1:{server.server_address[1]}/zaken/api/v1/"
    server.shutdown()
    server.server_close()


def _client(root: str, **kwargs: object) -> HttpZgwClient:
    config = SourceConfig(naam="oud", roots={"zaken": root}, client_id="c", secret="s" * 32)
    return HttpZgwClient(config, sleep=lambda _: None, **kwargs)  # type: ignore[arg-type]


def test_a_source_that_refuses_expand_is_asked_without_it_from_then_on(old_zaken):
    source = ZgwSource(naam="oud", zaken_api=old_zaken)
    client = _client(old_zaken)
    assert zaken_list(source, client, {"rol__x": "1"}) == [{"url": "z1"}]
    assert zaken_list(source, client, {"rol__x": "1"}) == [{"url": "z1"}]
    assert ["expand" in query for query in _OldZaken.asked] == [True, False, False]
    _NO_EXPAND.discard(old_zaken)


def test_a_slow_source_fails_within_the_timeout(old_zaken):
    began = time.monotonic()
    with pytest.raises(SourceUnavailable, match="did not answer"):
        _client(old_zaken, timeout=0.3, retries=0).get(old_zaken + "slow")
    assert time.monotonic() - began < 1.5


def test_a_document_larger_than_allowed_is_cut_off(old_zaken):
    chunks = _client(old_zaken).stream(old_zaken + "big", max_bytes=100_000)
    with pytest.raises(SourceUnavailable, match="larger than allowed"):
        b"".join(chunks)
