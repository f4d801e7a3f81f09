"""Log events of what a citizen or representative did, with both identities, never a BSN.

A representative acts for someone else: every event names the person who acted and the
party they acted for. Both appear as pseudonyms: a keyed hash of the identifier, stable
across events (so an investigator can follow one person) but useless without the key.
"""

from __future__ import annotations

import hashlib
import hmac
from typing import Any

import structlog
from django.conf import settings

from mijnservices.core.identity import Citizen, Party

logger = structlog.get_logger("mijnservices.portal")


def pseudonym(party: Party) -> str:
    """A stable, keyed pseudonym for a person or business (HMAC-SHA256, 16 hex digits)."""
    message = f"{party.kind}:{party.identifier}:{party.vestiging}".encode()
    digest = hmac.new(settings.SECRET_KEY.encode(), message, hashlib.sha256).hexdigest()
    return f"{party.kind}-{digest[:16]}"


def identities(citizen: Citizen) -> dict[str, Any]:
    """Who acted and for whom, as pseudonyms plus the kind of machtiging."""
    return {
        "actor": pseudonym(citizen.actor),
        "party": pseudonym(citizen.party),
        "on_behalf": citizen.acts_on_behalf,
        "mandate": citizen.mandate,
        "auth_method": citizen.auth_method,
    }


def record(event: str, citizen: Citizen, **fields: Any) -> None:
    """Log ``event`` for ``citizen`` with both identities; ``fields`` must hold no personal data."""
    logger.info(event, **identities(citizen), **fields)
