from typing import Any

from django.conf import settings
from django.core.management.base import BaseCommand, CommandError
from django.utils import timezone

from mijnservices.demo.kpis import load_kpi_history
from mijnservices.demo.loader import load_demo
from mijnservices.demo.personas import PERSONAS


class Command(BaseCommand):
    help = (
        "Load the demo catalogus, the four pilot zaaktypen and demo zaken for the demo "
        "personas. Only in DEMO_MODE; running it again adds nothing."
    )

    def handle(self, *args: Any, **options: Any) -> None:
        if not settings.DEMO_MODE:
            raise CommandError(
                "Demo data is only loaded in demo mode: set DEMO_MODE=true. "
                "Never load demo data into a production database."
            )
        report = load_demo()
        self.stdout.write(
            f"Zaaktypen: {report.zaaktypen_created} created, "
            f"{report.zaaktypen_present} already present."
        )
        self.stdout.write(
            f"Zaken: {report.zaken_created} created, {report.zaken_present} already present."
        )
        history = load_kpi_history(today=timezone.localdate())
        self.stdout.write(f"KPI history: {history} closed zaken, 0-meting and phone volumes.")
        self.stdout.write("Demo logins:")
        for persona in PERSONAS:
            label = "BSN" if persona.kind == "bsn" else "KvK"
            self.stdout.write(
                f"  {persona.name:<28} {label} {persona.identifier:<10} {persona.description}"
            )
        self.stdout.write(self.style.SUCCESS("Demo data ready."))
