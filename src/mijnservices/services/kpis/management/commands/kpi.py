"""``mijnservices kpi``: the KPI figures of the dashboard, as CSV or JSON on stdout."""

from __future__ import annotations

from typing import Any

from django.core.management.base import BaseCommand, CommandError, CommandParser

from mijnservices.services.kpis.export import export_records, records_csv, records_json
from mijnservices.services.kpis.management.commands.kpi_rebuild import _date
from mijnservices.services.kpis.periods import Granularity


class Command(BaseCommand):
    help = "Print the KPIs per zaaktype and period (stable identifiers, see docs/kpis.md)."

    def add_arguments(self, parser: CommandParser) -> None:
        parser.add_argument("--from", dest="start", required=True, help="first day, YYYY-MM-DD")
        parser.add_argument("--to", dest="end", required=True, help="last day, YYYY-MM-DD")
        parser.add_argument("--zaaktype", help="a zaaktype identificatie (default: all)")
        parser.add_argument("--format", choices=["csv", "json"], default="csv")
        parser.add_argument(
            "--period", choices=[g.value for g in Granularity], default=Granularity.MONTH.value
        )

    def handle(self, *args: Any, **options: Any) -> None:
        start, end = _date(options["start"]), _date(options["end"])
        if end < start:
            raise CommandError("--to is before --from.")
        records = export_records(
            start=start,
            end=end,
            granularity=Granularity(options["period"]),
            zaaktype=options["zaaktype"],
        )
        output = records_json(records) if options["format"] == "json" else records_csv(records)
        self.stdout.write(output, ending="" if output.endswith("\n") else "\n")
