"""Every employee view of personal data is logged in the verwerkingenlogging."""

from __future__ import annotations

from collections.abc import Iterable

from mijnservices.core.identity import Employee, Party
from mijnservices.registrations.verwerkingen.services import Actor, verwerking_log


def actor_for(employee: Employee) -> Actor:
    return Actor(
        kind="employee",
        id=str(employee.user_id),
        naam=employee.username,
        organisatie_eenheid=employee.organisatie_eenheid,
    )


def log_view(
    employee: Employee,
    *,
    activiteit: str,
    doel: str,
    personen: Iterable[Party],
    objecttype: str,
    objecten: Iterable[str] = (),
) -> None:
    verwerking_log(
        actor=actor_for(employee),
        activiteit=activiteit,
        doel=doel,
        personen=personen,
        objecttype=objecttype,
        objecten=objecten,
    )
