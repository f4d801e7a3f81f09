"""Demo KPI history: a 0-meting, a go-live date three months ago, monthly phone volumes and
closed zaken of the last months for the four pilot zaaktypen, so the KPI dashboard shows a
before and after. Loaded after the demo zaken; idempotent (zaken keyed on ``DEMO-KPI-``
identificaties, the rest replaces itself). The history zaken have no betrokkenen: they
are counted, never shown to a demo persona.
"""

from __future__ import annotations

import random
from dataclasses import dataclass
from datetime import date, datetime, time, timedelta
from decimal import Decimal

from django.conf import settings
from django.db import transaction
from django.utils import timezone

from mijnservices.registrations.catalogi.models import ZaakType
from mijnservices.registrations.zaken import services as zaken
from mijnservices.registrations.zaken.models import Zaak
from mijnservices.services.kpis.aggregates import figures_rebuild
from mijnservices.services.kpis.definitions import Kanaal, Kpi, Measure
from mijnservices.services.kpis.imports import baseline_set, channel_volume_set, go_live_set
from mijnservices.services.kpis.portal_use import portal_use_set

MONTHS = 6
GO_LIVE_DAYS_AGO = 90


@dataclass(frozen=True)
class PilotFigures:
    """Per zaaktype: a year's 0-meting and the monthly history (in the order of magnitude of
    the pilots in bijlage 9; made up)."""

    zaaktype: str
    doorverwijzingen_per_jaar: int
    doorlooptijd_mediaan: int  # days, before
    zaken_per_maand: int
    doorlooptijd_dagen: int  # typical lead time of the history zaken
    telefoon_per_maand: int


PILOTS = (
    PilotFigures("WOZ-BEZWAAR", 175, 84, 6, 60, 2200),
    PilotFigures("IIT", 40, 42, 3, 30, 300),
    PilotFigures("SUBSIDIE-GELUIDSANERING", 60, 120, 4, 90, 3000),
    PilotFigures("KLACHT", 90, 35, 8, 28, 1200),
)


def _moment(day: date) -> datetime:
    return timezone.make_aware(datetime.combine(day, time(10)))


def _history_zaak(zaaktype: ZaakType, identificatie: str, start: date, days: int) -> None:
    if Zaak.objects.filter(
        bronorganisatie=settings.ORGANISATION_RSIN, identificatie=identificatie
    ).exists():
        return
    zaak = zaken.zaak_create(
        zaaktype=zaaktype, identificatie=identificatie, startdatum=start, registratiedatum=start
    )
    statustypen = list(zaaktype.statustypen.order_by("volgnummer"))
    zaken.resultaat_set(zaak=zaak, resultaattype=zaaktype.resultaattypen.all()[0])
    for index, statustype in enumerate(statustypen):
        offset = round(days * index / max(len(statustypen) - 1, 1))
        zaken.status_set(
            zaak=zaak, statustype=statustype, datum_status_gezet=_moment(start + timedelta(offset))
        )


def _month_starts(today: date) -> list[date]:
    first = today.replace(day=1)
    starts = [first]
    for _ in range(MONTHS - 1):
        starts.append((starts[-1] - timedelta(days=1)).replace(day=1))
    return sorted(starts)


def _portal_use(go_live: date, today: date) -> None:
    """Logins and zaak page views from the go-live on: a few views a day per pilot zaaktype
    (set, not added, so loading twice changes nothing)."""
    day = go_live
    while day <= today:
        logins = 0
        for pilot in PILOTS:
            rng = random.Random(f"{pilot.zaaktype}{day}")  # noqa: S311 (demo figures)
            views = max(0, round(pilot.zaken_per_maand * rng.uniform(0.2, 0.6)))
            logins += views
            portal_use_set(
                day=day, measure=Measure.PORTAAL_ZAAKWEERGAVEN, zaaktype=pilot.zaaktype, value=views
            )
        portal_use_set(day=day, measure=Measure.PORTAAL_LOGINS, value=logins * 3 // 4 + 1)
        day += timedelta(days=1)


def load_kpi_history(*, today: date) -> int:
    """Create the KPI history; returns the number of history zaken that exist."""
    go_live = today - timedelta(days=GO_LIVE_DAYS_AGO)
    baseline_start, baseline_end = go_live - timedelta(days=365), go_live - timedelta(days=1)
    months = _month_starts(today)
    with transaction.atomic():
        for pilot in PILOTS:
            zaaktype = (
                ZaakType.objects.filter(identificatie=pilot.zaaktype, concept=False)
                .order_by("-begin_geldigheid")
                .first()
            )
            if zaaktype is None:
                continue
            go_live_set(zaaktype=pilot.zaaktype, datum=go_live)
            for kpi, value in (
                (Kpi.VERZOEKEN, pilot.zaken_per_maand * 12),
                # The 0-meting: 42 % of the calls were about progress (Den Haag found 40 %).
                (Kpi.CONTACTEN_VOORTGANG, pilot.telefoon_per_maand * 12 * 42 // 100),
                (Kpi.DOORVERWIJZINGEN, pilot.doorverwijzingen_per_jaar),
                (Kpi.DOORLOOPTIJD_MEDIAAN, pilot.doorlooptijd_mediaan),
            ):
                baseline_set(
                    zaaktype=pilot.zaaktype,
                    period_start=baseline_start,
                    period_end=baseline_end,
                    kpi=kpi,
                    value=Decimal(value),
                    source="demo",
                )
            rng = random.Random(pilot.zaaktype)  # noqa: S311 (demo figures, not security)
            for month_start in months:
                after = month_start >= go_live
                # After the go-live fewer calls are about progress (the Startgids' aim).
                share = Decimal("0.15") if after else Decimal("0.40")
                month_end = min(
                    (month_start + timedelta(days=32)).replace(day=1) - timedelta(days=1), today
                )
                channel_volume_set(
                    zaaktype=pilot.zaaktype,
                    period_start=month_start,
                    period_end=month_end,
                    kanaal=Kanaal.TELEFOON,
                    contacten=pilot.telefoon_per_maand,
                    contacten_voortgang=int(pilot.telefoon_per_maand * share),
                    cost_per_contact=Decimal("11.00"),
                )
                for n in range(pilot.zaken_per_maand):
                    start = month_start + timedelta(days=rng.randrange(0, 27))
                    days = max(2, int(pilot.doorlooptijd_dagen * rng.uniform(0.6, 1.4)))
                    if start + timedelta(days=days) >= today:
                        continue  # only closed history: open demo zaken are the personas'
                    identificatie = f"DEMO-KPI-{pilot.zaaktype}-{month_start:%Y%m}-{n}"
                    _history_zaak(zaaktype, identificatie[:40], start, days)
        _portal_use(go_live, today)
    figures_rebuild(start=months[0] - timedelta(days=1), end=today)
    return Zaak.objects.filter(identificatie__startswith="DEMO-KPI-").count()
