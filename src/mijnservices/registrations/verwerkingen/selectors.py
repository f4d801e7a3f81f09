"""Reading the verwerkingenlogging for the person it is about ("Wie heeft mijn gegevens
bekeken"): when, which organisation unit or system, what for, which data; never the
employee's own identity."""

from __future__ import annotations

from dataclasses import dataclass
from datetime import datetime

from mijnservices.core.identity import Party
from mijnservices.registrations.verwerkingen.models import Verwerkingsactie
from mijnservices.registrations.verwerkingen.services import SOORT, pseudonym


@dataclass(frozen=True)
class VerwerkingRow:
    tijdstip: datetime
    door: str  # organisation unit, else the system
    door_medewerker: bool
    activiteit: str
    doel: str
    gegevens: list[str]


def verwerkingen_for(party: Party, *, limit: int = 200) -> list[VerwerkingRow]:
    """The latest verwerkingen about ``party`` (two queries), newest first."""
    acties = (
        Verwerkingsactie.objects.filter(
            verwerkte_objecten__soort_object_id=SOORT[party.kind],
            verwerkte_objecten__object_pseudonym=pseudonym(party.kind, party.identifier),
        )
        .exclude(vertrouwelijkheid="vertrouwelijk")
        .order_by("-tijdstip", "-pk")
        .distinct()[:limit]
    )
    return [
        VerwerkingRow(
            tijdstip=actie.tijdstip,
            door=actie.organisatie_eenheid or actie.systeem,
            door_medewerker=actie.gebruiker.startswith("employee:"),
            activiteit=actie.actie_naam,
            doel=actie.doel,
            gegevens=[actie.handeling_naam] if actie.handeling_naam else [],
        )
        for actie in acties
    ]
