"""The demo population: people and a business that exist only in demo mode.

This list is the demo stand-in for the BRP / Handelsregister: the demo login offers
these people, and a BSN that is not here is refused with a clear message.
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
        "kvk",
        "69599084",
        "Bakkerij De Korenaar B.V.",
        "Business: WOZ objection in progress; complaint dealt with",
        "Bedrijf: bezwaar WOZ-waarde in behandeling; klacht afgehandeld",
    ),
)


def find(kind: str, identifier: str) -> Persona | None:
    return next(
        (p for p in PERSONAS if p.kind == kind and p.identifier == identifier.strip()), None
    )
