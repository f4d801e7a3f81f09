"""The worker sends notifications. A batch is claimed under a lease (``FOR UPDATE SKIP
LOCKED`` on PostgreSQL, so several workers never take the same one), each message's outcome
is committed right after the provider answered (a killed worker resends at most the message in
flight, with the same Message-ID / reference), temporary failures are retried with backoff over
more than 24 hours, and a final status registers a klantcontact on the person's timeline."""

from __future__ import annotations

from datetime import datetime, timedelta
from typing import Any

import structlog
from django.conf import settings
from django.db import connection, transaction
from django.db.models import Q
from django.utils import timezone

from mijnservices.core.identity import Party
from mijnservices.registrations.klantinteracties.services_bulk import (
    ContactToRegister,
    klantcontacten_register_bulk,
)
from mijnservices.services.notifications.channels import (
    Channel,
    PermanentFailure,
    TemporaryFailure,
    channel_for,
)
from mijnservices.services.notifications.models import FINAL, Kanaal, Notification, Status
from mijnservices.services.notifications.services import fallback_create, signal_store

logger = structlog.get_logger(__name__)

# Seconds to wait after each temporary failure: together more than 24 hours.
BACKOFF_SECONDS = (10, 30, 60, 300, 900, 1800, 3600, 7200, 14400, 28800, 28800, 28800)
KANAAL_LABEL = {Kanaal.EMAIL: "e-mail", Kanaal.SMS: "sms"}


def _party(notification: Notification) -> Party:
    if notification.party_kind == "kvk":
        return Party(
            kind="kvk",
            identifier=notification.party_identifier,
            vestiging=notification.party_vestiging,
        )
    return Party(kind="bsn", identifier=notification.party_identifier)


def _claim(now: datetime, size: int) -> list[Notification]:
    pending = Notification.objects.filter(
        Q(status__in=[Status.CREATED, Status.TEMPORARY_FAILURE], next_attempt_at__lte=now)
        # A worker died while sending: its lease ran out without an answer recorded.
        | Q(status=Status.SENDING, provider_reference="", lease_until__lt=now)
    )
    if not pending.exists():
        return []  # a plain read first: no write transaction (SQLite: no write lock) when idle
    with transaction.atomic():
        due = pending.order_by("next_attempt_at")
        if connection.features.has_select_for_update_skip_locked:
            due = due.select_for_update(skip_locked=True)
        claimed = list(due[:size])
        if claimed:
            Notification.objects.filter(pk__in=[n.pk for n in claimed]).update(
                status=Status.SENDING,
                lease_until=now + timedelta(seconds=settings.NOTIFICATIONS_LEASE_SECONDS),
            )
    return claimed


def final_record(notification: Notification, status: str, *, error: str = "") -> None:
    """A final status: record it; after a permanent failure try the next channel and tell the
    KCC. The klantcontact on the timeline follows in ``klantcontacten_register_due`` (off the
    sending path). Idempotent."""
    with transaction.atomic():
        changed = (
            Notification.objects.filter(pk=notification.pk)
            .exclude(status__in=FINAL)
            .update(
                status=status, completed_at=timezone.now(), last_error=error[:300], lease_until=None
            )
        )
        if changed and status in (Status.PERMANENT_FAILURE, Status.TECHNICAL_FAILURE):
            locked = Notification.objects.get(pk=notification.pk)
            signal_store(
                _party(locked),
                f"A {KANAAL_LABEL[Kanaal(locked.kanaal)]} could not be delivered ({status}).",
                kanaal=locked.kanaal,
                adres=locked.adres,
            )
            fallback_create(locked)


def _contact(notification: Notification) -> ContactToRegister:
    zaak_url = ""
    if notification.zaak_uuid:
        from mijnservices.core.resources import resource_path

        zaak_url = settings.SITE_URL.rstrip("/") + resource_path(
            "zaken", "zaken", notification.zaak_uuid
        )
    return ContactToRegister(
        party=_party(notification),
        kanaal=KANAAL_LABEL[Kanaal(notification.kanaal)],
        onderwerp=notification.onderwerp or notification.tekst[:60],
        inhoud=notification.tekst,
        plaatsgevonden_op=notification.sent_at or notification.completed_at or timezone.now(),
        zaak_url=zaak_url,
        indicatie_contact_gelukt=notification.status == Status.DELIVERED,
        taal="eng" if notification.taal == "en" else "nld",
    )


