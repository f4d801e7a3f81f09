"""Run the demo mail catcher in the foreground (DEMO_MODE only)."""

from __future__ import annotations

import signal
import threading
from typing import Any

from django.conf import settings
from django.core.management.base import BaseCommand, CommandError

from mijnservices.demo.mailcatcher import StoringHandler, mail_dir


class Command(BaseCommand):
    help = "DEMO ONLY: a local SMTP server that keeps every e-mail for the demo mail viewer."

    def handle(self, *args: Any, **options: Any) -> None:
        if not settings.DEMO_MODE:
            raise CommandError("The demo mail catcher only runs in demo mode (DEMO_MODE).")
        from aiosmtpd.controller import Controller

        port = int(settings.DEMO_MAILCATCHER_PORT)
        controller = Controller(StoringHandler(), hostname="127.0.0.1", port=port)
        controller.start()
        self.stdout.write(f"Demo mail catcher on 127.0.0.1:{port}, storing in {mail_dir()}.")
        stopped = threading.Event()
        signal.signal(signal.SIGTERM, lambda *_: stopped.set())
        signal.signal(signal.SIGINT, lambda *_: stopped.set())
        stopped.wait()
        controller.stop()
