"""``mijnservices demo-employees``: demo employees for each role (demo mode only)."""

from __future__ import annotations

import base64
from typing import Any

from django.conf import settings
from django.contrib.auth import get_user_model
from django.core.management.base import BaseCommand, CommandError
from django.db import transaction
from django_otp.plugins.otp_totp.models import TOTPDevice

from mijnservices.services.access.models import EmployeeRole, ZaaktypeSetting

# Known on purpose: this is a demonstration. Never used outside DEMO_MODE.
DEMO_PASSWORD = "demo-medewerker"  # noqa: S105 (demo-only, printed by make demo)
DEMO_TOTP_KEY = "6d696a6e73657276696365732d64656d6f2d3031"  # 20 bytes, hex
DEMO_EMPLOYEES: list[tuple[str, str, list[str]]] = [
    ("demo-kcc", "kcc", []),
    ("demo-behandelaar", "behandelaar", ["WOZ-BEZWAAR", "IIT", "SUBSIDIE-GELUIDSANERING"]),
    ("demo-beheerder", "beheerder", []),
    ("demo-auditor", "auditor", []),
    ("demo-manager", "manager", []),
]
# Zaaktypen of the demo catalogus the KCC may see at status level; IIT is social domain.
DEMO_RELEASES = {
    "WOZ-BEZWAAR": False,
    "IIT": True,
    "SUBSIDIE-GELUIDSANERING": False,
    "KLACHT": False,
}


class Command(BaseCommand):
    help = (
        "Create labelled demo employees (KCC, behandelaar, beheerder, auditor, manager). "
        "Demo mode only."
    )

    @transaction.atomic
    def handle(self, *args: Any, **options: Any) -> None:
        if not settings.DEMO_MODE:
            raise CommandError("Demo employees exist only in demo mode: set DEMO_MODE=true.")
        users = get_user_model().objects
        for username, role, zaaktypen in DEMO_EMPLOYEES:
            user = users.filter(username=username).first()
            if user is None:
                user = users.create_user(
                    username=username,
                    password=DEMO_PASSWORD,
                    first_name="DEMO",
                    is_staff=role == "beheerder",
                    is_superuser=role == "beheerder",
                )
            EmployeeRole.objects.update_or_create(
                user=user, role=role, defaults={"zaaktype_identificaties": zaaktypen}
            )
            TOTPDevice.objects.update_or_create(
                user=user,
                name="demo",
                defaults={"key": DEMO_TOTP_KEY, "confirmed": True},
            )
        for identificatie, social in DEMO_RELEASES.items():
            ZaaktypeSetting.objects.update_or_create(
                zaaktype_identificatie=identificatie,
                defaults={"released_for_kcc": True, "social_domain": social},
            )
        secret = base64.b32encode(bytes.fromhex(DEMO_TOTP_KEY)).decode()
        self.stdout.write("Demo employees (DEMO only) at /medewerker/inloggen/:")
        for username, role, _ in DEMO_EMPLOYEES:
            self.stdout.write(f"  {username:<18} role {role:<12} password {DEMO_PASSWORD}")
        self.stdout.write(f"  Two-step login: add this key to an authenticator app: {secret}")
        self.stdout.write("  (or run: mijnservices demo-employees-code)")
        self.stdout.write(self.style.SUCCESS("Demo employees ready."))
