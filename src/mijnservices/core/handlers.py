"""Built-in outbox consumers. Later consumers (notification delivery) register likewise."""

from __future__ import annotations

import structlog

from mijnservices.core.models import OutboxEvent

logger = structlog.get_logger("mijnservices.events")


def log_event(event: OutboxEvent) -> None:
    """Audit log line per event: ids and kinds only, never personal data."""
    logger.info(
        "event",
        event_id=str(event.id),
        kanaal=event.kanaal,
        resource=event.resource,
        actie=event.actie,
        hoofd_object=event.hoofd_object,
    )
