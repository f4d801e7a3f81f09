"""``mijnservices admin-beheerder USERNAME``: let an existing account use the admin.

The admin opens only for a staff user with the role *beheerder* who logged in with password
and TOTP at ``/medewerker/`` (decision 0027). The first such account cannot be made in the
admin itself; this command makes it (``createsuperuser`` first, then this; the first login
enrols the authenticator app).
"""

from __future__ import annotations

from typing import Any

from django.contrib.auth import get_user_model
from django.core.management.base import BaseCommand, CommandError, CommandParser
from django.db import transaction

from mijnservices.services.access.models import EmployeeRole, Role


class Command(BaseCommand):
    help = "Give an existing user staff status and the beheerder role (admin access)."

    def add_arguments(self, parser: CommandParser) -> None:
        parser.add_argument("username")

    @transaction.atomic
    def handle(self, *args: Any, username: str, **options: Any) -> None:
        user = get_user_model().objects.filter(username=username).first()
        if user is None:
            raise CommandError(f"No user {username!r}: create it first (createsuperuser).")
        user.is_staff = True
        user.save(update_fields=["is_staff"])
        EmployeeRole.objects.get_or_create(user=user, role=Role.BEHEERDER)
        self.stdout.write(
            self.style.SUCCESS(
                f"{username} may use the admin after logging in at /medewerker/inloggen/ "
                "with password and authenticator code."
            )
        )
