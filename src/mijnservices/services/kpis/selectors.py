"""The KPIs per zaaktype and period, read from the daily aggregates (never from the zaken).

Three queries whatever the range: the daily rows, the imported channel volumes and the
zaaktypen's norms. Counts add up over days; durations are percentiles of the merged
histograms; the open-zaken figures are the snapshot of the last day of the period.
"""

from __future__ import annotations

from collections import Counter, defaultdict
from collections.abc import Mapping
from dataclasses import dataclass, field
from datetime import date
from decimal import Decimal
from typing import Any

from django.db.models import Case, CharField, F, Q, Sum, When
from django.db.models import Value as SqlValue
from django.utils import timezone

from mijnservices.registrations.catalogi.models import ZaakType
from mijnservices.services.kpis.definitions import Kpi, Measure
from mijnservices.services.kpis.models import ChannelVolume, DailyFigure
from mijnservices.services.kpis.periods import Granularity, Period, period_of, periods_between
from mijnservices.services.kpis.stats import histogram_merge, percentile, share

ALL = "*"  # the series over all zaaktypen together
Value = Decimal | int | None


@dataclass
class PeriodFigures:
    period: Period
    zaaktype: str  # a zaaktype identificatie, or ALL
    values: dict[Kpi, Value] = field(default_factory=dict)


@dataclass
class _Collect:
    counts: Counter[str] = field(default_factory=Counter)
    closed: list[Mapping[str, int]] = field(default_factory=list)
    open_by_day: dict[date, list[tuple[int, Mapping[str, int]]]] = field(
        default_factory=lambda: defaultdict(list)
    )
    channel_progress: int = 0


def _period_expression(periods: list[Period], granularity: Granularity) -> Any:
    """The period of a row as SQL: the day itself, or a CASE over the (few) periods. Plain
    comparisons, so the database groups natively (no date function per row)."""
    if granularity == Granularity.DAY:
        return F("day")
    return Case(
        *(When(day__gte=p.start, day__lte=p.end, then=SqlValue(p.key)) for p in periods),
        output_field=CharField(),
    )


def _key_of(period: date | str, granularity: Granularity) -> str:
    return period if isinstance(period, str) else period_of(period, granularity).key


def zaaktype_norms() -> dict[str, int]:
    """The lead-time norm in days per zaaktype identificatie (servicenorm, else the legal
    doorlooptijd), from the newest version of each zaaktype."""
    norms: dict[str, int] = {}
    for identificatie, servicenorm, doorlooptijd in ZaakType.objects.order_by(
        "begin_geldigheid", "pk"
    ).values_list("identificatie", "servicenorm", "doorlooptijd"):
        norm = servicenorm or doorlooptijd
        if norm is not None:
            norms[identificatie] = norm.days
    return norms


def _values(bucket: _Collect, period: Period, norm: int | None) -> dict[Kpi, Value]:
    c = bucket.counts
    closed = histogram_merge(bucket.closed)
    snapshot_day = min(period.end, timezone.localdate())
    snapshot = bucket.open_by_day.get(snapshot_day, [])
    open_hist = histogram_merge(h for _, h in snapshot)
    kcc, portaal = c[Measure.CONTACTEN_KCC], c[Measure.CONTACTEN_PORTAAL]
    email, sms = c[Measure.NOTIFICATIES_EMAIL], c[Measure.NOTIFICATIES_SMS]
    return {
        Kpi.VERZOEKEN: c[Measure.VERZOEKEN],
        Kpi.CONTACTEN_VOORTGANG: kcc + portaal + bucket.channel_progress,
        Kpi.CONTACTEN_VOORTGANG_KCC: kcc,
        Kpi.CONTACTEN_VOORTGANG_PORTAAL: portaal,
        Kpi.CONTACTEN_VOORTGANG_KANALEN: bucket.channel_progress,
        Kpi.AFGEHANDELD: c[Measure.AFGEHANDELD],
        Kpi.DOORLOOPTIJD_MEDIAAN: percentile(closed, 0.5),
        Kpi.DOORLOOPTIJD_P90: percentile(closed, 0.9),
        Kpi.OPEN: sum(n for n, _ in snapshot),
        Kpi.DOORLOOPTIJD_OPEN_MEDIAAN: percentile(open_hist, 0.5),
        Kpi.DOORLOOPTIJD_OPEN_P90: percentile(open_hist, 0.9),
        Kpi.NORM_DOORLOOPTIJD: norm,
        Kpi.BINNEN_NORM_AANDEEL: share(c[Measure.AFGEHANDELD_BINNEN_NORM], c[Measure.AFGEHANDELD]),
        Kpi.STATUSWIJZIGINGEN: c[Measure.STATUSWIJZIGINGEN],
        Kpi.STATUSWIJZIGINGEN_BINNEN_NORM: c[Measure.STATUSWIJZIGINGEN_BINNEN_NORM],
        Kpi.STATUSWIJZIGINGEN_BINNEN_NORM_AANDEEL: share(
            c[Measure.STATUSWIJZIGINGEN_BINNEN_NORM], c[Measure.STATUSWIJZIGINGEN_MET_NORM]
        ),
        Kpi.DOORVERWIJZINGEN: c[Measure.DOORVERWIJZINGEN],
        Kpi.NOTIFICATIES_EMAIL: email,
        Kpi.NOTIFICATIES_EMAIL_AFLEVERPERCENTAGE: share(
            c[Measure.NOTIFICATIES_EMAIL_AFGELEVERD], email
        ),
        Kpi.NOTIFICATIES_SMS: sms,
        Kpi.NOTIFICATIES_SMS_AFLEVERPERCENTAGE: share(c[Measure.NOTIFICATIES_SMS_AFGELEVERD], sms),
        Kpi.PORTAAL_LOGINS: c[Measure.PORTAAL_LOGINS],
        Kpi.PORTAAL_ZAAKWEERGAVEN: c[Measure.PORTAAL_ZAAKWEERGAVEN],
    }


