"""DEMO ONLY: the demo BRP — the demo personas as the BRP would describe them, made-up
dates of birth and addresses included. Registered with ``integration.brp`` at start-up
(``demo/apps.py``); refused outside DEMO_MODE."""

from __future__ import annotations

from datetime import date

from django.conf import settings

from mijnservices.demo.personas import PERSONAS
from mijnservices.integration.brp.client import Adres, BrpUnavailable, Persoon

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

    def bsns_by_name(self, naam: str) -> list[str]:
        """The demo people whose name contains ``naam`` (case-insensitive)."""
        naam = naam.casefold()
        return [p.identifier for p in PERSONAS if p.kind == "bsn" and naam in p.name.casefold()]
