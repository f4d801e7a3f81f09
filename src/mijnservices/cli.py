"""The ``mijnservices`` command: Django management with the project's settings.

``mijnservices serve``, ``mijnservices worker``, ``mijnservices load-demo``,
``mijnservices demo`` (web + worker together) and every Django command
(``mijnservices migrate``); hyphens and underscores are interchangeable.
"""

from __future__ import annotations

import os
import sys


def main(argv: list[str] | None = None) -> None:
    args = list(sys.argv if argv is None else argv)
    os.environ.setdefault("DJANGO_SETTINGS_MODULE", "mijnservices.conf.settings")
    if len(args) > 1 and not args[1].startswith("-"):
        args[1] = args[1].replace("-", "_")
    from django.core.exceptions import ImproperlyConfigured
    from django.core.management import execute_from_command_line

    try:
        execute_from_command_line(args)
    except ImproperlyConfigured as exc:
        sys.stderr.write(f"Configuration error: {exc}\n")
        raise SystemExit(2) from exc


if __name__ == "__main__":
    main()