def kpi_figures(
    *,
    start: date,
    end: date,
    granularity: Granularity = Granularity.MONTH,
    zaaktype: str | None = None,
    per_zaaktype: bool = False,
) -> list[PeriodFigures]:
    """The KPIs for each period of ``start``..``end``: for one ``zaaktype``, for each
    zaaktype (``per_zaaktype``), or for all zaaktypen together (``ALL``)."""
    periods = periods_between(start, end, granularity)
    if not periods:
        return []
    rows = DailyFigure.objects.filter(day__gte=start, day__lte=end)
    volumes = ChannelVolume.objects.filter(period_start__gte=start, period_start__lte=end)
    if zaaktype is not None:
        rows = rows.filter(zaaktype=zaaktype)
        volumes = volumes.filter(zaaktype=zaaktype)

    def series_of(identificatie: str) -> str | None:
        if zaaktype is not None or per_zaaktype:
            return identificatie or None  # figures without a zaaktype belong to no series
        return ALL

    buckets: dict[tuple[str, str], _Collect] = defaultdict(_Collect)
    by_key = {p.key: p for p in periods}
    today = timezone.localdate()
    snapshot_days = {min(p.end, today) for p in periods}
    per_series = zaaktype is not None or per_zaaktype
    # Counts are summed by the database per period (and zaaktype): a year of 1M zaken is a
    # few thousand rows to Python, not a row per day, zaaktype and measure.
    truncated = rows.exclude(measure__in=[Measure.OPEN, Measure.AFGEHANDELD]).annotate(
        period=_period_expression(periods, granularity)
    )
    grouping = ["period", "measure", *(["zaaktype"] if per_series else [])]
    for row in truncated.values(*grouping).annotate(total=Sum("value")).order_by():
        series = series_of(row.get("zaaktype", ""))
        if series is not None:
            bucket = buckets[(_key_of(row["period"], granularity), series)]
            bucket.counts[row["measure"]] += row["total"] or 0
    for day, identificatie, measure, value, histogram in rows.filter(
        Q(measure=Measure.AFGEHANDELD) | Q(measure=Measure.OPEN, day__in=snapshot_days)
    ).values_list("day", "zaaktype", "measure", "value", "histogram"):
        series = series_of(identificatie)
        if series is None:
            continue
        bucket = buckets[(period_of(day, granularity).key, series)]
        if measure == Measure.OPEN:
            bucket.open_by_day[day].append((value, histogram))
        else:
            bucket.counts[measure] += value
            bucket.closed.append(histogram)
    for identificatie, period_start, contacten_voortgang in volumes.values_list(
        "zaaktype", "period_start", "contacten_voortgang"
    ):
        series = series_of(identificatie)
        if series is not None:
            buckets[
                (period_of(period_start, granularity).key, series)
            ].channel_progress += contacten_voortgang
    if zaaktype is not None:
        names = [zaaktype]
    elif per_zaaktype:
        names = sorted({series for _, series in buckets})
    else:
        names = [ALL]
    norms = zaaktype_norms()
    return [
        PeriodFigures(
            period=period,
            zaaktype=name,
            values=_values(buckets.get((period.key, name), _Collect()), period, norms.get(name)),
        )
        for name in names
        for period in by_key.values()
    ]


def kpi_totals(*, start: date, end: date, zaaktype: str | None = None) -> dict[Kpi, Value]:
    """The KPIs over ``start``..``end`` as one period (exact percentiles over the range)."""
    rows = DailyFigure.objects.filter(day__gte=start, day__lte=end)
    volumes = ChannelVolume.objects.filter(period_start__gte=start, period_start__lte=end)
    if zaaktype is not None:
        rows, volumes = rows.filter(zaaktype=zaaktype), volumes.filter(zaaktype=zaaktype)
    bucket = _Collect()
    counted = rows.exclude(measure__in=[Measure.OPEN, Measure.AFGEHANDELD])
    for measure, total in counted.values_list("measure").annotate(total=Sum("value")).order_by():
        bucket.counts[measure] += total or 0
    snapshot_day = min(end, timezone.localdate())
    for day, measure, value, histogram in rows.filter(
        Q(measure=Measure.AFGEHANDELD) | Q(measure=Measure.OPEN, day=snapshot_day)
    ).values_list("day", "measure", "value", "histogram"):
        if measure == Measure.OPEN:
            bucket.open_by_day[day].append((value, histogram))
        else:
            bucket.counts[measure] += value
            bucket.closed.append(histogram)
    bucket.channel_progress = sum(volumes.values_list("contacten_voortgang", flat=True))
    norm = zaaktype_norms().get(zaaktype) if zaaktype else None
    whole = Period(f"{start.isoformat()}/{end.isoformat()}", start, end)
    return _values(bucket, whole, norm)


def figures_as_records(figures: list[PeriodFigures]) -> list[dict[str, Any]]:
    """Flat records for the export: one per period by zaaktype by KPI, stable identifiers."""
    return [
        {
            "zaaktype": f.zaaktype,
            "periode": f.period.key,
            "van": f.period.start.isoformat(),
            "tot_en_met": f.period.end.isoformat(),
            "kpi": kpi.value,
            "waarde": "" if value is None else str(value),
        }
        for f in figures
        for kpi, value in f.values.items()
    ]
