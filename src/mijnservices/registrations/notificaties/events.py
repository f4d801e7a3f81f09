"""The outbox handler: every recorded change becomes a ZGW notificatie with absolute URLs.

It runs inside the worker's transaction for the outbox event, so the notificatie and its
deliveries exist if and only if the event is marked processed.
"""

from __future__ import annotations

import re
from typing import Any

import structlog
from django.conf import settings

from mijnservices.core.models import OutboxEvent
from mijnservices.core.resources import API_MOUNTS
from mijnservices.registrations.notificaties.services import (
    NotificatieToPublish,
    notificaties_publish,
)

logger = structlog.get_logger(__name__)

MOUNTS = {**API_MOUNTS, "autorisaties": "/autorisaties/api/v1"}
# ZGW resource name → (API, collection), to turn "zaaktype:<uuid>" or a bare uuid into a path.
RESOURCES: dict[str, tuple[str, str]] = {
    "catalogus": ("catalogi", "catalogussen"),
    "zaaktype": ("catalogi", "zaaktypen"),
    "statustype": ("catalogi", "statustypen"),
    "resultaattype": ("catalogi", "resultaattypen"),
    "roltype": ("catalogi", "roltypen"),
    "eigenschap": ("catalogi", "eigenschappen"),
    "informatieobjecttype": ("catalogi", "informatieobjecttypen"),
    "besluittype": ("catalogi", "besluittypen"),
    "zaak": ("zaken", "zaken"),
    "status": ("zaken", "statussen"),
    "rol": ("zaken", "rollen"),
    "resultaat": ("zaken", "resultaten"),
    "zaakinformatieobject": ("zaken", "zaakinformatieobjecten"),
    "enkelvoudiginformatieobject": ("documenten", "enkelvoudiginformatieobjecten"),
    "besluit": ("besluiten", "besluiten"),
    "applicatie": ("autorisaties", "applicaties"),
}
UUID_RE = re.compile(r"^[0-9a-fA-F-]{36}$")


def absolute_url(value: str, *, resource: str | None = None) -> str:
    """An absolute URL for a resource reference as services record it.

    Accepts an absolute URL, an API path (``/zaken/api/v1/zaken/<uuid>``), a typed key
    (``zaaktype:<uuid>``) or a bare uuid of ``resource``.
    """
    if value.startswith(("http://", "https://")):
        return value
    base = settings.SITE_URL.rstrip("/")
    if value.startswith("/"):
        return base + value
    noun, _, key = value.rpartition(":")
    noun = noun or (resource or "")
    if noun in RESOURCES and UUID_RE.match(key):
        api, collection = RESOURCES[noun]
        return f"{base}{MOUNTS[api]}/{collection}/{key}"
    # Not a shape we know: still publish (losing the notificatie is worse), but say so.
    logger.warning("notificatie_reference_not_an_api_path", reference=value, resource=resource)
    return f"{base}/{value.lstrip('/')}"


def kenmerken_absolute(kenmerken: dict[str, Any]) -> dict[str, str]:
    """Kenmerken that refer to a resource (zaaktype, catalogus, …) become absolute URLs; a
    plain value under such a name (a taak's ``status: open``) stays as it is."""
    return {
        key: absolute_url(str(value), resource=key)
        if key in RESOURCES and _reference(str(value))
        else str(value)
        for key, value in kenmerken.items()
    }


def _reference(value: str) -> bool:
    return "/" in value or ":" in value or bool(UUID_RE.match(value))


def _to_publish(event: OutboxEvent) -> NotificatieToPublish:
    return NotificatieToPublish(
        id=event.id,
        kanaal=event.kanaal,
        hoofd_object=absolute_url(event.hoofd_object),
        resource=event.resource,
        resource_url=absolute_url(event.resource_id, resource=event.resource),
        actie=event.actie,
        aanmaakdatum=event.created_at,
        kenmerken=kenmerken_absolute(event.kenmerken),
        order_key=event.hoofd_object,
    )


def _ours(event: OutboxEvent) -> bool:
    """False for a change to a projection of an external source's object (decision 0029):
    the source publishes it to its own subscribers, and our URLs for it are not served."""
    return not (event.payload or {}).get("bron")


def notificatie_from_event(event: OutboxEvent) -> None:
    if _ours(event):
        notificaties_publish([_to_publish(event)])


def notificaties_from_events(events: list[OutboxEvent]) -> None:
    """The same for a batch of events, in three queries."""
    notificaties_publish([_to_publish(event) for event in events if _ours(event)])
