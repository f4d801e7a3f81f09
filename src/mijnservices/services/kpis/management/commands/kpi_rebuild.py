"""``mijnservices kpi-rebuild``: recompute the KPI daily aggregates from the registrations."""

from __future__ import annotations

from datetime import date, timedelta
from typing import Any

from django.core.management.base import BaseCommand, CommandError, CommandParser
from django.utils import timezone

from mijnservices.services.kpis.aggregates import figures_rebuild


def _date(value: str) -> date:
    try:
        return date.fromisoformat(value)
    except ValueError as exc:
        raise CommandError(f"Not a date (YYYY-MM-DD): {value!r}") from exc


class Command(BaseCommand):
    help = "Recompute the KPI daily aggregates for a range of days (default: the last year)."

    def add_arguments(self, parser: CommandParser) -> None:
        parser.add_argument("--from", dest="start", help="first day, YYYY-MM-DD")
        parser.add_argument("--to", dest="end", help="last day, YYYY-MM-DD (default today)")

    def handle(self, *args: Any, **options: Any) -> None:
        end = _date(options["end"]) if options["end"] else timezone.localdate()
        start = _date(options["start"]) if options["start"] else end - timedelta(days=365)
        if end < start:
            raise CommandError("--to is before --from.")
        days = figures_rebuild(start=start, end=end)
        self.stdout.write(f"Rebuilt the KPI aggregates of {days} days ({start} to {end}).")
