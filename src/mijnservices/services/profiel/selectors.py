"""Reads of a person's contact preferences."""

from __future__ import annotations

from mijnservices.services.access.principals import Party
from mijnservices.services.profiel.models import Voorkeuren


def voorkeuren_for(party: Party) -> Voorkeuren:
    """The stored preferences, or unsaved defaults (e-mail, everything on) when none exist."""
    found = Voorkeuren.objects.filter(
        party_kind=party.kind,
        party_identifier=party.identifier,
        party_vestiging=party.vestiging or "",
    ).first()
    if found is not None:
        return found
    return Voorkeuren(
        party_kind=party.kind,
        party_identifier=party.identifier,
        party_vestiging=party.vestiging or "",
    )
