from __future__ import annotations

import time
import warnings
from typing import Any

import jwt
from django.conf import settings
from django.core.exceptions import ImproperlyConfigured
from django.core.management.base import BaseCommand, CommandError

from mijnservices.registrations.autorisaties.demo import (
    DEMO_CLIENT_ID,
    DEMO_SECRET,
    ensure_demo_client,
)


class Command(BaseCommand):
    help = "Create the demo ZGW API client (demo-client / demo-secret, all rights). DEMO_MODE only."

    def handle(self, *args: Any, **options: Any) -> None:
        try:
            ensure_demo_client()
        except ImproperlyConfigured as exc:
            raise CommandError(str(exc)) from exc
        token = _demo_token()
        base = settings.SITE_URL.rstrip("/")
        self.stdout.write(
            f"Demo ZGW API client: client_id={DEMO_CLIENT_ID} secret={DEMO_SECRET} (all rights).\n"
            f"A token valid for {settings.JWT_EXPIRY // 60} minutes (make your own: HS256 JWT "
            f"with iss, client_id and iat, signed with the secret):\n"
            f'  curl -H "Authorization: Bearer {token}" {base}/catalogi/api/v1/zaaktypen'
        )


def _demo_token() -> str:
    with warnings.catch_warnings():
        warnings.simplefilter("ignore")  # the demo secret is shorter than HS256 advises
        return jwt.encode(
            {"iss": DEMO_CLIENT_ID, "client_id": DEMO_CLIENT_ID, "iat": int(time.time())},
            DEMO_SECRET,
            algorithm="HS256",
        )
