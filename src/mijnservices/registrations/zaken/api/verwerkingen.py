"""Every read of zaken or rollen through the Zaken API is logged as one verwerkingsactie
naming the persons and businesses concerned (Logging Verwerkingen): one SELECT and two
INSERTs per request, whatever the page size."""

from __future__ import annotations

from collections.abc import Sequence
from typing import Any

from mijnservices.core.identity import ApiClient, Party
from mijnservices.registrations.verwerkingen.services import Actor, verwerking_log
from mijnservices.registrations.zaken.models import Rol

# Resources whose responses carry (or point at) a person's identity.
PERSONAL = {"zaak": "zaak raadplegen", "rol": "rol raadplegen"}
DOEL = "Zaakgegevens gebruiken in een zaaksysteem of taakapplicatie (Zaken API)"


def _parties(rows: Sequence[tuple[str, str]]) -> list[Party]:
    found: list[Party] = []
    for bsn, kvk in rows:
        if bsn:
            found.append(Party(kind="bsn", identifier=bsn))
        if kvk:
            found.append(Party(kind="kvk", identifier=kvk))
    return found


def log_reads(principal: ApiClient, kind: str, objects: Sequence[Any]) -> None:
    activiteit = PERSONAL.get(kind)
    if activiteit is None or not objects:
        return
    if kind == "rol":
        rows = [(rol.inp_bsn, rol.kvk_nummer) for rol in objects]
    else:
        rows = list(
            Rol.objects.filter(zaak_id__in=[zaak.pk for zaak in objects]).values_list(
                "inp_bsn", "kvk_nummer"
            )
        )
    verwerking_log(
        actor=Actor(kind="api_client", id=principal.client_id, naam=principal.label),
        activiteit=activiteit,
        doel=DOEL,
        personen=_parties(rows),
        objecttype=kind,
        objecten=[str(obj.uuid) for obj in objects],
    )
