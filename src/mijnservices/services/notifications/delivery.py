"""The worker sends notifications on the delivery engine (``core/delivery``, decision 0032).

- **Claims with fencing**: a batch is claimed under a lease (``NOTIFICATIONS_LEASE_SECONDS``)
  with a token; right before each send the worker checks that the lease still covers the
  send (and renews it when it runs short), and each outcome is committed on its own right after
  the provider answered, only while the token matches. A killed worker resends at most the
  message in flight, with the same Message-ID / reference.
- **Order per stream** (a person x zaak x channel): a notification is claimed only when every
  earlier one of its stream is final or claimed with it; they are sent in the order planned.
- **Breaker per destination** (the SMTP server, the Notify API): a temporary failure releases
  the message at once and counts against the destination; once it is paused nothing is
  attempted until a probe succeeds, and then everything waiting goes out at once, in order.
  After ``NOTIFICATIONS_RETRY_WINDOW`` a message still not sent ends as technical-failure.
- A final status registers a klantcontact on the person's timeline (a step of its own).
"""

from __future__ import annotations

from datetime import datetime
from typing import Any

import structlog
from django.conf import settings
from django.db import transaction
from django.db.models import Case, Q, Value, When
from django.utils import timezone

from mijnservices.core.delivery import breaker
from mijnservices.core.delivery.claims import Lease, claims_serialise, lock_due
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
    destination_for,
    send_timeout,
)
from mijnservices.services.notifications.models import FINAL, Kanaal, Notification, Status
from mijnservices.services.notifications.services import fallback_create, signal_store

logger = structlog.get_logger(__name__)

KANAAL_LABEL = {Kanaal.EMAIL: "e-mail", Kanaal.SMS: "sms"}


def _party(notification: Notification) -> Party:
    if notification.party_kind == "kvk":
        return Party(
            kind="kvk",
            identifier=notification.party_identifier,
            vestiging=notification.party_vestiging,
        )
    return Party(kind="bsn", identifier=notification.party_identifier)


def _due(now: datetime) -> Q:
    return Q(status__in=[Status.CREATED, Status.TEMPORARY_FAILURE], next_attempt_at__lte=now) | Q(
        # A worker died while sending: its lease ran out without an answer recorded.
        status=Status.SENDING,
        provider_reference="",
        lease_until__lt=now,
    )


def _stream(n: Notification) -> tuple[str, str, str, str]:
    return (n.party_kind, n.party_identifier, n.zaak_uuid, n.kanaal)


def _claimable(now: datetime, kanalen: list[str], size: int) -> list[Notification]:
    """The first ``size`` due notifications whose earlier ones in the stream are final or due
    themselves (then they come first in this claim: the order is the stream's order). Two
    queries: the due ones in order, then what still blocks their streams."""
    due = list(
        lock_due(
            Notification.objects.filter(_due(now), kanaal__in=kanalen).order_by("created_at", "id")
        )[:size]
    )
    if not due:
        return []
    waiting = (
        Notification.objects.filter(
            party_identifier__in={n.party_identifier for n in due},
            zaak_uuid__in={n.zaak_uuid for n in due},
            created_at__lte=max(n.created_at for n in due),
        )
        .exclude(status__in=FINAL)
        .exclude(_due(now))
        # Handed to Notify, waiting for its callback: that one is out already.
        .exclude(Q(status=Status.SENDING) & ~Q(provider_reference=""))
    )
    first_waiting: dict[tuple[str, str, str, str], tuple[datetime, int]] = {}
    for row in waiting.only("party_kind", "party_identifier", "zaak_uuid", "kanaal", "created_at"):
        key, position = _stream(row), (row.created_at, row.pk)
        if key not in first_waiting or position < first_waiting[key]:
            first_waiting[key] = position
    return [
        n
        for n in due
        if _stream(n) not in first_waiting or (n.created_at, n.pk) < first_waiting[_stream(n)]
    ]


def _claim(now: datetime, size: int) -> tuple[list[Notification], Lease | None]:
    paused = breaker.paused(now=now)
    kanalen: list[str] = []
    probes: list[str] = []
    for kanaal in Kanaal.values:
        key = destination_for(kanaal)
        if key is None or key not in paused:
            kanalen.append(kanaal)
        elif paused[key]:
            probes.append(kanaal)
    pending = Notification.objects.filter(_due(now), kanaal__in=kanalen + probes)
    if not pending.exists():
        # A plain read first: no write transaction (SQLite: no write lock) when idle or when
        # every destination with work is paused.
        return [], None
    probes = [k for k in probes if breaker.probe_take(str(destination_for(k)), now=now)]
    # The lease always outlasts one send, so the fencing check before each send can pass.
    lease = Lease(max(settings.NOTIFICATIONS_LEASE_SECONDS, send_timeout() + 2))
    with transaction.atomic():
        claims_serialise("citizen-notifications")
        claimed = _claimable(now, kanalen, size) if kanalen else []
        for kanaal in probes:  # one message tries whether it is back
            claimed += _claimable(now, [kanaal], 1)
        if claimed:
            Notification.objects.filter(pk__in=[n.pk for n in claimed]).update(
                status=Status.SENDING, lease_until=lease.until, claim=lease.token
            )
    return claimed, lease


