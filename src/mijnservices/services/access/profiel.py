"""Who may see and change a profile in MijnProfiel.

Only the person (or the business user) themself. A representative (machtiging) acts in the
represented person's zaken, but contact details and notification choices are the person's
own: the representative sees a short explanation and no personal data, and cannot change
anything (otherwise a representative could redirect the person's messages to themself)."""

from __future__ import annotations

from mijnservices.core.identity import Citizen


def may_view_profile(citizen: Citizen) -> bool:
    return not citizen.acts_on_behalf


def may_change_profile(citizen: Citizen) -> bool:
    return not citizen.acts_on_behalf
