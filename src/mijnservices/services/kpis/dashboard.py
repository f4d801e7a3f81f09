"""What the KPI dashboard shows, assembled from the selectors in a fixed number of queries:
totals over the range, the trend per period, and before/after the zaaktype's go-live date
against the 0-meting."""

from __future__ import annotations

from dataclasses import dataclass, field
from datetime import date, timedelta
from decimal import ROUND_HALF_UP, Decimal

from django.utils.translation import gettext as _

from mijnservices.registrations.catalogi.models import ZaakType
from mijnservices.services.kpis.charts import Chart, bar_chart
from mijnservices.services.kpis.definitions import COUNTS, LABELS, Kpi
from mijnservices.services.kpis.models import Baseline, GoLive
from mijnservices.services.kpis.periods import Granularity
from mijnservices.services.kpis.selectors import PeriodFigures, Value, kpi_figures, kpi_totals
from mijnservices.services.kpis.surveys import SurveyResults, survey_results

CHARTED = (
    Kpi.VERZOEKEN,
    Kpi.CONTACTEN_VOORTGANG,
    Kpi.DOORLOOPTIJD_MEDIAAN,
    Kpi.BINNEN_NORM_AANDEEL,
    Kpi.STATUSWIJZIGINGEN,
    Kpi.DOORVERWIJZINGEN,
    Kpi.PORTAAL_ZAAKWEERGAVEN,
)
MONTH_DAYS = Decimal(30)


@dataclass(frozen=True)
class Trend:
    kpi: Kpi
    label: str
    chart: Chart
    rows: list[tuple[str, Value]]


@dataclass(frozen=True)
class Comparison:
    kpi: Kpi
    label: str
    baseline: Value
    before: Value
    after: Value


@dataclass(frozen=True)
class BeforeAfter:
    go_live: date
    baseline_period: tuple[date, date] | None
    rows: list[Comparison]
    chart: Chart


@dataclass
class Dashboard:
    start: date
    end: date
    granularity: Granularity
    zaaktype: str | None
    totals: list[tuple[Kpi, str, Value]]
    periods: list[PeriodFigures]
    trends: list[Trend]
    before_after: BeforeAfter | None
    kto: list[SurveyResults]  # one per questionnaire version answered in the range
    mto: list[SurveyResults]
    zaaktypen: list[tuple[str, str]] = field(default_factory=list)


def zaaktype_choices() -> list[tuple[str, str]]:
    """Published zaaktypen by identificatie (the newest version's omschrijving)."""
    names: dict[str, str] = {}
    for identificatie, omschrijving in (
        ZaakType.objects.filter(concept=False)
        .order_by("begin_geldigheid", "pk")
        .values_list("identificatie", "omschrijving")
    ):
        names[identificatie] = omschrijving
    return sorted(names.items())


def _per_month(kpi: Kpi, value: Value, days: int) -> Value:
    """Counts become a rate per 30 days, so periods of different length compare."""
    if value is None or kpi not in COUNTS or days <= 0:
        return value
    return (Decimal(value) * MONTH_DAYS / Decimal(days)).quantize(Decimal("0.1"), ROUND_HALF_UP)


def _before_after(zaaktype: str, start: date, end: date) -> BeforeAfter | None:
    go_live = GoLive.objects.filter(zaaktype=zaaktype).first()
    if go_live is None:
        return None
    baselines: dict[str, Baseline] = {}
    for row in Baseline.objects.filter(zaaktype=zaaktype).order_by("period_end"):
        baselines[row.kpi] = row  # the most recent 0-meting of each KPI
    day = go_live.datum
    before = after = None
    if start < day:
        before_end = min(end, day - timedelta(days=1))
        before = (kpi_totals(start=start, end=before_end, zaaktype=zaaktype), start, before_end)
    if end >= day:
        after_start = max(start, day)
        after = (kpi_totals(start=after_start, end=end, zaaktype=zaaktype), after_start, end)
    rows = []
    for kpi in Kpi:
        base = baselines.get(kpi.value)
        rows.append(
            Comparison(
                kpi=kpi,
                label=str(LABELS[kpi]),
                baseline=_per_month(kpi, base.value, (base.period_end - base.period_start).days + 1)
                if base
                else None,
                before=_per_month(kpi, before[0][kpi], (before[2] - before[1]).days + 1)
                if before
                else None,
                after=_per_month(kpi, after[0][kpi], (after[2] - after[1]).days + 1)
                if after
                else None,
            )
        )
    progress = next(r for r in rows if r.kpi == Kpi.CONTACTEN_VOORTGANG)
    chart = bar_chart(
        chart_id="chart-before-after",
        title=_("Contacts about progress per month: 0-meting, before and after go-live"),
        summary=_("0-meting %(baseline)s, before go-live %(before)s, after go-live %(after)s.")
        % {
            "baseline": "-" if progress.baseline is None else progress.baseline,
            "before": "-" if progress.before is None else progress.before,
            "after": "-" if progress.after is None else progress.after,
        },
        points=[
            (_("0-meting"), progress.baseline),
            (_("before"), progress.before),
            (_("after"), progress.after),
        ],
        muted=frozenset({0}),
    )
    any_base = next(iter(baselines.values()), None)
    return BeforeAfter(
        go_live=day,
        baseline_period=(any_base.period_start, any_base.period_end) if any_base else None,
        rows=rows,
        chart=chart,
    )


def _trend(kpi: Kpi, periods: list[PeriodFigures]) -> Trend:
    rows = [(p.period.key, p.values[kpi]) for p in periods]
    highest = max((r for r in rows if r[1] is not None), key=lambda r: r[1] or 0, default=None)
    label = str(LABELS[kpi])
    summary = (
        _("%(label)s per period; highest %(value)s in %(period)s. The table has every value.")
        % {"label": label, "value": highest[1], "period": highest[0]}
        if highest
        else _("%(label)s: no values in this range.") % {"label": label}
    )
    chart = bar_chart(chart_id=f"chart-{kpi.value}", title=label, summary=summary, points=rows)
    return Trend(kpi=kpi, label=label, chart=chart, rows=rows)


def kpi_dashboard(
    *, start: date, end: date, granularity: Granularity, zaaktype: str | None
) -> Dashboard:
    periods = kpi_figures(start=start, end=end, granularity=granularity, zaaktype=zaaktype)
    totals = kpi_totals(start=start, end=end, zaaktype=zaaktype)
    return Dashboard(
        start=start,
        end=end,
        granularity=granularity,
        zaaktype=zaaktype,
        totals=[(kpi, str(LABELS[kpi]), totals[kpi]) for kpi in Kpi],
        periods=periods,
        trends=[_trend(kpi, periods) for kpi in CHARTED],
        before_after=_before_after(zaaktype, start, end) if zaaktype else None,
        kto=survey_results(soort="kto", start=start, end=end, zaaktype=zaaktype),
        mto=survey_results(soort="mto", start=start, end=end),
        zaaktypen=zaaktype_choices(),
    )