def final_record(notification: Notification, status: str, *, error: str = "") -> None:
    """A final status: record it; after a permanent failure try the next channel and tell the
    KCC. The klantcontact on the timeline follows in ``klantcontacten_register_due`` (off the
    sending path). Idempotent."""
    with transaction.atomic():
        changed = (
            Notification.objects.filter(pk=notification.pk)
            .exclude(status__in=FINAL)
            .update(
                status=status,
                completed_at=timezone.now(),
                last_error=error[:300],
                lease_until=None,
                claim=None,
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
        claimed = list(lock_due(pending.order_by("completed_at"))[:limit])
        klantcontacten_register_bulk(
            contacts=[_contact(n) for n in claimed], actor_naam="Notificatieservice"
        )
        if claimed:
            Notification.objects.filter(pk__in=[n.pk for n in claimed]).update(
                klantcontact_registered=True
            )
    return len(claimed)


class _Stop(Exception):
    """Stop sending to this channel for the rest of the claim."""


def _retry_window_over(notification: Notification, now: datetime) -> bool:
    age = (now - notification.created_at).total_seconds()
    return age >= settings.NOTIFICATIONS_RETRY_WINDOW


def _send_one(notification: Notification, channel: Channel | None, lease: Lease) -> None:
    attempt = notification.attempts + 1
    mine = Notification.objects.filter(pk=notification.pk, claim=lease.token)
    if channel is None:
        mine.update(attempts=attempt)
        final_record(notification, Status.PERMANENT_FAILURE, error="No channel is configured.")
        return
    # Fencing: send only while the claim is certainly ours for the whole send.
    if not lease.covers(channel.timeout):
        held = Notification.objects.filter(claim=lease.token, status=Status.SENDING)
        if lease.left() <= 0 or not lease.renew(held, field_name="lease_until"):
            raise _Stop("the lease ran out")
    try:
        reference = channel.send(notification)
    except PermanentFailure as exc:
        mine.update(attempts=attempt, provider=channel.provider)
        final_record(notification, Status.PERMANENT_FAILURE, error=str(exc))
        return
    except TemporaryFailure as exc:
        now = timezone.now()
        if _retry_window_over(notification, now):
            mine.update(attempts=attempt)
            final_record(notification, Status.TECHNICAL_FAILURE, error=str(exc))
        else:
            # Released at once; the destination's breaker decides when the next try is.
            mine.update(
                status=Status.TEMPORARY_FAILURE,
                attempts=attempt,
                next_attempt_at=now,
                lease_until=None,
                claim=None,
                last_error=str(exc)[:300],
                provider=channel.provider,
            )
        breaker.destination_failed(channel.destination, str(exc))
        raise _Stop(str(exc)) from exc
    breaker.destination_succeeded(channel.destination)
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
        outcome.update(
            status=Status.DELIVERED, completed_at=sent, last_error="", lease_until=None, claim=None
        )
    mine.exclude(status__in=FINAL).update(**outcome)


def _release(lease: Lease, pks: list[int]) -> None:
    """Give claimed messages that were not tried back, as they were (in order, at once)."""
    Notification.objects.filter(pk__in=pks, claim=lease.token, status=Status.SENDING).update(
        status=Case(
            When(attempts=0, then=Value(Status.CREATED)), default=Value(Status.TEMPORARY_FAILURE)
        ),
        lease_until=None,
        claim=None,
    )


def notifications_send_due(*, now: datetime | None = None, size: int | None = None) -> int:
    """The worker step: send what is due, in claim order; returns how many were handled."""
    claimed, lease = _claim(now or timezone.now(), size or int(settings.NOTIFICATIONS_BATCH_SIZE))
    channels: dict[str, Channel | None] = {}
    stopped: set[str] = set()
    left: list[int] = []
    try:
        for notification in claimed:
            assert lease is not None
            if notification.kanaal in stopped:
                left.append(notification.pk)
                continue
            if notification.kanaal not in channels:
                channels[notification.kanaal] = channel_for(notification.kanaal)
            try:
                _send_one(notification, channels[notification.kanaal], lease)
            except _Stop:
                stopped.add(notification.kanaal)
        if left and lease is not None:
            _release(lease, left)
    finally:
        for channel in channels.values():
            if channel is not None:
                channel.close()
    if claimed:
        logger.info("notifications_sent", count=len(claimed), released=len(left))
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
