"""Daily aggregates: what happened per day and zaaktype, computed from the registrations.

A day's rows are a pure function of the registrations, so refreshing a day (delete and
insert its rows) is always correct, also for zaken that were reopened: a reopened zaak has
no einddatum any more and drops out of the day it was closed on when that day is refreshed.
The worker refreshes the last ``KPI_REFRESH_DAYS`` days and every day touched by a zaak
that changed since the previous refresh; ``mijnservices kpi-rebuild`` recomputes any range.
Only counts are stored, never who (decision 0031). Portal use (logins, zaak page views) is
the exception to "a pure function of the registrations": it is counted as it happens
(``services.kpis.portal_use``) and a refresh keeps it.
"""

from __future__ import annotations

import time as monotonic
from collections import Counter, defaultdict
from datetime import date, datetime, time, timedelta
from uuid import UUID

import structlog
from django.conf import settings
from django.db import transaction
from django.db.models import Count, Q
from django.utils import timezone

from mijnservices.registrations.catalogi.models import StatusType, ZaakType
from mijnservices.registrations.klantinteracties.models import Internetaak, Klantcontact
from mijnservices.registrations.zaken.models import Status, Zaak
from mijnservices.services.casework.referrals import TEAM_OBJECTTYPE
from mijnservices.services.kpis.definitions import PORTAL_USE, Measure
from mijnservices.services.kpis.models import DailyFigure, RefreshState
from mijnservices.services.notifications.models import Kanaal as NotificationKanaal
from mijnservices.services.notifications.models import Notification
from mijnservices.services.notifications.models import Status as NotificationStatus

logger = structlog.get_logger(__name__)

# How the product records a contact about progress: the KCC's contactmoment form
# (services.casework.contactmoment_register) and the portal's question on a zaak
# (services.mijnoverzicht.contactmomenten.question_ask).
KCC_STATUS_ONDERWERP = "vraag over status"
PORTAL_KANAAL = "portaal"
PORTAL_QUESTION_PREFIX = "Vraag over zaak"

Key = tuple[str, Measure]


def _bounds(day: date) -> tuple[datetime, datetime]:
    start = timezone.make_aware(datetime.combine(day, time.min))
    return start, timezone.make_aware(datetime.combine(day + timedelta(days=1), time.min))


def _norm_days(zaaktype: ZaakType) -> int | None:
    norm = zaaktype.servicenorm or zaaktype.doorlooptijd
    return norm.days if norm else None


class _Day:
    """The figures of one day, collected before they are written."""

    def __init__(self, day: date) -> None:
        self.day = day
        self.values: Counter[Key] = Counter()
        self.histograms: dict[Key, Counter[int]] = defaultdict(Counter)
        self.zaaktypen = {z.pk: z for z in ZaakType.objects.all()}

    def identificatie(self, zaaktype_id: int | None) -> str:
        zaaktype = self.zaaktypen.get(zaaktype_id) if zaaktype_id else None
        return zaaktype.identificatie if zaaktype else ""

    def add(self, zaaktype: str, measure: Measure, n: int = 1) -> None:
        self.values[(zaaktype, measure)] += n

    def rows(self) -> list[DailyFigure]:
        keys = set(self.values) | set(self.histograms)
        return [
            DailyFigure(
                day=self.day,
                zaaktype=zaaktype,
                measure=measure.value,
                value=self.values[(zaaktype, measure)],
                histogram={
                    str(k): v for k, v in sorted(self.histograms[(zaaktype, measure)].items())
                }
                if (zaaktype, measure) in self.histograms
                else {},
            )
            for zaaktype, measure in sorted(keys)
        ]


def _zaken(figures: _Day) -> None:
    day = figures.day
    for row in Zaak.objects.filter(startdatum=day).values("zaaktype_id").annotate(n=Count("id")):
        figures.add(figures.identificatie(row["zaaktype_id"]), Measure.VERZOEKEN, row["n"])
    for zaaktype_id, startdatum in Zaak.objects.filter(einddatum=day).values_list(
        "zaaktype_id", "startdatum"
    ):
        identificatie = figures.identificatie(zaaktype_id)
        days = (day - startdatum).days
        figures.add(identificatie, Measure.AFGEHANDELD)
        figures.histograms[(identificatie, Measure.AFGEHANDELD)][days] += 1
        norm = _norm_days(figures.zaaktypen[zaaktype_id])
        if norm is not None and days <= norm:
            figures.add(identificatie, Measure.AFGEHANDELD_BINNEN_NORM)
    open_at_end = (
        Zaak.objects.filter(startdatum__lte=day)
        .filter(Q(einddatum__isnull=True) | Q(einddatum__gt=day))
        .values("zaaktype_id", "startdatum")
        .annotate(n=Count("id"))
    )
    for row in open_at_end:
        identificatie = figures.identificatie(row["zaaktype_id"])
        figures.add(identificatie, Measure.OPEN, row["n"])
        age = (day - row["startdatum"]).days
        figures.histograms[(identificatie, Measure.OPEN)][age] += row["n"]


