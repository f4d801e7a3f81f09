"""Every employee view of personal data is logged in the verwerkingenlogging."""

from __future__ import annotations

from collections.abc import Iterable
from dataclasses import replace
from datetime import date

from django.contrib.auth import get_user_model

from mijnservices.core.identity import Employee, Party
from mijnservices.registrations.verwerkingen.selectors import AuditRow, verwerkingsacties_search
from mijnservices.registrations.verwerkingen.services import Actor, verwerking_log

EMPLOYEE_PREFIX = "employee:"


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


def audit_rows(*, party: Party | None, van: date, tot: date) -> list[AuditRow]:
    """The auditor's search, with employees named (the log keeps "employee:<id>"; an auditor
    must see who it was, issue 21). One query more for the names, whatever the rows."""
    rows = verwerkingsacties_search(party=party, van=van, tot=tot)
    ids = {
        row.gebruiker.removeprefix(EMPLOYEE_PREFIX)
        for row in rows
        if row.gebruiker.startswith(EMPLOYEE_PREFIX)
    }
    users = get_user_model().objects.filter(pk__in=[i for i in ids if i.isdigit()])
    names = {
        f"{EMPLOYEE_PREFIX}{user.pk}": f"{user.get_full_name() or user.get_username()}"
        f" ({user.get_username()})"
        for user in users
    }
    return [replace(row, gebruiker=names.get(row.gebruiker, row.gebruiker)) for row in rows]
