"""``mijnservices demo-employees-code``: the current two-step code of the demo employees."""

from __future__ import annotations

from typing import Any

from django.conf import settings
from django.core.management.base import BaseCommand, CommandError
from django_otp.oath import totp

from mijnservices.kcc.management.commands.demo_employees import DEMO_TOTP_KEY


class Command(BaseCommand):
    help = "Print the demo employees' current TOTP code (demo mode only)."

    def handle(self, *args: Any, **options: Any) -> None:
        if not settings.DEMO_MODE:
            raise CommandError("Only in demo mode: set DEMO_MODE=true.")
        self.stdout.write(f"{totp(bytes.fromhex(DEMO_TOTP_KEY)):06d}")
