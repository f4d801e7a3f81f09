"""``mijnservices zgw-source add|list|check|remove``: the external ZGW sources (decision 0029).

The secret is write-only: ``list`` and ``check`` never print it."""

from __future__ import annotations

from typing import Any

from django.core.management.base import BaseCommand, CommandError, CommandParser

from mijnservices.core.errors import DomainError
from mijnservices.integration.zgw.abonnement import abonnement_delete
from mijnservices.integration.zgw.catalogue import catalogue_import
from mijnservices.integration.zgw.client import SourceError
from mijnservices.integration.zgw.models import API_FIELDS, ZgwSource
from mijnservices.integration.zgw.sources import (
    zgw_source_add,
    zgw_source_check,
    zgw_source_remove,
    zgw_source_subscribe,
)
from mijnservices.integration.zgw.sync import reader_for


class Command(BaseCommand):
    help = "Manage external ZGW sources (an existing Open Zaak): add, list, check, remove."

    def add_arguments(self, parser: CommandParser) -> None:
        sub = parser.add_subparsers(dest="action", required=True)
        add = sub.add_parser("add", help="Register a source, check it and import its catalogue.")
        add.add_argument("naam")
        for api in API_FIELDS:
            add.add_argument(f"--{api}", default="", required=api in ("zaken", "catalogi"))
        add.add_argument("--client-id", required=True)
        add.add_argument("--secret", required=True)
        add.add_argument(
            "--zaaktype",
            action="append",
            default=[],
            help="Identificatie of a zaaktype to show (repeat); none: all.",
        )
        add.add_argument("--no-import", action="store_true", help="Skip the catalogue import.")
        sub.add_parser("list", help="The sources, without their secrets.")
        check = sub.add_parser("check", help="Call each API of a source and say what works.")
        check.add_argument("naam")
        remove = sub.add_parser("remove", help="Remove a source and what was projected from it.")
        remove.add_argument("naam")

    def handle(self, *args: Any, **options: Any) -> None:
        action = options["action"]
        if action == "list":
            self._list()
            return
        if action == "add":
            self._add(options)
            return
        source = ZgwSource.objects.filter(naam=options["naam"]).first()
        if source is None:
            raise CommandError(f"No source named {options['naam']!r}.")
        if action == "check":
            if not self._check(source):
                raise CommandError("Not everything works; see above.")
        elif action == "remove":
            self._unsubscribe(source)
            removed = zgw_source_remove(source=source)
            self.stdout.write(f"Removed {source.naam} and {removed} projected zaken.")

    def _add(self, options: dict[str, Any]) -> None:
        try:
            source = zgw_source_add(
                naam=options["naam"],
                client_id=options["client_id"],
                secret=options["secret"],
                zaaktypen=options["zaaktype"],
                **{field: options[api] for api, field in API_FIELDS.items()},
            )
        except DomainError as exc:
            raise CommandError(str(exc)) from exc
        self.stdout.write(f"Added {source.naam}.")
        works = self._check(source)
        if options["no_import"] or not works:
            return
        try:
            imported = catalogue_import(source=source, reader=reader_for(source))
        except SourceError as exc:
            raise CommandError(f"The catalogue could not be imported: {exc}") from exc
        self.stdout.write(f"Imported {len(imported)} zaaktypen.")

    def _check(self, source: ZgwSource) -> bool:
        lines = zgw_source_check(source=source, reader=reader_for(source))
        if source.notificaties_api and all(line.ok for line in lines):
            lines.append(zgw_source_subscribe(source=source, reader=reader_for(source)))
        for line in lines:
            mark = "ok  " if line.ok else "FAIL"
            self.stdout.write(f"{mark} {line.api}: {line.message}")
        return all(line.ok for line in lines)

    def _unsubscribe(self, source: ZgwSource) -> None:
        if not source.abonnement_url:
            return
        try:
            abonnement_delete(source=source, reader=reader_for(source))
        except SourceError as exc:
            self.stderr.write(f"The abonnement at the source could not be deleted: {exc}")
        else:
            self.stdout.write("Deleted the abonnement at the source.")

    def _list(self) -> None:
        for source in ZgwSource.objects.order_by("naam"):
            roots = ", ".join(f"{api}={root}" for api, root in source.roots().items())
            state = "active" if source.actief else "inactive"
            synced = source.last_synced.isoformat() if source.last_synced else "never"
            self.stdout.write(
                f"{source.naam} ({state}; client id {source.client_id}; last synced {synced})"
                f"\n    {roots}"
            )
            if source.last_error:
                self.stdout.write(f"    last error: {source.last_error}")
