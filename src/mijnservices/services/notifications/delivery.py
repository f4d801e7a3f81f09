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

import threading
import time
from collections.abc import Iterable
from concurrent.futures import Future, wait
from datetime import datetime
from typing import Any

import structlog
from django.conf import settings
from django.db import connections, transaction
from django.db.models import Case, Q, Value, When
from django.utils import timezone

from mijnservices.core.delivery import breaker, lanes
from mijnservices.core.delivery.claims import Lease, claims_serialise, fenced_update, lock_due
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
    """The first ``size`` due notifications whose earlier ones in the stream are final or in
    this claim themselves (then they come first: the order is the stream's order). Two
    queries: the due ones in order, then what still blocks their streams — anything earlier
    that is neither final nor in this claim, also a due one that ``SKIP LOCKED`` left out
    because another transaction held it at that moment."""
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
        .exclude(pk__in=[n.pk for n in due])
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


def _claim(
    now: datetime, size: int, *, busy: Iterable[str] = ()
) -> tuple[list[Notification], Lease | None]:
    """Claim up to ``size`` due notifications, none for a paused destination (but its due
    probe) nor for one in ``busy`` (its lane is full)."""
    paused = breaker.paused(now=now)
    kanalen: list[str] = []
    probes: list[str] = []
    for kanaal in Kanaal.values:
        key = destination_for(kanaal)
        if key is not None and key in busy:
            continue
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


_TIMELINE_EVERY = 1.0  # seconds between timeline writes while messages are being sent
_timeline_last = [float("-inf")]


def klantcontacten_register_step() -> int:
    """The worker step: while the lanes are sending, the timeline is written at most once a
    second, in one batch (many small batches cost several times the CPU of one big one)."""
    if lanes.busy() and time.monotonic() - _timeline_last[0] < _TIMELINE_EVERY:
        return 0
    _timeline_last[0] = time.monotonic()
    return klantcontacten_register_due(limit=500)


class _Stop(Exception):
    """Stop sending to this channel for the rest of the claim."""


def _retry_window_over(notification: Notification, now: datetime) -> bool:
    age = (now - notification.created_at).total_seconds()
    return age >= settings.NOTIFICATIONS_RETRY_WINDOW


def _send_one(notification: Notification, channel: Channel | None, lease: Lease) -> None:
    attempt = notification.attempts + 1

    def mine(**values: Any) -> int:  # the outcome, only while the claim is still ours
        return fenced_update(Notification, pk=notification.pk, token=lease.token, **values)

    if channel is None:
        mine(attempts=attempt)
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
        mine(attempts=attempt, provider=channel.provider)
        final_record(notification, Status.PERMANENT_FAILURE, error=str(exc))
        return
    except TemporaryFailure as exc:
        now = timezone.now()
        if _retry_window_over(notification, now):
            mine(attempts=attempt)
            final_record(notification, Status.TECHNICAL_FAILURE, error=str(exc))
        else:
            # Released at once; the destination's breaker decides when the next try is.
            mine(
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
    # The claim token matches only while the row is not final (a final status clears it).
    mine(**outcome)


def _release(lease: Lease, pks: list[int]) -> None:
    """Give claimed messages that were not tried back, as they were (in order, at once)."""
    Notification.objects.filter(pk__in=pks, claim=lease.token, status=Status.SENDING).update(
        status=Case(
            When(attempts=0, then=Value(Status.CREATED)), default=Value(Status.TEMPORARY_FAILURE)
        ),
        lease_until=None,
        claim=None,
    )


def _send_batch(kanaal: str, batch: list[Notification], lease: Lease) -> int:
    """Send a claimed batch of one channel in order over one connection (one SMTP session),
    each outcome stored right after its send; after a failure of the destination the rest is
    given back at once."""
    channel = channel_for(kanaal)
    left: list[int] = []
    try:
        for position, notification in enumerate(batch):
            if _stopping.is_set():  # the worker stops: finish the message in hand only
                left = [n.pk for n in batch[position:]]
                break
            try:
                _send_one(notification, channel, lease)
            except _Stop:
                left = [n.pk for n in batch[position + 1 :]]
                break
        if left:
            _release(lease, left)
    finally:
        if channel is not None:
            channel.close()
        if threading.current_thread() is not threading.main_thread():
            connections.close_all()  # a lane thread's own connection: none left idle
    if left:
        logger.info("notifications_released", count=len(left))
    return len(batch)


def _batches(claimed: list[Notification], parts: int) -> dict[str, list[list[Notification]]]:
    """Per channel, the claim split into at most ``parts`` batches; a stream stays in one
    batch, in its order, so it is sent in order whichever lane thread takes it."""
    by_kanaal: dict[str, list[list[Notification]]] = {}
    for notification in claimed:
        batches = by_kanaal.setdefault(notification.kanaal, [[] for _ in range(parts)])
        batches[hash(_stream(notification)) % parts].append(notification)
    return {kanaal: [b for b in batches if b] for kanaal, batches in by_kanaal.items()}


_in_flight: list[Future[int]] = []
_stopping = threading.Event()


def notifications_send_due(
    *, now: datetime | None = None, size: int | None = None, wait: bool = True
) -> int:
    """Send what is due, in claim order; returns how many were claimed.

    ``wait`` (direct calls): sent here, before returning. The worker's step does not wait:
    each destination (the SMTP server, the Notify API) has its own lane of
    ``DELIVERY_MESSAGE_CONCURRENCY`` threads, so a hanging mail server holds up neither the
    worker's other steps nor another destination; nothing more is claimed for a destination
    than its lane can take (one batch sending and one waiting per thread)."""
    size = size or int(settings.NOTIFICATIONS_BATCH_SIZE)
    if wait:
        claimed, lease = _claim(now or timezone.now(), size)
        for kanaal, batches in _batches(claimed, 1).items():
            assert lease is not None
            _send_batch(kanaal, batches[0], lease)
    else:
        claimed = _send_in_lanes(now or timezone.now(), size)
    if claimed:
        logger.info("notifications_claimed", count=len(claimed))
    return len(claimed)


def _send_in_lanes(now: datetime, size: int) -> list[Notification]:
    for future in [f for f in _in_flight if f.done()]:
        _in_flight.remove(future)
        if future.exception() is not None:  # its claims come back after the lease
            logger.error("notifications_batch_failed", error=repr(future.exception()))
    concurrency = int(settings.DELIVERY_MESSAGE_CONCURRENCY)
    room = {
        key: lanes.free(key, concurrency) + concurrency
        for key in {destination_for(k) for k in Kanaal.values}
        if key is not None
    }
    claimed, lease = _claim(now, size, busy={key for key, free in room.items() if free <= 0})
    if lease is None:
        return claimed
    for kanaal, batches in _batches(claimed, concurrency).items():
        key = destination_for(kanaal)
        if key is None:  # no channel: nothing to wait for, recorded here
            _send_batch(kanaal, [n for batch in batches for n in batch], lease)
            continue
        lane = lanes.lane(key, concurrency)
        for batch in batches:
            _in_flight.append(lane.submit(_send_batch, kanaal, batch, lease))
    return claimed


def notifications_send_step() -> int:
    """The worker step: never waits for a mail server or the Notify API."""
    return notifications_send_due(wait=False)


def notifications_in_flight_finish() -> None:
    """When the worker stops: each lane finishes the message in hand (within its timeout) and
    gives the rest of its batch back, so a graceful stop sends nothing twice."""
    _stopping.set()
    try:
        wait(list(_in_flight))
        _in_flight.clear()
    finally:
        _stopping.clear()


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
