"""Test data for taken and berichten, created through the service layer so the rules hold.

``betaaltaak(party=P)`` gives an open betaaltaak of EUR 25.00 for that party;
``bericht(party=P, unpublished=True)`` a bericht that becomes visible tomorrow.
"""

from __future__ import annotations

from datetime import timedelta
from typing import Any

from django.utils import timezone

from mijnservices.core.identity import Party
from mijnservices.registrations.berichten.models import Bericht
from mijnservices.registrations.berichten.services import bericht_publish
from mijnservices.registrations.taken.models import ExterneTaak, TaakSoort
from mijnservices.registrations.taken.services import taak_create

CITIZEN = Party(kind="bsn", identifier="999993653")
OTHER_CITIZEN = Party(kind="bsn", identifier="111222333")
BUSINESS = Party(kind="kvk", identifier="69599084")

ZAAK_URN = "urn:nld:gemeente:zaken:zaak:ZAAK-2026-0000000001"
DOCUMENT_URN = "urn:nld:gemeente:informatieobject:uuid:717815f6-1939-4fd2-93f0-83d25bad154e"

BETAAL_DETAILS: dict[str, Any] = {
    "bedrag": "25.00",
    "valuta": "EUR",
    "transactieomschrijving": "Leges paspoort",
    "doelrekening": {"naam": "Gemeente Voorbeeld", "code": "LEGES", "iban": "NL91ABNA0417164300"},
}
URL_DETAILS: dict[str, Any] = {"uitvraagLink": "https://formulieren.example/aanvullen"}
FORMULIER_DETAILS: dict[str, Any] = {
    "formulierDefinitie": {"components": [{"label": "Naam", "key": "naam", "type": "text"}]}
}


def _taak(soort: str, details: dict[str, Any], party: Party, **fields: Any) -> ExterneTaak:
    values: dict[str, Any] = {
        "taak_soort": soort,
        "titel": f"Test {soort}",
        "is_toegewezen_aan": party,
        "einddatum_handelings_termijn": timezone.localdate() + timedelta(days=14),
        "details": details,
        "is_gerelateerd_aan": ZAAK_URN,
        "toelichting": "Graag voor de einddatum",
    }
    return taak_create(**{**values, **fields})


def betaaltaak(*, party: Party = CITIZEN, **fields: Any) -> ExterneTaak:
    fields.setdefault("handelings_perspectief", "betalen")
    return _taak(TaakSoort.BETAALTAAK, fields.pop("details", dict(BETAAL_DETAILS)), party, **fields)


def urltaak(*, party: Party = CITIZEN, **fields: Any) -> ExterneTaak:
    return _taak(TaakSoort.URLTAAK, fields.pop("details", dict(URL_DETAILS)), party, **fields)


def formuliertaak(*, party: Party = CITIZEN, **fields: Any) -> ExterneTaak:
    return _taak(
        TaakSoort.FORMULIERTAAK, fields.pop("details", dict(FORMULIER_DETAILS)), party, **fields
    )


def bericht(*, party: Party = CITIZEN, unpublished: bool = False, **fields: Any) -> Bericht:
    values: dict[str, Any] = {
        "ontvanger": party,
        "onderwerp": "Uw aanvraag",
        "bericht_tekst": "We hebben uw aanvraag ontvangen.",
        "is_gerelateerd_aan": [ZAAK_URN],
        "bijlagen": [
            {
                "informatie_object": DOCUMENT_URN,
                "omschrijving": "Brief.pdf",
            }
        ],
    }
    if unpublished:
        values["publicatiedatum"] = timezone.now() + timedelta(days=1)
    return bericht_publish(**{**values, **fields})


def vtb_client(*, client_id: str = "vtb-client", scopes: list[str] | None = None, **kw: Any) -> Any:
    """A Django test client for an applicatie with ``scopes`` on component vtb (all when None)."""
    from mijnservices.testing.api import api_client

    if scopes is None:
        return api_client(client_id=client_id, heeft_alle_autorisaties=True, **kw)
    return api_client(
        client_id=client_id,
        autorisaties=[{"component": kw.pop("component", "vtb"), "scopes": scopes}],
        **kw,
    )
