"""What a representative did shows as theirs (issue 21): when someone acting under a machtiging
opens the person's zaken, the person reads it on "Wie heeft mijn gegevens bekeken", with the
representative's name. Their number is stored as the log's keyed pseudonym, never in clear."""

from __future__ import annotations

from collections.abc import Iterable

from mijnservices.core.identity import Citizen
from mijnservices.registrations.verwerkingen.services import Actor, pseudonym, verwerking_log


def representative_view_log(
    *, citizen: Citizen, activiteit: str, objecttype: str, objecten: Iterable[str] = ()
) -> None:
    """Log a representative's view of the represented person's data; nothing for the person
    themself (their own views are no processing by someone else)."""
    if citizen.represented is None:
        return
    name = citizen.actor.name or "Uw gemachtigde"
    verwerking_log(
        actor=Actor(
            kind="representative",
            id=pseudonym(citizen.actor.kind, citizen.actor.identifier)[:16],
            naam=name,
            organisatie_eenheid=f"{name} (namens u)",
        ),
        activiteit=activiteit,
        doel="namens u handelen met een machtiging",
        personen=[citizen.represented],
        objecttype=objecttype,
        objecten=objecten,
    )
