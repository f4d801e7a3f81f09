"""Log every read of personal data through an API as one verwerkingsactie per request
(Logging Verwerkingen), whatever the page size.

The scoped API base (``api/scoped.py``, decision 0034) calls :func:`personal_reads_log` once
per read, after the page is read; each view names the activity, purpose and object type and
says which parties its objects concern (``persons_of``)."""

from __future__ import annotations

from collections.abc import Sequence
from typing import Any

from mijnservices.core.identity import ApiClient, Party
from mijnservices.registrations.verwerkingen.services import Actor, verwerking_log


def parties_in_columns(objects: Sequence[Any]) -> list[Party]:
    """Parties of rows that carry ``party_kind``/``party_identifier`` (taken, berichten)."""
    found: dict[tuple[str, str], Party] = {}
    for obj in objects:
        kind, identifier = getattr(obj, "party_kind", ""), getattr(obj, "party_identifier", "")
        if kind == "bsn" and identifier:
            found[(kind, identifier)] = Party(kind="bsn", identifier=identifier)
        elif kind == "kvk" and identifier:
            found[(kind, identifier)] = Party(kind="kvk", identifier=identifier)
    return list(found.values())


def personal_reads_log(
    principal: object,
    objects: Sequence[Any],
    *,
    persons: Sequence[Party],
    activiteit: str,
    doel: str,
    objecttype: str,
) -> None:
    """One verwerkingsactie for an API client's read of ``objects`` concerning ``persons``."""
    if not objects or not persons or not isinstance(principal, ApiClient):
        return
    verwerking_log(
        actor=Actor(kind="api_client", id=principal.client_id, naam=principal.label),
        activiteit=activiteit,
        doel=doel,
        personen=persons,
        objecttype=objecttype,
        objecten=[str(obj.uuid) for obj in objects],
    )
