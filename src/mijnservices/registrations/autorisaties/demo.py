"""The demo API client: ``demo-client`` / ``demo-secret`` with all rights, demo mode only."""

from __future__ import annotations

from django.conf import settings
from django.core.exceptions import ImproperlyConfigured
from django.db import transaction

from mijnservices.registrations.autorisaties import services
from mijnservices.registrations.autorisaties.models import Applicatie, ClientCredential

DEMO_CLIENT_ID = "demo-client"
DEMO_SECRET = "demo-secret"  # noqa: S105 - public on purpose: demo mode only
DEMO_LABEL = "Demo API client (demo mode only)"


@transaction.atomic
def ensure_demo_client() -> Applicatie:
    """Create or repair the demo applicatie. Refused outside ``DEMO_MODE``."""
    if not settings.DEMO_MODE:
        raise ImproperlyConfigured(
            "The demo API client (demo-client/demo-secret) exists only in DEMO_MODE."
        )
    credential = ClientCredential.objects.filter(client_id=DEMO_CLIENT_ID).first()
    if credential is None or credential.applicatie is None:
        applicatie = services.applicatie_create(
            label=DEMO_LABEL, client_ids=[DEMO_CLIENT_ID], heeft_alle_autorisaties=True
        )
    else:
        applicatie = services.applicatie_update(
            applicatie=credential.applicatie, heeft_alle_autorisaties=True, autorisaties=[]
        )
    services.client_secret_set(client_id=DEMO_CLIENT_ID, secret=DEMO_SECRET)
    return applicatie