def _statussen(figures: _Day) -> None:
    """Each status set that day; within the norm when the step it left took no longer than
    that step's statustype doorlooptijd (how long a zaak is expected to stay in it)."""
    start, end = _bounds(figures.day)
    changed = Status.objects.filter(datum_status_gezet__gte=start, datum_status_gezet__lt=end)
    history = (
        Status.objects.filter(zaak_id__in=changed.values("zaak_id"), datum_status_gezet__lt=end)
        .order_by("zaak_id", "datum_status_gezet", "pk")
        .values_list("zaak_id", "zaak__zaaktype_id", "statustype_id", "datum_status_gezet")
    )
    norms = {
        pk: duration
        for pk, duration in StatusType.objects.filter(doorlooptijd__isnull=False).values_list(
            "pk", "doorlooptijd"
        )
    }
    previous: dict[int, tuple[int, datetime]] = {}
    for zaak_id, zaaktype_id, statustype_id, moment in history:
        before = previous.get(zaak_id)
        previous[zaak_id] = (statustype_id, moment)
        if moment < start:
            continue
        identificatie = figures.identificatie(zaaktype_id)
        figures.add(identificatie, Measure.STATUSWIJZIGINGEN)
        norm = norms.get(before[0]) if before else None
        if before is None or norm is None:
            continue
        figures.add(identificatie, Measure.STATUSWIJZIGINGEN_MET_NORM)
        if moment - before[1] <= norm:
            figures.add(identificatie, Measure.STATUSWIJZIGINGEN_BINNEN_NORM)


def _zaaktype_by_uuid(figures: _Day, uuids: set[str]) -> dict[str, str]:
    valid = set()
    for value in uuids:
        try:
            valid.add(str(UUID(value)))
        except ValueError:
            continue
    return {
        str(uuid): figures.identificatie(zaaktype_id)
        for uuid, zaaktype_id in Zaak.objects.filter(uuid__in=valid).values_list(
            "uuid", "zaaktype_id"
        )
    }


def _contacts(figures: _Day) -> None:
    start, end = _bounds(figures.day)
    about_progress = Q(onderwerp=KCC_STATUS_ONDERWERP) | Q(
        kanaal=PORTAL_KANAAL, onderwerp__startswith=PORTAL_QUESTION_PREFIX
    )
    contacts = (
        Klantcontact.objects.filter(plaatsgevonden_op__gte=start, plaatsgevonden_op__lt=end)
        .filter(about_progress)
        .prefetch_related("onderwerpobjecten")
    )
    found: list[tuple[Measure, str]] = []
    for contact in contacts:
        url = next(
            (
                o.object_id
                for o in contact.onderwerpobjecten.all()
                if o.code_objecttype == "zgw-Zaak"
            ),
            "",
        )
        measure = (
            Measure.CONTACTEN_KCC
            if contact.onderwerp == KCC_STATUS_ONDERWERP
            else Measure.CONTACTEN_PORTAAL
        )
        found.append((measure, url.rstrip("/").rsplit("/", 1)[-1] if url else ""))
    zaaktypen = _zaaktype_by_uuid(figures, {uuid for _, uuid in found if uuid})
    for measure, uuid in found:
        figures.add(zaaktypen.get(uuid, ""), measure)


def _referrals(figures: _Day) -> None:
    start, end = _bounds(figures.day)
    teams = Internetaak.objects.filter(
        toegewezen_op__gte=start,
        toegewezen_op__lt=end,
        toegewezen_aan_actoren__actoridentificator__code_objecttype=TEAM_OBJECTTYPE,
    ).values_list("pk", "toegewezen_aan_actoren__actoridentificator")
    seen: set[int] = set()
    for pk, identificator in teams:
        if pk in seen:  # a taak for two teams is one referral, counted for the first
            continue
        seen.add(pk)
        figures.add(str((identificator or {}).get("object_id", ""))[:50], Measure.DOORVERWIJZINGEN)


