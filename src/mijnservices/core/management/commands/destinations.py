from typing import Any

from django.core.management.base import BaseCommand, CommandError

from mijnservices.core.delivery.breaker import destination_resume
from mijnservices.core.models import Destination


class Command(BaseCommand):
    help = (
        "Show every delivery destination (subscriber host, SMTP server, Notify API) with its "
        "breaker state; --resume KEY sends to a paused one again at once."
    )

    def add_arguments(self, parser: Any) -> None:
        parser.add_argument("--resume", metavar="KEY", help="Resume this destination now.")

    def handle(self, *args: Any, resume: str | None = None, **options: Any) -> None:
        if resume:
            if not destination_resume(key=resume):
                raise CommandError(f"No destination {resume!r}.")
            self.stdout.write(f"Resumed {resume}.")
            return
        for row in Destination.objects.order_by("key"):
            probe = f" next probe {row.probe_at:%H:%M:%S}" if row.probe_at else ""
            error = f" last error: {row.last_error}" if row.last_error else ""
            self.stdout.write(f"{row.key}  {row.state}  failures={row.failures}{probe}{error}")
