"""Compile every ``.po`` file of the package to ``.mo`` with polib.

Django's ``compilemessages`` needs GNU gettext, which fresh machines do not have;
polib is pure Python. Run at setup: ``mijnservices compile-translations``.
"""

from __future__ import annotations

from pathlib import Path
from typing import Any

import polib  # type: ignore[import-untyped]  # polib ships no type hints
from django.core.management.base import BaseCommand, CommandError

# The mijnservices package: portal/management/commands/ is three levels below it.
PACKAGE_DIR = Path(__file__).resolve().parents[3]


def po_files(root: Path = PACKAGE_DIR) -> list[Path]:
    return sorted(p for p in root.rglob("*.po") if "node_modules" not in p.parts)


def compile_po(path: Path) -> Path:
    catalog = polib.pofile(str(path))
    target = path.with_suffix(".mo")
    catalog.save_as_mofile(str(target))
    return target


class Command(BaseCommand):
    help = "Compile the package's .po translation files to .mo (no GNU gettext needed)."

    def handle(self, *args: Any, **options: Any) -> None:
        files = po_files()
        if not files:
            raise CommandError(f"No .po files found under {PACKAGE_DIR}.")
        for path in files:
            target = compile_po(path)
            self.stdout.write(f"compiled {target.relative_to(PACKAGE_DIR)}")