def klantcontacten_register_due(*, limit: int = 200) -> int:
    """The worker step: every notification with a final status becomes a klantcontact on the
    person's timeline ("we sent you an e-mail on …"), once: the flag changes in the same
    transaction as the klantcontacten (rows claimed with SKIP LOCKED on PostgreSQL)."""
    pending = Notification.objects.filter(status__in=FINAL, klantcontact_registered=False)
    if not pending.exists():
        return 0
    with transaction.atomic():
        due = pending.order_by("completed_at")
        if connection.features.has_select_for_update_skip_locked:
            due = due.select_for_update(skip_locked=True)
        claimed = list(due[:limit])
        klantcontacten_register_bulk(
            contacts=[_contact(n) for n in claimed], actor_naam="Notificatieservice"
        )
        if claimed:
            Notification.objects.filter(pk__in=[n.pk for n in claimed]).update(
                klantcontact_registered=True
            )
    return len(claimed)


def _send_one(notification: Notification, channel: Channel | None) -> None:
    attempt = notification.attempts + 1
    if channel is None:
        Notification.objects.filter(pk=notification.pk).update(attempts=attempt)
        final_record(notification, Status.PERMANENT_FAILURE, error="No channel is configured.")
        return
    try:
        reference = channel.send(notification)
    except PermanentFailure as exc:
        Notification.objects.filter(pk=notification.pk).update(
            attempts=attempt, provider=channel.provider
        )
        final_record(notification, Status.PERMANENT_FAILURE, error=str(exc))
        return
    except TemporaryFailure as exc:
        if attempt > len(BACKOFF_SECONDS):
            Notification.objects.filter(pk=notification.pk).update(attempts=attempt)
            final_record(notification, Status.TECHNICAL_FAILURE, error=str(exc))
            return
        Notification.objects.filter(pk=notification.pk).update(
            status=Status.TEMPORARY_FAILURE,
            attempts=attempt,
            next_attempt_at=timezone.now() + timedelta(seconds=BACKOFF_SECONDS[attempt - 1]),
            lease_until=None,
            last_error=str(exc)[:300],
            provider=channel.provider,
        )
        return
    sent = timezone.now()
    outcome: dict[str, Any] = {
        "attempts": attempt,
        "provider": channel.provider,
        "provider_reference": reference[:100],
        "sent_at": sent,
    }
    notification.sent_at = sent
    if channel.final_on_accept:
        # Accepted is delivered (SMTP): the final status in the same single UPDATE.
        outcome.update(status=Status.DELIVERED, completed_at=sent, last_error="", lease_until=None)
        Notification.objects.filter(pk=notification.pk).exclude(status__in=FINAL).update(**outcome)
    else:
        Notification.objects.filter(pk=notification.pk).update(**outcome)


def notifications_send_due(*, now: datetime | None = None, size: int | None = None) -> int:
    """The worker step: send what is due; returns how many were handled."""
    claimed = _claim(now or timezone.now(), size or int(settings.NOTIFICATIONS_BATCH_SIZE))
    channels: dict[str, Channel | None] = {}
    try:
        for notification in claimed:
            if notification.kanaal not in channels:
                channels[notification.kanaal] = channel_for(notification.kanaal)
            _send_one(notification, channels[notification.kanaal])
    finally:
        for channel in channels.values():
            if channel is not None:
                channel.close()
    if claimed:
        logger.info("notifications_sent", count=len(claimed))
    return len(claimed)


def callback_record(*, provider_id: str, reference: str, status: str) -> bool:
    """A Notify delivery-status callback: the final status of a message it accepted."""
    notification = Notification.objects.filter(
        Q(provider_reference=provider_id) | Q(uuid=reference if _is_uuid(reference) else None)
    ).first()
    if notification is None:
        return False
    mapped = {
        "delivered": Status.DELIVERED,
        "permanent-failure": Status.PERMANENT_FAILURE,
        "temporary-failure": Status.TECHNICAL_FAILURE,  # Notify has stopped retrying
        "technical-failure": Status.TECHNICAL_FAILURE,
    }.get(status)
    if mapped is None:
        return True  # an intermediate status: nothing to record
    final_record(
        notification, mapped, error="" if mapped == Status.DELIVERED else f"Notify: {status}"
    )
    return True


def _is_uuid(value: str) -> bool:
    import uuid

    try:
        uuid.UUID(value)
    except (ValueError, TypeError):
        return False
    return True