_NOTIFICATION_MEASURES = {
    NotificationKanaal.EMAIL: (Measure.NOTIFICATIES_EMAIL, Measure.NOTIFICATIES_EMAIL_AFGELEVERD),
    NotificationKanaal.SMS: (Measure.NOTIFICATIES_SMS, Measure.NOTIFICATIES_SMS_AFGELEVERD),
}


def _notifications(figures: _Day) -> None:
    start, end = _bounds(figures.day)
    rows = list(
        Notification.objects.filter(created_at__gte=start, created_at__lt=end)
        .values("kanaal", "status", "zaak_uuid")
        .annotate(n=Count("id"))
    )
    zaaktypen = _zaaktype_by_uuid(figures, {r["zaak_uuid"] for r in rows if r["zaak_uuid"]})
    for row in rows:
        measures = _NOTIFICATION_MEASURES.get(row["kanaal"])
        if measures is None:
            continue
        identificatie = zaaktypen.get(row["zaak_uuid"], "")
        figures.add(identificatie, measures[0], row["n"])
        if row["status"] == NotificationStatus.DELIVERED:
            figures.add(identificatie, measures[1], row["n"])


def figures_day_refresh(*, day: date) -> int:
    """Recompute every aggregate of ``day``; returns the number of rows written."""
    figures = _Day(day)
    _zaken(figures)
    _statussen(figures)
    _contacts(figures)
    _referrals(figures)
    _notifications(figures)
    rows = figures.rows()
    with transaction.atomic():
        # Portal use is counted as it happens and cannot be recomputed: kept.
        DailyFigure.objects.filter(day=day).exclude(measure__in=PORTAL_USE).delete()
        DailyFigure.objects.bulk_create(rows)
    return len(rows)


def figures_rebuild(*, start: date, end: date) -> int:
    """Recompute every day from ``start`` to ``end`` (inclusive); returns the days done."""
    if end < start:
        raise ValueError("end before start")
    day = start
    while day <= end:
        figures_day_refresh(day=day)
        day += timedelta(days=1)
    days = (end - start).days + 1
    logger.info("kpi_figures_rebuilt", start=start.isoformat(), end=end.isoformat(), days=days)
    return days


def _dirty_days(since: datetime | None, today: date) -> set[date]:
    recent = {today - timedelta(days=n) for n in range(settings.KPI_REFRESH_DAYS)}
    if since is None:
        return recent
    changed = Zaak.objects.filter(laatste_activiteit__gte=since)
    days = set(recent)
    for startdatum, einddatum in changed.values_list("startdatum", "einddatum"):
        days.add(startdatum)
        if einddatum:
            days.add(einddatum)
    # The day a reopened zaak was closed on: the dates of its statuses.
    for moment in Status.objects.filter(zaak__in=changed).values_list(
        "datum_status_gezet", flat=True
    ):
        days.add(timezone.localdate(moment))
    return {d for d in days if d <= today}


def figures_refresh(*, now: datetime | None = None) -> int:
    """Refresh the recent days and those touched by zaken changed since the last refresh."""
    now = now or timezone.now()
    state = RefreshState.objects.order_by("pk").first()
    days = _dirty_days(state.refreshed_at if state else None, timezone.localdate(now))
    for day in sorted(days):
        figures_day_refresh(day=day)
    if state is None:
        RefreshState.objects.create(refreshed_at=now)
    else:
        RefreshState.objects.filter(pk=state.pk).update(refreshed_at=now)
    return len(days)


_last_run = [float("-inf")]


def figures_refresh_when_due() -> int:
    """The worker step: refresh every ``KPI_REFRESH_INTERVAL`` seconds.

    Returns 0 even after a refresh, so the worker may idle: the refresh is periodic
    upkeep, not a backlog to drain.
    """
    if monotonic.monotonic() - _last_run[0] < settings.KPI_REFRESH_INTERVAL:
        return 0
    _last_run[0] = monotonic.monotonic()
    days = figures_refresh()
    logger.info("kpi_figures_refreshed", days=days)
    return 0
