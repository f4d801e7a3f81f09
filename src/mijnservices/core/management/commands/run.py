"""Web server and worker together in one foreground command (``make demo`` uses it)."""

from __future__ import annotations

import signal
import subprocess
import sys
import time
from types import FrameType
from typing import Any

from django.conf import settings
from django.core.management.base import BaseCommand, CommandError

GRACE_SECONDS = 10


class Command(BaseCommand):
    help = "Run the web server and the background worker together; Ctrl-C stops both."

    def handle(self, *args: Any, **options: Any) -> None:
        python = [sys.executable, "-m", "mijnservices"]
        children = {
            "web": subprocess.Popen([*python, "serve"]),  # noqa: S603 - our own command
            "worker": subprocess.Popen([*python, "worker"]),  # noqa: S603
        }
        if settings.DEMO_MODE and settings.DEMO_MAILCATCHER_PORT:
            # DEMO ONLY: e-mail goes to a local catcher shown at /demo/mail/.
            children["mail"] = subprocess.Popen([*python, "demo-mailcatcher"])  # noqa: S603
        stopping = False

        def stop(signum: int, frame: FrameType | None) -> None:
            nonlocal stopping
            stopping = True

        signal.signal(signal.SIGINT, stop)
        signal.signal(signal.SIGTERM, stop)
        url = f"http://{settings.BIND_ADDRESS}:{settings.PORT}/"
        self.stdout.write(f"MijnServices runs on {url} (web + worker). Press Ctrl-C to stop.")
        if "mail" in children:
            self.stdout.write(f"Demo mailbox (e-mails the demo sends): {url}demo/mail/")
        failed = ""
        while not stopping:
            for name, child in list(children.items()):
                if child.poll() is not None and name == "mail":
                    # The demo mailbox is a convenience: without it the demo still runs.
                    self.stderr.write("The demo mail catcher stopped (is its port in use?).")
                    del children[name]
                elif child.poll() is not None:
                    failed = f"{name} exited with code {child.returncode}"
                    stopping = True
            time.sleep(0.2)
        for child in children.values():
            if child.poll() is None:
                child.terminate()
        deadline = time.monotonic() + GRACE_SECONDS
        for child in children.values():
            try:
                child.wait(timeout=max(0.1, deadline - time.monotonic()))
            except subprocess.TimeoutExpired:
                child.kill()
        if failed:
            raise CommandError(f"Stopped because the {failed}.")
        self.stdout.write("Stopped web server and worker.")
