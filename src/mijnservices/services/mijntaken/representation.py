"""How a taak of the Taken registration reads in the MijnTaken API 0.1.0 (the portal-facing
contract): multilingual titel, a status out of open/afgerond/geannuleerd, an end-of-day
deadline in Europe/Amsterdam, the context URN, and how to carry the taak out."""

from __future__ import annotations

from datetime import datetime, time
from typing import Any
from zoneinfo import ZoneInfo

from django.conf import settings

from mijnservices.registrations.taken.models import ExterneTaak, TaakSoort, TaakStatus

AMSTERDAM = ZoneInfo("Europe/Amsterdam")
STATUS = {
    TaakStatus.OPEN: "open",
    TaakStatus.UITGEVOERD: "afgerond",
    TaakStatus.VERWERKT: "afgerond",
    TaakStatus.NIET_UITGEVOERD: "geannuleerd",
    TaakStatus.AFGEBROKEN: "geannuleerd",
}
UITVOERING_TYPE = {
    TaakSoort.BETAALTAAK: "betaling",
    TaakSoort.FORMULIERTAAK: "formulier",
    TaakSoort.URLTAAK: "extern",
}


def portal_taak_url(taak: ExterneTaak) -> str:
    """Where our portal shows the taak (the contract's universal fallback): its place on
    MijnTaken, where paying, uploading or the form link is."""
    from django.urls import reverse

    return f"{str(settings.SITE_URL).rstrip('/')}{reverse('portal:taken')}#taak-{taak.uuid}"


def fallback_url(taak: ExterneTaak) -> str:
    if taak.taak_soort == TaakSoort.URLTAAK and taak.details.get("uitvraagLink"):
        return str(taak.details["uitvraagLink"])
    return portal_taak_url(taak)


def deadline(taak: ExterneTaak) -> str:
    """A calendar-day deadline: the end of that day in Dutch local time (inclusive)."""
    end = datetime.combine(taak.einddatum_handelings_termijn, time(23, 59, 59), AMSTERDAM)
    return end.isoformat()


def taak_info(taak: ExterneTaak) -> dict[str, Any]:
    data: dict[str, Any] = {
        "uuid": str(taak.uuid),
        "titel": {"nl": taak.titel},
        "status": STATUS[TaakStatus(taak.status)],
        "deadline": deadline(taak),
        "uitvoering": {
            "type": UITVOERING_TYPE[TaakSoort(taak.taak_soort)],
            "fallbackUrl": fallback_url(taak),
        },
    }
    if taak.toelichting:
        data["toelichting"] = {"nl": taak.toelichting}
    if taak.is_gerelateerd_aan:
        data["context"] = {"urn": taak.is_gerelateerd_aan[0]}
    return data


def taak_detail(taak: ExterneTaak) -> dict[str, Any]:
    data = taak_info(taak)
    if taak.taak_soort == TaakSoort.FORMULIERTAAK:
        data["uitvoering"]["submitUrl"] = portal_taak_url(taak)
        data["uitvoering"]["schema"] = taak.details.get("formulierDefinitie", {})
    return data
