"""Enter or import the 0-meting and channel volumes the product does not see.

A CSV import is all or nothing: every row is checked first, and when any row is rejected
nothing is written and the report names each rejected row (line number and reason). A row
for a period that is already there replaces its value, so importing a corrected file twice
is safe. The formats are documented in ``docs/kpis.md``.
"""

from __future__ import annotations

import csv
import io
from collections.abc import Callable
from dataclasses import dataclass, field
from datetime import date, datetime
from decimal import Decimal, InvalidOperation
from typing import Any

import structlog
from django.db import transaction
from django.utils.translation import gettext as _

from mijnservices.core.errors import DomainError
from mijnservices.services.kpis.definitions import Kanaal, Kpi
from mijnservices.services.kpis.models import Baseline, ChannelVolume, GoLive

logger = structlog.get_logger(__name__)

BASELINE_COLUMNS = ("zaaktype", "van", "tot_en_met", "kpi", "waarde")
CHANNEL_COLUMNS = ("zaaktype", "van", "tot_en_met", "kanaal", "contacten", "contacten_voortgang")
MAX_ROWS = 10_000


class RowError(ValueError):
    pass


@dataclass(frozen=True)
class RejectedRow:
    line: int
    reason: str


@dataclass
class ImportReport:
    saved: int = 0
    rejected: list[RejectedRow] = field(default_factory=list)

    @property
    def ok(self) -> bool:
        return not self.rejected


# --- Manual entry ---------------------------------------------------------------------
def _period(period_start: date, period_end: date) -> None:
    if period_end < period_start:
        raise DomainError(_("The end of the period is before its start."), code="period")


@transaction.atomic
def baseline_set(
    *,
    zaaktype: str,
    period_start: date,
    period_end: date,
    kpi: Kpi,
    value: Decimal,
    source: str = "",
) -> Baseline:
    """Record (or correct) a 0-meting figure for a zaaktype and period."""
    _period(period_start, period_end)
    if not zaaktype.strip():
        raise DomainError(_("Name the zaaktype."), code="required", field="zaaktype")
    baseline, _created = Baseline.objects.update_or_create(
        zaaktype=zaaktype.strip(),
        period_start=period_start,
        period_end=period_end,
        kpi=Kpi(kpi).value,
        defaults={"value": value, "source": source[:100]},
    )
    return baseline


@transaction.atomic
def channel_volume_set(
    *,
    zaaktype: str,
    period_start: date,
    period_end: date,
    kanaal: Kanaal,
    contacten: int,
    contacten_voortgang: int,
    cost_per_contact: Decimal | None = None,
) -> ChannelVolume:
    """Record (or correct) the contacts in a channel; ``zaaktype`` "" is all zaaktypen."""
    _period(period_start, period_end)
    if contacten < 0 or contacten_voortgang < 0 or contacten_voortgang > contacten:
        raise DomainError(
            _("Contacts about progress must be between 0 and the number of contacts."),
            code="volume",
        )
    volume, _created = ChannelVolume.objects.update_or_create(
        zaaktype=zaaktype.strip(),
        period_start=period_start,
        period_end=period_end,
        kanaal=Kanaal(kanaal).value,
        defaults={
            "contacten": contacten,
            "contacten_voortgang": contacten_voortgang,
            "cost_per_contact": cost_per_contact,
        },
    )
    return volume


@transaction.atomic
def go_live_set(*, zaaktype: str, datum: date) -> GoLive:
    """The day MijnZaken was switched on for ``zaaktype``."""
    go_live, _created = GoLive.objects.update_or_create(
        zaaktype=zaaktype.strip(), defaults={"datum": datum}
    )
    return go_live


# --- Parsing ----------------------------------------------------------------------------
def _date(value: str, column: str) -> date:
    for pattern in ("%Y-%m-%d", "%d-%m-%Y"):
        try:
            return datetime.strptime(value.strip(), pattern).date()
        except ValueError:
            continue
    raise RowError(
        _("%(column)s is not a date (YYYY-MM-DD): %(value)s")
        % {"column": column, "value": value[:20]}
    )


def _decimal(value: str, column: str) -> Decimal:
    text = value.strip().replace(" ", "")
    if "," in text and "." not in text:
        text = text.replace(",", ".")  # Dutch decimal comma
    try:
        number = Decimal(text)
    except InvalidOperation:
        raise RowError(
            _("%(column)s is not a number: %(value)s") % {"column": column, "value": value[:20]}
        ) from None
    if not number.is_finite() or number < 0:
        raise RowError(_("%(column)s must be 0 or more.") % {"column": column})
    return number


def _whole(value: str, column: str) -> int:
    number = _decimal(value, column)
    if number != number.to_integral_value():
        raise RowError(_("%(column)s must be a whole number.") % {"column": column})
    return int(number)


