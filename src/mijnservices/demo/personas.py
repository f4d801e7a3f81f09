"""The demo population: people and a business that exist only in demo mode.

This list is the demo stand-in for the BRP / Handelsregister: the demo login offers
these people, and a BSN that is not here is refused with a clear message. ``MANDATES`` is
the demo stand-in for DigiD Machtigen / eHerkenning: who may act for whom, and for what.
"""

from __future__ import annotations

from dataclasses import dataclass


@dataclass(frozen=True)
class Persona:
    kind: str  # "bsn" or "kvk"
    identifier: str
    name: str
    description: str  # what this persona shows in the demo (English, for the login page)
    description_nl: str


PERSONAS: tuple[Persona, ...] = (
    Persona(
        "bsn",
        "999993653",
        "Suzanne Jansen",
        "WOZ objection and noise subsidy",
        "Bezwaar WOZ-waarde en subsidie geluidsanering",
    ),
    Persona(
        "bsn",
        "999990627",
        "Mohammed el Amrani",
        "Income supplement in progress, a quiet complaint, last year's supplement paid",
        "Inkomenstoeslag in behandeling, klacht zonder nieuws, vorige toeslag uitbetaald",
    ),
    Persona(
        "bsn",
        "999991589",
        "Els de Vries",
        "Noise subsidy just applied for; complaint resolved",
        "Subsidie geluidsanering net aangevraagd; klacht opgelost",
    ),
    Persona(
        "bsn",
        "999992570",
        "Kees de Vries",
        "Son of Els de Vries; may act for her, for the noise subsidy only",
        "Zoon van Els de Vries; mag namens haar handelen, alleen voor de subsidie geluidsanering",
    ),
    Persona(
        "bsn",
        "999995078",
        "Anna Bakker",
        "Bewindvoerder (financial administrator) of Mohammed el Amrani, for all his cases",
        "Bewindvoerder van Mohammed el Amrani, voor al zijn zaken",
    ),
    Persona(
        "kvk",
        "69599084",
        "Bakkerij De Korenaar B.V.",
        "Business: WOZ objection in progress; complaint dealt with",
        "Bedrijf: bezwaar WOZ-waarde in behandeling; klacht afgehandeld",
    ),
)


@dataclass(frozen=True)
class DemoMandate:
    """A demo machtiging: ``actor`` may act for ``represented`` (persona kind, identifier)."""

    actor: tuple[str, str]
    represented: tuple[str, str]
    mandate: str  # the kind, as a broker would name it: "familie", "bewindvoering"
    zaaktypen: tuple[str, ...] = ()  # zaaktype identificaties covered; empty: all


MANDATES: tuple[DemoMandate, ...] = (
    # Covers the noise subsidy only, so Els's complaint stays out of sight (and answers 404).
    DemoMandate(
        ("bsn", "999992570"), ("bsn", "999991589"), "familie", ("SUBSIDIE-GELUIDSANERING",)
    ),
    DemoMandate(("bsn", "999995078"), ("bsn", "999990627"), "bewindvoering"),
)


def find(kind: str, identifier: str) -> Persona | None:
    return next(
        (p for p in PERSONAS if p.kind == kind and p.identifier == identifier.strip()), None
    )
