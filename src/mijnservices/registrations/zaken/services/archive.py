"""zrc-021: the archiving parameters a zaak gets when it closes, from its resultaat.

The brondatum follows the resultaattype's ``brondatumArchiefprocedure.afleidingswijze``:
``afgehandeld`` (einddatum), ``termijn`` (einddatum + procestermijn, in calendar years,
months and days as written), ``hoofdzaak`` (the hoofdzaak's einddatum),
``gerelateerde_zaak`` (latest einddatum of the relevante andere zaken held here),
``eigenschap`` (the zaakeigenschap named by ``datumkenmerk``), ``ingangsdatum_besluit`` /
``vervaldatum_besluit`` (the latest of the zaak's besluiten) and ``zaakobject`` (the latest
``datumkenmerk`` of the zaak's zaakobjecten of ``objecttype`` that are besluiten or zaken
of this installation). ``ander_datumkenmerk`` names a date in another registration that
nothing here can read; then (or when the date is missing) no archiefactiedatum is set, as
the rule allows.
"""

from __future__ import annotations

import re
from datetime import date, timedelta
from typing import Any
from urllib.parse import urlparse
from uuid import UUID

from django.db.models import Max

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


_CALENDAR = re.compile(r"P(?:(\d+)Y)?(?:(\d+)M)?(?:(\d+)W)?(?:(\d+)D)?")


def after_text(start: date, termijn: str) -> date | None:
    """``start`` + an ISO 8601 duration as written (``P5M``: five calendar months, as the
    Selectielijst and Open Zaak mean it); None for a duration we cannot read. A time part
    is ignored (a brondatum is a date)."""
    match = _CALENDAR.fullmatch(termijn.split("T", 1)[0])
    if match is None or termijn in ("P", ""):
        return None
    years, months, weeks, days = (int(part or 0) for part in match.groups())
    month_index = start.month - 1 + months + 12 * years
    year, month = start.year + month_index // 12, month_index % 12 + 1
    day = start.day
    while True:  # the last day of a shorter month, as a calendar adds months
        try:
            moved = start.replace(year=year, month=month, day=day)
            break
        except ValueError:
            day -= 1
    return moved + timedelta(weeks=weeks, days=days)


def _besluit_date(zaak: Zaak, column: str) -> date | None:
    from mijnservices.registrations.besluiten.models import Besluit

    latest: date | None = Besluit.objects.filter(zaak=zaak).aggregate(latest=Max(column))["latest"]
    return latest


def _snake(name: str) -> str:
    return "".join(f"_{char.lower()}" if char.isupper() else char for char in name)


def _zaakobject_date(zaak: Zaak, objecttype: str, datumkenmerk: str) -> date | None:
    """The latest ``datumkenmerk`` of the zaak's zaakobjecten of ``objecttype``: from the
    ``objectIdentificatie`` they hold, or from the besluit or zaak of this installation
    their URL names. Objects of other registrations are not fetched."""
    found: list[date] = []
    field = _snake(datumkenmerk)
    rows = zaak.zaakobjecten.filter(object_type=objecttype).values_list(
        "object", "object_identificatie"
    )
    for url, identificatie in rows:
        if isinstance(identificatie, dict):
            value = _as_date(identificatie.get(field, identificatie.get(datumkenmerk)))
            if value is not None:
                found.append(value)
                continue
        if url:
            found.extend(_local_object_dates(url, field))
    return max(found) if found else None


def _as_date(value: Any) -> date | None:
    """A date as a registration writes it: ISO, or with unpadded parts (``2013-1-1``)."""
    if isinstance(value, date):
        return value
    if not isinstance(value, str):
        return None
    try:
        year, month, day = (int(part) for part in value[:10].split("-"))
        return date(year, month, day)
    except ValueError:
        return None


def _local_object_dates(url: str, field: str) -> list[date]:
    from django.urls import Resolver404, resolve

    from mijnservices.registrations.besluiten.models import Besluit

    models = {"besluiten:besluit-detail": Besluit, "zaken:zaak-detail": Zaak}
    try:
        match = resolve(urlparse(url).path)
        uuid = UUID(str(match.kwargs.get("uuid", "")))
    except (Resolver404, ValueError):
        return []
    model = models.get(match.view_name)
    if model is None or field not in {f.name for f in model._meta.concrete_fields}:
        return []
    values = model._default_manager.filter(uuid=uuid).values_list(field, flat=True)
    return [value for value in values if isinstance(value, date)]


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
        written = procedure.get("procestermijn")
        if zaak.einddatum and isinstance(written, str):
            return after_text(zaak.einddatum, written)
        termijn = _as_duration(written)
        return after(zaak.einddatum, termijn) if zaak.einddatum and termijn else None
    if wijze == "ingangsdatum_besluit":
        return _besluit_date(zaak, "ingangsdatum")
    if wijze == "vervaldatum_besluit":
        return _besluit_date(zaak, "vervaldatum")
    if wijze == "zaakobject":
        return _zaakobject_date(
            zaak, str(procedure.get("objecttype", "")), str(procedure.get("datumkenmerk", ""))
        )
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
