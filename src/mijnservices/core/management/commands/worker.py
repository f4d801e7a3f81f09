from typing import Any

from django.core.management.base import BaseCommand

from mijnservices.core.worker import Worker


class Command(BaseCommand):
    help = "Run the background worker: drains the outbox until SIGINT/SIGTERM."

    def add_arguments(self, parser: Any) -> None:
        parser.add_argument(
            "--once", action="store_true", help="Stop when no event is due (for scripts and tests)."
        )

    def handle(self, *args: Any, once: bool = False, **options: Any) -> None:
        worker = Worker()
        worker.install_signal_handlers()
        handled = worker.run(once=once)
        if once:
            self.stdout.write(f"Handled {handled} event(s).")
