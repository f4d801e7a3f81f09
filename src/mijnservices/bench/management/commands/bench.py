from typing import Any

from django.conf import settings
from django.core.management import call_command
from django.core.management.base import BaseCommand, CommandError


class Command(BaseCommand):
    help = (
        "Run a benchmark against a real web server on loopback and print p50/p95/p99 and "
        "throughput. Uses the configured database: point DATABASE_URL (PostgreSQL) or "
        "VAR_DIR at a database meant for benchmarks."
    )

    def add_arguments(self, parser: Any) -> None:
        parser.add_argument(
            "scenario",
            choices=["portal", "zaken-api", "notifications", "citizen-notifications", "sources"],
        )
        parser.add_argument("--zaken", type=int, default=100_000, help="Zaken in the database.")
        parser.add_argument("--clients", type=int, default=16, help="Concurrent clients.")
        parser.add_argument("--seconds", type=float, default=10.0, help="Seconds per endpoint.")
        parser.add_argument(
            "--workers", type=int, default=1, help="notifications: worker processes."
        )
        parser.add_argument(
            "--rate", type=int, default=250, help="notifications: changes committed per second."
        )
        parser.add_argument(
            "--backlog", type=int, default=5000, help="notifications: changes drained at once."
        )
        parser.add_argument(
            "--web-workers", type=int, default=2, help="portal, zaken-api: web processes."
        )
        parser.add_argument(
            "--threads", type=int, default=1, help="portal, zaken-api: threads per web process."
        )
        parser.add_argument(
            "--save", default="", help="portal, zaken-api: keep the figures in this JSON file."
        )
        parser.add_argument(
            "--compare",
            default="",
            help="portal, zaken-api: print a before/after table against a --save file.",
        )
        parser.add_argument(
            "--producers",
            type=int,
            default=2,
            help="citizen-notifications: threads committing the changes.",
        )
        parser.add_argument("--citizens", type=int, default=3, help="sources: citizens.")
        parser.add_argument(
            "--per-citizen", type=int, default=50, help="sources: zaken per citizen."
        )
        parser.add_argument(
            "--source-workers", type=int, default=1, help="sources: the source's web workers."
        )
        parser.add_argument(
            "--source-latency-ms",
            type=float,
            default=50.0,
            help="sources: every call to the source takes at least this long (0: off).",
        )
        parser.add_argument(
            "--status-changes",
            type=int,
            default=10,
            help="sources: statuses set at the source, timed to the citizen's page and e-mail.",
        )

    def handle(
        self,
        *args: Any,
        scenario: str,
        zaken: int,
        clients: int,
        seconds: float,
        workers: int = 1,
        rate: int = 250,
        backlog: int = 5000,
        producers: int = 2,
        web_workers: int = 2,
        threads: int = 1,
        save: str = "",
        compare: str = "",
        citizens: int = 3,
        per_citizen: int = 50,
        source_workers: int = 1,
        source_latency_ms: float = 50.0,
        status_changes: int = 10,
        **options: Any,
    ) -> None:
        if not settings.DEMO_MODE:
            raise CommandError("Benchmarks seed synthetic data: run them with DEMO_MODE=true.")
        from mijnservices.bench.scenarios import SCENARIOS
        from mijnservices.demo.loader import load_demo

        call_command("migrate", verbosity=0)
        load_demo()
        engine = settings.DATABASES["default"]["ENGINE"].rsplit(".", 1)[-1]
        self.stdout.write(f"bench {scenario}: {zaken} zaken, {clients} clients, {engine}")
        SCENARIOS[scenario](
            zaken=zaken,
            clients=clients,
            seconds=seconds,
            workers=workers,
            rate=rate,
            backlog=backlog,
            producers=producers,
            web_workers=web_workers,
            threads=threads,
            save=save,
            compare=compare,
            citizens=citizens,
            per_citizen=per_citizen,
            source_workers=source_workers,
            source_latency_ms=source_latency_ms,
            status_changes=status_changes,
            write=self.stdout.write,
        )
