"""Personal data from the BRP through Haal Centraal BRP Personen 2.x ("Raadpleeg met
burgerservicenummer": a POST, so no BSN ends up in a URL or access log), or from the built-in
demo BRP in DEMO_MODE. Off when neither is configured."""

from __future__ import annotations

from dataclasses import dataclass
from datetime import date
from typing import Any, Protocol

import requests
from django.conf import settings

from mijnservices.demo.personas import PERSONAS

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


# DEMO ONLY: made-up BRP data for the demo personas (the demo stand-in for the BRP).
_DEMO_DATA = {
    "999993653": (date(1981, 3, 14), Adres("Lindelaan", "12", "1234 AB", "Voorbeeldstad")),
    "999990627": (date(1975, 9, 2), Adres("Havenstraat", "5A", "1234 CD", "Voorbeeldstad")),
    "999991589": (date(1938, 6, 21), Adres("Kerkplein", "3", "1234 EF", "Voorbeeldstad")),
    "999992570": (date(1966, 1, 30), Adres("Molenweg", "44", "1235 GH", "Voorbeeldstad")),
}


class DemoBrp:
    """DEMO ONLY: the demo personas as the BRP would describe them."""

    def __init__(self) -> None:
        if not settings.DEMO_MODE:
            raise BrpUnavailable("The demo BRP only exists in DEMO_MODE.")

    def persoon(self, bsn: str) -> Persoon | None:
        persona = next((p for p in PERSONAS if p.kind == "bsn" and p.identifier == bsn), None)
        if persona is None:
            return None
        geboortedatum, adres = _DEMO_DATA.get(bsn, (None, None))
        return Persoon(
            bsn=bsn, volledige_naam=persona.name, geboortedatum=geboortedatum, adres=adres
        )


def brp_source() -> BrpSource | None:
    """The configured BRP; the demo BRP in DEMO_MODE; otherwise None (no BRP data shown)."""
    if settings.BRP_API_URL:
        return HaalCentraalBrp(
            settings.BRP_API_URL, settings.BRP_API_KEY, float(settings.BRP_TIMEOUT)
        )
    if settings.DEMO_MODE:
        return DemoBrp()
    return None