def _choice(value: str, allowed: type[Kpi] | type[Kanaal], column: str) -> str:
    text = value.strip().lower()
    if text not in {m.value for m in allowed}:
        raise RowError(_("unknown %(column)s: %(value)s") % {"column": column, "value": value[:40]})
    return text


def _baseline_row(row: dict[str, str]) -> dict[str, Any]:
    zaaktype = row["zaaktype"].strip()
    if not zaaktype:
        raise RowError(_("zaaktype is empty."))
    start, end = _date(row["van"], "van"), _date(row["tot_en_met"], "tot_en_met")
    if end < start:
        raise RowError(_("tot_en_met is before van."))
    return {
        "zaaktype": zaaktype[:50],
        "period_start": start,
        "period_end": end,
        "kpi": Kpi(_choice(row["kpi"], Kpi, "kpi")),
        "value": _decimal(row["waarde"], "waarde"),
        "source": (row.get("bron") or "import").strip()[:100],
    }


def _channel_row(row: dict[str, str]) -> dict[str, Any]:
    start, end = _date(row["van"], "van"), _date(row["tot_en_met"], "tot_en_met")
    if end < start:
        raise RowError(_("tot_en_met is before van."))
    contacten = _whole(row["contacten"], "contacten")
    voortgang = _whole(row["contacten_voortgang"], "contacten_voortgang")
    if voortgang > contacten:
        raise RowError(_("contacten_voortgang is more than contacten."))
    cost = (row.get("kosten_per_contact") or "").strip()
    return {
        "zaaktype": row["zaaktype"].strip()[:50],
        "period_start": start,
        "period_end": end,
        "kanaal": Kanaal(_choice(row["kanaal"], Kanaal, "kanaal")),
        "contacten": contacten,
        "contacten_voortgang": voortgang,
        "cost_per_contact": _decimal(cost, "kosten_per_contact") if cost else None,
    }


def _import(
    text: str,
    columns: tuple[str, ...],
    parse: Callable[[dict[str, str]], dict[str, Any]],
    key: tuple[str, ...],
    save: Callable[..., object],
    kind: str,
) -> ImportReport:
    report = ImportReport()
    text = text.lstrip("\ufeff")  # a byte-order mark from spreadsheet programs
    first = text.splitlines()[0] if text.strip() else ""
    delimiter = ";" if first.count(";") > first.count(",") else ","
    reader = csv.DictReader(io.StringIO(text), delimiter=delimiter)
    header = [name.strip().lower() for name in reader.fieldnames or []]
    missing = [c for c in columns if c not in header]
    if missing:
        report.rejected.append(
            RejectedRow(1, _("missing columns: %(columns)s") % {"columns": ", ".join(missing)})
        )
        return report
    reader.fieldnames = header
    parsed: list[dict[str, Any]] = []
    seen: dict[tuple[Any, ...], int] = {}
    for row in reader:
        line = reader.line_num
        if len(parsed) + len(report.rejected) >= MAX_ROWS:
            report.rejected.append(RejectedRow(line, _("too many rows (at most 10,000).")))
            break
        if not any((v or "").strip() for v in row.values() if isinstance(v, str)):
            continue  # blank line
        try:
            values = parse({k: (v or "") for k, v in row.items() if isinstance(k, str)})
        except RowError as exc:
            report.rejected.append(RejectedRow(line, str(exc)))
            continue
        identity = tuple(values[k] for k in key)
        if identity in seen:
            report.rejected.append(
                RejectedRow(line, _("same period as line %(line)s.") % {"line": seen[identity]})
            )
            continue
        seen[identity] = line
        parsed.append(values)
    if not report.ok:
        logger.info("kpi_import_rejected", kind=kind, rejected=len(report.rejected))
        return report
    with transaction.atomic():
        for values in parsed:
            save(**values)
    report.saved = len(parsed)
    logger.info("kpi_import_saved", kind=kind, rows=report.saved)
    return report


def baseline_import(*, text: str) -> ImportReport:
    """Import 0-meting figures from CSV (see docs/kpis.md); all rows or none."""
    return _import(
        text,
        BASELINE_COLUMNS,
        _baseline_row,
        ("zaaktype", "period_start", "period_end", "kpi"),
        baseline_set,
        "baseline",
    )


def channel_volumes_import(*, text: str) -> ImportReport:
    """Import channel volumes from CSV (see docs/kpis.md); all rows or none."""
    return _import(
        text,
        CHANNEL_COLUMNS,
        _channel_row,
        ("zaaktype", "period_start", "period_end", "kanaal"),
        channel_volume_set,
        "channel_volumes",
    )
