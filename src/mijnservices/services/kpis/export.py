"""The export shared by the dashboard's download and ``mijnservices kpi``: one record per
zaaktype x period x KPI with the stable identifiers of docs/kpis.md."""

from __future__ import annotations

import csv
import io
import json
from datetime import date
from typing import Any

from mijnservices.services.kpis.periods import Granularity
from mijnservices.services.kpis.selectors import figures_as_records, kpi_figures

COLUMNS = ["zaaktype", "periode", "van", "tot_en_met", "kpi", "waarde"]


def export_records(
    *, start: date, end: date, granularity: Granularity, zaaktype: str | None
) -> list[dict[str, Any]]:
    """For one zaaktype, its figures; otherwise all zaaktypen together ("*") and each one."""
    figures = kpi_figures(start=start, end=end, granularity=granularity, zaaktype=zaaktype)
    if zaaktype is None:
        figures += kpi_figures(start=start, end=end, granularity=granularity, per_zaaktype=True)
    return figures_as_records(figures)


def records_csv(records: list[dict[str, Any]]) -> str:
    buffer = io.StringIO()
    writer = csv.DictWriter(buffer, fieldnames=COLUMNS, lineterminator="\n")
    writer.writeheader()
    writer.writerows(records)
    return buffer.getvalue()


def records_json(records: list[dict[str, Any]]) -> str:
    return json.dumps(records, indent=2, ensure_ascii=False)
