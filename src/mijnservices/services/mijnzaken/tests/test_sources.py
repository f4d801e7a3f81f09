"""A slow source never makes the portal slow: the login stops waiting after
ZGW_SOURCE_LOGIN_WAIT_MS and the overview says that some information may be out of date
until the sync is done. The source is a real HTTP stand-in on loopback that answers late."""

from __future__ import annotations

import json
import threading
import time
from collections.abc import Iterator
from http.server import BaseHTTPRequestHandler, ThreadingHTTPServer

import pytest
from django.test import Client

from mijnservices.core.identity import Party
from mijnservices.integration.zgw.models import ZgwSource
from mijnservices.services.mijnzaken.sources import sync_running

SUZANNE = Party(kind="bsn", identifier="999993653")


class _Slow(BaseHTTPRequestHandler):
    """Answers every list after a while, with nothing in it."""

    delay = 5.0

    def do_GET(self) -> None:
        time.sleep(self.delay)
        data = json.dumps({"count": 0, "results": [], "next": None}).encode()
        self.send_response(200)
        self.send_header("Content-Type", "application/json")
        self.send_header("Content-Length", str(len(data)))
        self.end_headers()
        self.wfile.write(data)

    def log_message(self, *args: object) -> None:
        pass


@pytest.fixture
def slow_source() -> Iterator[str]:
    server = ThreadingHTTPServer(("127.0.0.1", 0), _Slow)
    thread = threading.Thread(target=server.serve_forever, daemon=True)
    thread.start()
    yield f"http://127.0.0.1:{server.server_address[1]}"
    server.shutdown()
    server.server_close()


@pytest.mark.django_db(transaction=True)
def test_a_slow_source_does_not_hold_up_the_login_and_the_overview_says_it_is_updating(
    slow_source, settings
):
    settings.DEMO_MODE = True
    settings.ZGW_SOURCE_LOGIN_WAIT_MS = 200
    ZgwSource.objects.create(
        naam="traag",
        zaken_api=f"{slow_source}/zaken/api/v1/",
        catalogi_api=f"{slow_source}/catalogi/api/v1/",
        client_id="c",
        secret="s" * 32,
    )
    browser = Client()
    browser.get("/inloggen/")  # warm up: templates and the like, not what is measured
    began = time.monotonic()
    browser.post("/inloggen/demo/", {"bsn": SUZANNE.identifier})
    overview = browser.get("/mijn-zaken/")
    assert time.monotonic() - began < 3.5  # far less than the source's 5 s per call
    assert overview.status_code == 200
    assert 'id="sources-out-of-date"' in overview.content.decode()

    deadline = time.monotonic() + 20
    while sync_running(SUZANNE) and time.monotonic() < deadline:
        time.sleep(0.1)
    assert not sync_running(SUZANNE)
    assert 'id="sources-out-of-date"' not in browser.get("/mijn-zaken/").content.decode()
