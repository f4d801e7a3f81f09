"""Notificaties from an external Notificaties API (e.g. a municipality's own Open Zaak): the
worker re-reads the zaak the notificatie concerns from the linked ZGW source and projects it
into our tables (decision 0029). A new status there becomes a local status with the usual
outbox event, so the citizen is notified as for our own zaken, with a link to the zaak's page.

Only the source's configured API roots are read (``integration.zgw.client``): a notificatie
whose ``hoofdObject`` points anywhere else is refused without any call."""

from __future__ import annotations

import secrets
from datetime import timedelta
from typing import Any

import structlog
from django.conf import settings
from django.urls import reverse
from django.utils import timezone

from mijnservices.core.delivery.retry import RetryPolicy
from mijnservices.integration.zgw.abonnement import Webhook
from mijnservices.integration.zgw.client import SourceError
from mijnservices.integration.zgw.models import ZgwSource
from mijnservices.integration.zgw.sync import zaak_refresh
from mijnservices.services.notifications.models import ExternalSource, ReceivedNotificatie

logger = structlog.get_logger(__name__)


class ExternalReadFailed(Exception):
    """The source could not be read now; the notificatie is retried with backoff."""


class NoSourceLinked(Exception):
    """The sender has no ZGW source to read: nothing can be done with its notificaties."""


def _plan(received: ReceivedNotificatie) -> None:
    """Refresh the zaak the notificatie concerns (HTTP outside any transaction; the
    projection writes in its own)."""
    body = received.body
    if body.get("kanaal") != "zaken":
        return
    source = received.source.zgw_source
    if source is None or not source.actief:
        raise NoSourceLinked("No active ZGW source is linked to this sender.")
    try:
        zaak_refresh(source=source, url=str(body["hoofdObject"]))
    except SourceError as exc:
        raise ExternalReadFailed(str(exc)) from exc


def zgw_source_webhook(source: ZgwSource) -> Webhook:
    """Our webhook for an abonnement at ``source``'s Notificaties API: the sender linked to
    the source (made once, with a random Authorization value the source must send)."""
    sender = ExternalSource.objects.filter(zgw_source=source, actief=True).first()
    if sender is None:
        sender = ExternalSource.objects.create(
            naam=f"ZGW source {source.naam}"[:100],
            authorization=f"Token {secrets.token_urlsafe(32)}",
            zgw_source=source,
        )
    callback = settings.SITE_URL.rstrip("/") + reverse("notificatieservice:zgw_webhook")
    return Webhook(callback_url=callback, authorization=sender.authorization)


def retry_policy() -> RetryPolicy:
    """10 s, doubling, capped at 8 hours; failed after ``NOTIFICATIONS_RETRY_WINDOW``."""
    return RetryPolicy(base=10, cap=28800, window=settings.NOTIFICATIONS_RETRY_WINDOW, jitter=False)


def external_process_due(*, limit: int = 20) -> int:
    """The worker step: handle received notificaties (claimed under a lease of
    ``NOTIFICATIONS_LEASE_SECONDS``); a source that cannot be read now is retried with the
    engine's backoff for ``NOTIFICATIONS_RETRY_WINDOW``, then the notificatie is marked failed."""
    now = timezone.now()
    due = list(
        ReceivedNotificatie.objects.select_related("source__zgw_source")
        .filter(processed_at__isnull=True, failed=False, next_attempt_at__lte=now)
        .order_by("next_attempt_at")[:limit]
    )
    for received in due:
        claimed = ReceivedNotificatie.objects.filter(
            pk=received.pk, next_attempt_at=received.next_attempt_at, processed_at__isnull=True
        ).update(
            next_attempt_at=now + timedelta(seconds=settings.NOTIFICATIONS_LEASE_SECONDS),
            attempts=received.attempts + 1,
        )
        if not claimed:
            continue  # another worker has it
        try:
            _plan(received)
        except NoSourceLinked as exc:
            ReceivedNotificatie.objects.filter(pk=received.pk).update(
                failed=True, last_error=str(exc)
            )
            continue
        except (ExternalReadFailed, KeyError, ValueError) as exc:
            logger.info("external_notificatie_retry", source=received.source_id, error=str(exc))
            attempt = received.attempts + 1
            fields: dict[str, Any] = {"last_error": str(exc)[:300]}
            policy = retry_policy()
            if policy.exhausted(attempts=attempt, first_attempt_at=received.received_at, now=now):
                fields["failed"] = True
            else:
                fields["next_attempt_at"] = now + policy.delay(attempt)
            ReceivedNotificatie.objects.filter(pk=received.pk).update(**fields)
            continue
        ReceivedNotificatie.objects.filter(pk=received.pk, processed_at__isnull=True).update(
            processed_at=timezone.now()
        )
    return len(due)
