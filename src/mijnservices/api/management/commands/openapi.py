from __future__ import annotations

from typing import Any

from django.core.management.base import BaseCommand, CommandError, CommandParser

from mijnservices.api.schema import APIS, render_schema


class Command(BaseCommand):
    help = "Write the committed openapi.yaml of each ZGW API (--check: fail when outdated)."

    def add_arguments(self, parser: CommandParser) -> None:
        parser.add_argument("--check", action="store_true")

    def handle(self, *args: Any, check: bool = False, **options: Any) -> None:
        outdated = []
        for name, api in APIS.items():
            text = render_schema(name)
            if check:
                if not api.committed.exists() or api.committed.read_text() != text:
                    outdated.append(str(api.committed))
            else:
                api.committed.write_text(text)
                self.stdout.write(f"wrote {api.committed}")
        if outdated:
            raise CommandError("Outdated, run `mijnservices openapi`: " + ", ".join(outdated))
