"""The Haal Centraal BRP client against a real HTTP server on loopback that answers like the
BRP API, and the choice between it and the demo BRP the demo app registers."""

from __future__ import annotations

import json
import threading
from collections.abc import Iterator
from datetime import date
from http.server import BaseHTTPRequestHandler, ThreadingHTTPServer
from typing import Any

import pytest

from mijnservices.integration.brp.client import (
    BrpUnavailable,
    HaalCentraalBrp,
    brp_source,
    demo_brp,
)

ANSWER = {
    "type": "RaadpleegMetBurgerservicenummer",
    "personen": [
        {
            "burgerservicenummer": "999993653",
            "naam": {
                "voornamen": "Suzanne",
                "geslachtsnaam": "Jansen",
                "volledigeNaam": "Suzanne Jansen",
            },
            "geboorte": {
                "datum": {"type": "Datum", "datum": "1981-03-14", "langFormaat": "14 maart 1981"}
            },
            "verblijfplaats": {
                "verblijfadres": {
                    "officieleStraatnaam": "Lindelaan",
                    "korteStraatnaam": "Lindelaan",
                    "huisnummer": 12,
                    "huisletter": "a",
                    "postcode": "1234AB",
                    "woonplaats": "Voorbeeldstad",
                }
            },
        }
    ],
}


class FakeBrp:
    def __init__(self) -> None:
        self.requests: list[tuple[str, dict[str, Any], str]] = []
        self.status = 200
        self.answer: dict[str, Any] = ANSWER
        fake = self

        class Handler(BaseHTTPRequestHandler):
            def do_POST(self) -> None:
                body = json.loads(self.rfile.read(int(self.headers["Content-Length"])))
                fake.requests.append((self.path, body, self.headers.get("X-API-Key", "")))
                payload = json.dumps(fake.answer).encode()
                self.send_response(fake.status)
                self.send_header("Content-Type", "application/json")
                self.send_header("Content-Length", str(len(payload)))
                self.end_headers()
                self.wfile.write(payload)

            def log_message(self, *args: Any) -> None:
                return

        self.server = ThreadingHTTPServer(("127.0.0.1", 0), Handler)
        self.url = f"http://127.0.0.1:{self.server.server_address[1]}/haalcentraal/api/brp"
        threading.Thread(target=self.server.serve_forever, daemon=True).start()


@pytest.fixture
def fake() -> Iterator[FakeBrp]:
    server = FakeBrp()
    yield server
    server.server.shutdown()


def test_the_client_asks_by_bsn_in_the_body_with_the_api_key(fake):
    persoon = HaalCentraalBrp(fake.url, "geheim", 5).persoon("999993653")
    [(path, body, key)] = fake.requests
    assert path == "/haalcentraal/api/brp/personen"  # the BSN is not in the URL
    assert body["type"] == "RaadpleegMetBurgerservicenummer"
    assert body["burgerservicenummer"] == ["999993653"]
    assert key == "geheim"
    assert persoon is not None
    assert persoon.volledige_naam == "Suzanne Jansen"
    assert persoon.geboortedatum == date(1981, 3, 14)
    assert persoon.adres is not None
    assert (persoon.adres.straat, persoon.adres.huisnummer) == ("Lindelaan", "12a")


def test_an_unknown_person_is_none(fake):
    fake.answer = {"type": "RaadpleegMetBurgerservicenummer", "personen": []}
    assert HaalCentraalBrp(fake.url, "k", 5).persoon("111222333") is None


def test_a_failing_brp_raises_a_clear_error(fake):
    fake.status = 503
    with pytest.raises(BrpUnavailable, match="503"):
        HaalCentraalBrp(fake.url, "k", 5).persoon("999993653")
    with pytest.raises(BrpUnavailable):
        HaalCentraalBrp("http://127.0.0.1:9/none", "k", 1).persoon("999993653")


def test_the_registered_demo_brp_is_used_only_in_demo_mode(settings):
    settings.BRP_API_URL = ""
    settings.DEMO_MODE = False
    assert brp_source() is None
    assert demo_brp() is None
    settings.DEMO_MODE = True  # the demo app registered its demo BRP at start-up
    source = brp_source()
    assert source is not None
    persoon = source.persoon("999993653")
    assert persoon is not None and persoon.volledige_naam == "Suzanne Jansen"


def test_a_configured_brp_wins_over_the_demo(settings, fake):
    settings.DEMO_MODE = True
    settings.BRP_API_URL = fake.url
    assert isinstance(brp_source(), HaalCentraalBrp)
