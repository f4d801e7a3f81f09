"""Personal data from the BRP through Haal Centraal BRP Personen 2.x ("Raadpleeg met
burgerservicenummer": a POST, so no BSN ends up in a URL or access log), or in DEMO_MODE from
the demo BRP the demo app registers (``demo/brp.py``). Off when neither is configured."""

from __future__ import annotations

from collections.abc import Callable
from dataclasses import dataclass
from datetime import date
from typing import Any, Protocol

import requests
from django.conf import settings

FIELDS = ["burgerservicenummer", "naam", "geboorte.datum", "verblijfplaats"]


class BrpUnavailable(Exception):
    """The BRP could not be asked (network, 5xx, unexpected answer)."""


@dataclass(frozen=True)
class Adres:
    straat: str
    huisnummer: str
    postcode: str
    woonplaats: str


@dataclass(frozen=True)
class Persoon:
    bsn: str
    volledige_naam: str
    geboortedatum: date | None
    adres: Adres | None


class BrpSource(Protocol):
    def persoon(self, bsn: str) -> Persoon | None: ...


def _adres(verblijfplaats: dict[str, Any]) -> Adres | None:
    verblijfadres = verblijfplaats.get("verblijfadres") or {}
    if not verblijfadres:
        return None
    nummer = "".join(
        str(verblijfadres.get(part, "") or "")
        for part in ("huisnummer", "huisletter", "huisnummertoevoeging")
    )
    return Adres(
        straat=str(
            verblijfadres.get("korteStraatnaam") or verblijfadres.get("officieleStraatnaam") or ""
        ),
        huisnummer=nummer,
        postcode=str(verblijfadres.get("postcode", "")),
        woonplaats=str(verblijfadres.get("woonplaats", "")),
    )


def parse_persoon(data: dict[str, Any]) -> Persoon:
    """One ``personen`` item of a Haal Centraal answer."""
    naam = data.get("naam") or {}
    volledig = naam.get("volledigeNaam") or " ".join(
        str(p)
        for p in (naam.get("voornamen"), naam.get("voorvoegsel"), naam.get("geslachtsnaam"))
        if p
    )
    raw_date = ((data.get("geboorte") or {}).get("datum") or {}).get("datum")
    try:
        geboortedatum = date.fromisoformat(raw_date) if raw_date else None
    except ValueError:
        geboortedatum = None  # an incomplete date (only a year) is shown as unknown
    return Persoon(
        bsn=str(data.get("burgerservicenummer", "")),
        volledige_naam=str(volledig),
        geboortedatum=geboortedatum,
        adres=_adres(data.get("verblijfplaats") or {}),
    )


class HaalCentraalBrp:
    def __init__(self, base_url: str, api_key: str, timeout: float) -> None:
        self.url = base_url.rstrip("/") + "/personen"
        self.api_key = api_key
        self.timeout = timeout

    def persoon(self, bsn: str) -> Persoon | None:
        body = {
            "type": "RaadpleegMetBurgerservicenummer",
            "burgerservicenummer": [bsn],
            "fields": FIELDS,
        }
        try:
            response = requests.post(
                self.url,
                json=body,
                headers={"X-API-Key": self.api_key, "Accept": "application/json"},
                timeout=self.timeout,
            )
        except requests.RequestException as exc:
            raise BrpUnavailable("The BRP did not answer.") from exc
        if response.status_code != 200:
            raise BrpUnavailable(f"The BRP answered {response.status_code}.")
        try:
            personen = response.json().get("personen", [])
        except ValueError as exc:
            raise BrpUnavailable("The BRP answered something that is not JSON.") from exc
        return parse_persoon(personen[0]) if personen else None


class DemoBrpSource(BrpSource, Protocol):
    """DEMO ONLY: a stand-in BRP that also finds its made-up people by name. The demo app
    registers one at start-up (``register_demo_brp``); the product never imports it."""

    def bsns_by_name(self, naam: str) -> list[str]: ...


_DEMO_BRP: list[Callable[[], DemoBrpSource]] = []


def register_demo_brp(factory: Callable[[], DemoBrpSource]) -> None:
    """Called from the demo app's ``AppConfig.ready``; used only in DEMO_MODE all the same."""
    _DEMO_BRP[:] = [factory]


def demo_brp() -> DemoBrpSource | None:
    """DEMO ONLY: the registered demo BRP in DEMO_MODE; None otherwise."""
    if not settings.DEMO_MODE or not _DEMO_BRP:
        return None
    return _DEMO_BRP[0]()


def brp_source() -> BrpSource | None:
    """The configured BRP; the demo BRP in DEMO_MODE; otherwise None (no BRP data shown)."""
    if settings.BRP_API_URL:
        return HaalCentraalBrp(
            settings.BRP_API_URL, settings.BRP_API_KEY, float(settings.BRP_TIMEOUT)
        )
    return demo_brp()
