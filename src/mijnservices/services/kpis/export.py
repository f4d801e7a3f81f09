"""The export shared by the dashboard's downloads and ``mijnservices kpi``: one record per
zaaktype x period x KPI with the stable identifiers of docs/kpis.md, as CSV, JSON or a
spreadsheet (.xlsx)."""

from __future__ import annotations

import csv
import io
import json
from datetime import date
from decimal import Decimal
from typing import Any

from openpyxl import Workbook

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


def records_xlsx(records: list[dict[str, Any]]) -> bytes:
    """The same records as a spreadsheet (.xlsx): one sheet, the CSV's columns, and the values
    as numbers so they can be summed and charted; the export's identifiers stay text."""
    workbook = Workbook()
    sheet = workbook.active
    assert sheet is not None  # a new workbook has its one sheet
    sheet.title = "kpis"
    sheet.append(COLUMNS)
    for record in records:
        row: list[str | int | Decimal | None] = [record[column] for column in COLUMNS[:-1]]
        row.append(_number(record["waarde"]))
        sheet.append(row)
    buffer = io.BytesIO()
    workbook.save(buffer)
    return buffer.getvalue()


def _number(value: str) -> int | Decimal | None:
    if value == "":
        return None  # an empty cell: no value for this period (e.g. no closed zaken)
    try:
        return int(value)
    except ValueError:
        return Decimal(value)
