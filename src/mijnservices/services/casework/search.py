"""Finding a person by name and date of birth.

Kept simple on purpose: the candidates are the persons Klantinteracties knows by name
(``partijIdentificatie.contactnaam``) and, in DEMO_MODE, the demo personas; the date of
birth is then checked in the BRP (``integration.brp``: the configured Haal Centraal BRP,
or the demo BRP). A name alone never finds anyone, and only exactly one match counts, so
the KCC never opens the wrong person. Searching the BRP itself by name and date of birth
(Haal Centraal's ``ZoekMetGeslachtsnaamEnGeboortedatum``) is the obvious next step.
"""

from __future__ import annotations

from datetime import date

from mijnservices.core.identity import Party
from mijnservices.integration.brp.client import BrpUnavailable, brp_source, demo_brp
from mijnservices.registrations.klantinteracties.models import PartijIdentificator

MAX_CANDIDATES = 20


def _candidates(naam: str) -> list[str]:
    bsns = list(
        PartijIdentificator.objects.filter(
            code_soort_object_id="bsn",
            partij__partij_identificatie__contactnaam__achternaam__icontains=naam,
        ).values_list("object_id", flat=True)[:MAX_CANDIDATES]
    )
    demo = demo_brp()
    if demo is not None:
        bsns += demo.bsns_by_name(naam)
    return list(dict.fromkeys(bsns))[:MAX_CANDIDATES]


def party_by_name_and_birth_date(naam: str, geboortedatum: date) -> Party | None:
    """The one person with this (part of a) name and this date of birth, or None."""
    naam = " ".join(naam.split()).casefold()
    if len(naam) < 2:
        return None
    source = brp_source()
    if source is None:
        return None
    found = []
    for bsn in _candidates(naam):
        try:
            persoon = source.persoon(bsn)
        except BrpUnavailable:
            return None
        if persoon is not None and persoon.geboortedatum == geboortedatum:
            found.append(bsn)
    return Party("bsn", found[0]) if len(found) == 1 else None
