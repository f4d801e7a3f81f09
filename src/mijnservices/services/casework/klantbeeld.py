"""What the resident sees of their own contacts with the municipality, for the klantbeeld:
tasks, messages (with read state), notifications sent and their delivery result, signals
that contact details need checking, and contact preferences.

Each comes from the selector of the registration or service that owns it, for the party;
the number of queries does not depend on the number of rows (each list is capped).
"""

from __future__ import annotations

from dataclasses import dataclass
from typing import Any

from mijnservices.core.identity import Party
from mijnservices.registrations.berichten.selectors import berichten_for
from mijnservices.registrations.taken.selectors import taken_for
from mijnservices.services.notifications.selectors import notifications_for, signals_for
from mijnservices.services.profiel.selectors import voorkeuren_for

LIMIT = 20


@dataclass(frozen=True)
class PartyOverview:
    taken: list[Any]
    berichten: list[Any]
    notifications: list[Any]
    signals: list[Any]
    voorkeuren: Any


def party_overview(party: Party) -> PartyOverview:
    return PartyOverview(
        taken=list(taken_for(party)[:LIMIT]),
        berichten=list(berichten_for(party)[:LIMIT]),
        notifications=list(notifications_for(party)[:LIMIT]),
        signals=signals_for(party),
        voorkeuren=voorkeuren_for(party),
    )
