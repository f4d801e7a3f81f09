"""``mijnservices api-client``: provision ZGW API clients as Open Zaak does, with the
credentials (client id + secret) apart from the authorisations (the applicatie).

  mijnservices api-client secret CLIENT_ID --secret S
      register (or replace) the secret of a client id, with or without an applicatie;
  mijnservices api-client create CLIENT_ID --all-rights | --scope COMPONENT:SCOPE ...
      create an applicatie for the client id (typed rights come through the API or admin).
"""

from __future__ import annotations

import secrets
from typing import Any

from django.core.management.base import BaseCommand, CommandError, CommandParser

from mijnservices.core.errors import DomainError
from mijnservices.registrations.autorisaties import services
from mijnservices.registrations.autorisaties.models import Component
from mijnservices.registrations.autorisaties.services import AutorisatieData


class Command(BaseCommand):
    help = "Register a ZGW API client's secret, or create an applicatie for a client id."

    def add_arguments(self, parser: CommandParser) -> None:
        actions = parser.add_subparsers(dest="action", required=True)
        secret = actions.add_parser("secret", help="Register the secret of a client id.")
        secret.add_argument("client_id")
        secret.add_argument(
            "--secret", default="", help="The HS256 secret; a random one is printed if absent."
        )
        create = actions.add_parser("create", help="Create an applicatie for a client id.")
        create.add_argument("client_id")
        create.add_argument("--label", default="", help="Defaults to the client id.")
        create.add_argument("--all-rights", action="store_true", help="heeftAlleAutorisaties.")
        create.add_argument(
            "--scope",
            action="append",
            default=[],
            metavar="COMPONENT:SCOPE",
            help="A scope on a component without types, e.g. ztc:catalogi.lezen (repeatable).",
        )
        create.add_argument("--secret", default="", help="Also register this secret.")

    def handle(self, *args: Any, **options: Any) -> None:
        try:
            if options["action"] == "secret":
                self._secret(options["client_id"], options["secret"])
            else:
                self._create(options)
        except DomainError as exc:
            raise CommandError(f"{exc.code}: {exc.message}") from exc

    def _secret(self, client_id: str, secret: str) -> None:
        chosen = secret or secrets.token_urlsafe(32)
        credential = services.client_secret_set(client_id=client_id, secret=chosen)
        state = "with applicatie" if credential.applicatie_id else "no applicatie yet"
        self.stdout.write(f"Secret registered for {client_id} ({state}).")
        if not secret:
            self.stdout.write(f"secret={chosen}")

    def _create(self, options: dict[str, Any]) -> None:
        client_id = options["client_id"]
        applicatie = services.applicatie_create(
            label=options["label"] or client_id,
            client_ids=[client_id],
            heeft_alle_autorisaties=options["all_rights"],
            autorisaties=_autorisaties(options["scope"]),
        )
        self.stdout.write(f"Applicatie {applicatie.uuid} created for {client_id}.")
        if options["secret"]:
            self._secret(client_id, options["secret"])


def _autorisaties(specs: list[str]) -> list[AutorisatieData]:
    by_component: dict[str, list[str]] = {}
    for spec in specs:
        component, _, scope = spec.partition(":")
        if component not in Component.values or not scope:
            raise CommandError(f"Give COMPONENT:SCOPE with a known component, not {spec!r}.")
        by_component.setdefault(component, []).append(scope)
    return [
        AutorisatieData(component=component, scopes=scopes)
        for component, scopes in by_component.items()
    ]
