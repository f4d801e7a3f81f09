"""``mijnservices kpi``: the KPI figures of the dashboard, as CSV or JSON on stdout, or as a
spreadsheet (.xlsx) written to ``--output``."""

from __future__ import annotations

from pathlib import Path
from typing import Any

from django.core.management.base import BaseCommand, CommandError, CommandParser

from mijnservices.services.kpis.export import (
    export_records,
    records_csv,
    records_json,
    records_xlsx,
)
from mijnservices.services.kpis.management.commands.kpi_rebuild import _date
from mijnservices.services.kpis.periods import Granularity


class Command(BaseCommand):
    help = "Print the KPIs per zaaktype and period (stable identifiers, see docs/kpis.md)."

    def add_arguments(self, parser: CommandParser) -> None:
        parser.add_argument("--from", dest="start", required=True, help="first day, YYYY-MM-DD")
        parser.add_argument("--to", dest="end", required=True, help="last day, YYYY-MM-DD")
        parser.add_argument("--zaaktype", help="a zaaktype identificatie (default: all)")
        parser.add_argument("--format", choices=["csv", "json", "xlsx"], default="csv")
        parser.add_argument("--output", help="write to this file (needed for xlsx)")
        parser.add_argument(
            "--period", choices=[g.value for g in Granularity], default=Granularity.MONTH.value
        )

    def handle(self, *args: Any, **options: Any) -> None:
        start, end = _date(options["start"]), _date(options["end"])
        if end < start:
            raise CommandError("--to is before --from.")
        if options["format"] == "xlsx" and not options["output"]:
            raise CommandError("--format xlsx needs --output FILE.")
        records = export_records(
            start=start,
            end=end,
            granularity=Granularity(options["period"]),
            zaaktype=options["zaaktype"],
        )
        if options["format"] == "xlsx":
            Path(options["output"]).write_bytes(records_xlsx(records))
            return
        output = records_json(records) if options["format"] == "json" else records_csv(records)
        if options["output"]:
            Path(options["output"]).write_text(output, encoding="utf-8")
            return
        self.stdout.write(output, ending="" if output.endswith("\n") else "\n")
