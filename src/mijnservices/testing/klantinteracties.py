"""Test helpers for the Klantinteracties registration: parties and their partijen,
digitale adressen, klantcontacten and vertegenwoordigingen, made through the services."""

from __future__ import annotations

from typing import Any

from mijnservices.core.identity import Party
from mijnservices.registrations.klantinteracties import services
from mijnservices.registrations.klantinteracties.models import (
    DigitaalAdres,
    Klantcontact,
    Partij,
)

PERSON = Party(kind="bsn", identifier="999993653", name="Suzanne Moulin")
OTHER_PERSON = Party(kind="bsn", identifier="999990421", name="Jan Jansen")
BUSINESS = Party(kind="kvk", identifier="68750110", name="Test BV")
BRANCH = Party(kind="kvk", identifier="68750110", vestiging="000037178598", name="Test BV")


def partij(party: Party = PERSON) -> Partij:
    return services.partij_ensure(party=party)


def digitaal_adres(party: Party = PERSON, **fields: Any) -> DigitaalAdres:
    values: dict[str, Any] = {"adres": "iemand@example.nl", "soort": "email"}
    values.update(fields)
    return services.digitaal_adres_create(party=party, **values)


def klantcontact(party: Party = PERSON, **fields: Any) -> Klantcontact:
    values: dict[str, Any] = {
        "kanaal": "telefoon",
        "onderwerp": "Vraag over mijn aanvraag",
        "inhoud": "Wanneer krijg ik bericht?",
    }
    values.update(fields)
    return services.klantcontact_register(party=party, **values)


def kic_client(*, client_id: str = "kic-client", scopes: list[str] | None = None) -> Any:
    """A Django test client for an applicatie with ``scopes`` on component kic (all when None)."""
    from mijnservices.testing.api import api_client

    if scopes is None:
        return api_client(client_id=client_id, heeft_alle_autorisaties=True)
    return api_client(client_id=client_id, autorisaties=[{"component": "kic", "scopes": scopes}])
