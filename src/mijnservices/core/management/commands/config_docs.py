from pathlib import Path
from typing import Any

from django.core.management.base import BaseCommand, CommandError

from mijnservices.conf.env import render_markdown


class Command(BaseCommand):
    help = "Write (or --check) docs/configuration.md from the setting declarations."

    def add_arguments(self, parser: Any) -> None:
        parser.add_argument("--output", default="docs/configuration.md")
        parser.add_argument("--check", action="store_true", help="Fail if the file is outdated.")

    def handle(self, *args: Any, output: str, check: bool, **options: Any) -> None:
        text = render_markdown() + "\n"
        path = Path(output)
        if check:
            if not path.exists() or path.read_text() != text:
                raise CommandError(f"{output} is outdated: run `mijnservices config-docs`.")
            return
        path.write_text(text)
        self.stdout.write(f"Wrote {output}")
