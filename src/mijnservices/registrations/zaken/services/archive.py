"""zrc-021: the archiving parameters a zaak gets when it closes, from its resultaat.

The brondatum follows the resultaattype's ``brondatumArchiefprocedure.afleidingswijze``:
``afgehandeld`` (einddatum), ``termijn`` (einddatum + procestermijn), ``hoofdzaak`` (the
hoofdzaak's einddatum), ``gerelateerde_zaak`` (latest einddatum of the relevante andere
zaken held here) and ``eigenschap`` (the zaakeigenschap named by ``datumkenmerk``).
``ander_datumkenmerk``, ``zaakobject`` and the besluit-based ones need other registrations;
then no archiefactiedatum is set, as the rule allows.
"""

from __future__ import annotations

from datetime import date, timedelta
from typing import Any

from mijnservices.api.fields import parse_iso_duration
from mijnservices.registrations.zaken.models import Resultaat, Zaak, ZaakEigenschap


def _as_duration(value: Any) -> timedelta | None:
    if isinstance(value, timedelta):
        return value
    return parse_iso_duration(value) if isinstance(value, str) else None


def after(start: date, termijn: timedelta) -> date:
    """``start`` + ``termijn``. Durations are kept in days with ``P1Y`` = 365 days (decision
    0041); a whole number of such years counts calendar years, as ``P10Y`` means (Open Zaak
    adds a ``relativedelta``), so leap days do not move the date."""
    years, rest = divmod(termijn.days, 365)
    if years > 0 and rest == 0 and not termijn.seconds:
        try:
            return start.replace(year=start.year + years)
        except ValueError:  # 29 February in a year without one
            return start.replace(year=start.year + years, day=28)
    return start + termijn


def _related_einddatum(zaak: Zaak) -> date | None:
    uuids = [
        str(item.get("url", "")).rstrip("/").rsplit("/", 1)[-1]
        for item in zaak.relevante_andere_zaken
    ]
    dates = [
        d
        for d in Zaak.objects.filter(uuid__in=[u for u in uuids if len(u) == 36]).values_list(
            "einddatum", flat=True
        )
        if d is not None
    ]
    return max(dates) if dates else None


def _eigenschap_date(zaak: Zaak, naam: str) -> date | None:
    waarde = (
        ZaakEigenschap.objects.filter(zaak=zaak, naam=naam).values_list("waarde", flat=True).first()
    )
    try:
        return date.fromisoformat(str(waarde)[:10]) if waarde else None
    except ValueError:
        return None


def brondatum(zaak: Zaak, procedure: dict[str, Any]) -> date | None:
    wijze = procedure.get("afleidingswijze", "")
    if wijze == "afgehandeld":
        return zaak.einddatum
    if wijze == "termijn":
        termijn = _as_duration(procedure.get("procestermijn"))
        return after(zaak.einddatum, termijn) if zaak.einddatum and termijn else None
    if wijze == "hoofdzaak":
        return zaak.hoofdzaak.einddatum if zaak.hoofdzaak is not None else None
    if wijze == "gerelateerde_zaak":
        return _related_einddatum(zaak)
    if wijze == "eigenschap":
        return _eigenschap_date(zaak, str(procedure.get("datumkenmerk", "")))
    return None


def archive_parameters(zaak: Zaak) -> dict[str, Any]:
    """archiefnominatie (when the zaak has none), startdatumBewaartermijn and
    archiefactiedatum derived at closing."""
    resultaat = Resultaat.objects.select_related("resultaattype").filter(zaak=zaak).first()
    if resultaat is None:
        return {}
    resultaattype = resultaat.resultaattype
    derived: dict[str, Any] = {}
    if not zaak.archiefnominatie and resultaattype.archiefnominatie:
        derived["archiefnominatie"] = resultaattype.archiefnominatie
    source = brondatum(zaak, resultaattype.brondatum_archiefprocedure or {})
    if source is not None:
        derived["startdatum_bewaartermijn"] = source
        if resultaattype.archiefactietermijn is not None:
            derived["archiefactiedatum"] = after(source, resultaattype.archiefactietermijn)
    return derived
