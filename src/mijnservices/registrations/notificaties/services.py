"""Writes for the Notificaties registration: kanalen, abonnementen, publishing and resending.

``notificaties_publish`` runs in the caller's transaction: the notificatie and one delivery
per matching abonnement exist together or not at all.
"""

from __future__ import annotations

import json
from collections.abc import Mapping, Sequence
from datetime import datetime
from typing import Any, TypedDict
from uuid import UUID, uuid4

from django.conf import settings
from django.db import transaction
from django.utils import timezone

from mijnservices.core.errors import DomainError
from mijnservices.core.outbox import worker_wake
from mijnservices.registrations.notificaties.callbacks import (
    CallbackRefused,
    callback_url_check,
    guarded_pool_manager,
)
from mijnservices.registrations.notificaties.kanalen import OTHER_KANALEN, STANDARD_KANALEN
from mijnservices.registrations.notificaties.models import (
    Abonnement,
    AbonnementKanaal,
    Delivery,
    DeliveryStatus,
    Kanaal,
    Notificatie,
)


class FilterGroup(TypedDict, total=False):
    """One kanaal of an abonnement, as the Notificaties API writes it."""

    naam: str
    filters: dict[str, str]


def kanaal_create(*, naam: str, documentatie_link: str = "", filters: Sequence[str] = ()) -> Kanaal:
    if Kanaal.objects.filter(naam=naam).exists():
        raise DomainError("A kanaal with this naam exists already.", code="unique", field="naam")
    return Kanaal.objects.create(
        naam=naam, documentatie_link=documentatie_link, filters=list(filters)
    )


def kanalen_seed() -> list[Kanaal]:
    """Create the standard kanalen that are missing (idempotent)."""
    return [
        Kanaal.objects.get_or_create(
            naam=spec["naam"],
            defaults={"documentatie_link": spec["documentatie_link"], "filters": spec["filters"]},
        )[0]
        for spec in [*STANDARD_KANALEN, *OTHER_KANALEN]
    ]


def _check_callback(callback_url: str, allow_private_network: bool) -> None:
    try:
        callback_url_check(callback_url, allow_private=allow_private_network)
    except CallbackRefused as exc:
        raise DomainError(str(exc), code="invalid-callback-url", field="callbackUrl") from exc


def _set_kanalen(abonnement: Abonnement, kanalen: Sequence[FilterGroup]) -> None:
    names = [group["naam"] for group in kanalen]
    known = {k.naam: k for k in Kanaal.objects.filter(naam__in=names)}
    missing = sorted(set(names) - set(known))
    if missing:
        raise DomainError(
            f"Unknown kanaal: {', '.join(missing)}.", code="kanaal-not-found", field="kanalen"
        )
    if len(set(names)) != len(names):
        raise DomainError("A kanaal appears twice.", code="duplicate-kanaal", field="kanalen")
    abonnement.kanalen.all().delete()
    AbonnementKanaal.objects.bulk_create(
        AbonnementKanaal(
            abonnement=abonnement,
            kanaal=known[group["naam"]],
            filters={str(k): str(v) for k, v in (group.get("filters") or {}).items()},
        )
        for group in kanalen
    )


def callback_test(*, callback_url: str, auth: str, allow_private_network: bool = False) -> None:
    """POST a test notificatie to the callback, as Open Notificaties does before it stores an
    abonnement; anything but a 2xx answer refuses it. The callback policy (SSRF) applies to
    the URL and to the connection itself. Call it outside a transaction: it waits on the
    subscriber."""
    _check_callback(callback_url, allow_private_network)
    site = str(getattr(settings, "SITE_URL", "") or "http://localhost").rstrip("/")
    body = {
        "kanaal": "test",
        "hoofdObject": f"{site}/notificaties/api/v1/test",
        "resource": "test",
        "resourceUrl": f"{site}/notificaties/api/v1/test",
        "actie": "create",
        "aanmaakdatum": timezone.now().isoformat().replace("+00:00", "Z"),
        "kenmerken": {},
    }
    headers = {"Content-Type": "application/json", "Idempotency-Key": str(uuid4())}
    if auth:
        headers["Authorization"] = auth
    timeout = settings.NOTIFICATION_REQUEST_TIMEOUT
    try:
        response = guarded_pool_manager(allow_private=allow_private_network).request(
            "POST",
            callback_url,
            body=json.dumps(body).encode(),
            headers=headers,
            timeout=timeout,
            redirect=False,
            retries=False,
        )
    except CallbackRefused as exc:
        raise DomainError(str(exc), code="invalid-callback-url", field="callbackUrl") from exc
    except Exception as exc:
        raise DomainError(
            f"The callback URL did not answer the test notificatie: {type(exc).__name__}.",
            code="invalid-callback-url",
            field="callbackUrl",
        ) from exc
    if not 200 <= response.status < 300:
        raise DomainError(
            f"The callback URL answered the test notificatie with HTTP {response.status}; "
            "it must answer 2xx.",
            code="invalid-callback-url",
            field="callbackUrl",
        )


@transaction.atomic
def abonnement_create(
    *,
    callback_url: str,
    auth: str = "",
    kanalen: Sequence[FilterGroup],
    client_id: str = "",
    allow_private_network: bool = False,
) -> Abonnement:
    """``allow_private_network`` is for administrators only; API clients never set it."""
    _check_callback(callback_url, allow_private_network)
    abonnement = Abonnement.objects.create(
        callback_url=callback_url,
        auth=auth,
        client_id=client_id,
        allow_private_network=allow_private_network,
    )
    _set_kanalen(abonnement, kanalen)
    return abonnement


@transaction.atomic
def abonnement_update(
    *,
    abonnement: Abonnement,
    callback_url: str | None = None,
    auth: str | None = None,
    kanalen: Sequence[FilterGroup] | None = None,
    allow_private_network: bool | None = None,
) -> Abonnement:
    """Change what is given; ``auth=None`` keeps the stored credentials.

    A new ``callback_url`` needs a new ``auth`` (the old credentials were meant for the old
    receiver) and drops the private-network approval unless it is given again."""
    if callback_url is not None and callback_url != abonnement.callback_url:
        if auth is None:
            raise DomainError(
                "A new callbackUrl needs its own auth.", code="required", field="auth"
            )
        abonnement.callback_url = callback_url
        abonnement.allow_private_network = False
    if allow_private_network is not None:
        abonnement.allow_private_network = allow_private_network
    _check_callback(abonnement.callback_url, abonnement.allow_private_network)
    if auth is not None:
        abonnement.auth = auth
    abonnement.save()
    if kanalen is not None:
        _set_kanalen(abonnement, kanalen)
    return abonnement


@transaction.atomic
def abonnement_delete(*, abonnement: Abonnement) -> None:
    """Delete the abonnement and its deliveries (pending ones are no longer wanted)."""
    abonnement.delete()


def matches(filters: Mapping[str, str], kenmerken: Mapping[str, Any]) -> bool:
    """An abonnement's filters match when every filtered kenmerk has that value."""
    return all(key in kenmerken and str(kenmerken[key]) == value for key, value in filters.items())


class NotificatieToPublish(TypedDict):
    """What ``notificaties_publish`` needs of one notificatie (the outbox event's data)."""

    id: UUID
    kanaal: str
    hoofd_object: str
    resource: str
    resource_url: str
    actie: str
    aanmaakdatum: datetime
    kenmerken: Mapping[str, Any]
    order_key: str


def notificaties_publish(items: Sequence[NotificatieToPublish]) -> list[Notificatie]:
    """Store the notificaties and fan out one delivery per matching abonnement: three
    queries for the whole list (the worker runs this for every batch of changes).

    Runs in the caller's transaction (the outbox worker's). Each ``id`` must be new (the outbox
    event's id: the notificatie is created in the transaction that marks the event processed,
    so it is published once). ``order_key`` groups the notificaties whose order each
    subscriber must see kept (usually the hoofdobject).
    """
    if not transaction.get_connection().in_atomic_block:
        raise RuntimeError("notificatie_publish must run inside a transaction")
    if not items:
        return []
    notificaties = Notificatie.objects.bulk_create(
        Notificatie(
            id=item["id"],
            kanaal=item["kanaal"],
            hoofd_object=item["hoofd_object"],
            resource=item["resource"],
            resource_url=item["resource_url"],
            actie=item["actie"],
            aanmaakdatum=item["aanmaakdatum"],
            kenmerken=dict(item["kenmerken"]),
        )
        for item in items
    )
    subscribed: dict[str, list[tuple[int, Mapping[str, str]]]] = {}
    for abonnement_id, filters, naam in AbonnementKanaal.objects.filter(
        kanaal__naam__in={item["kanaal"] for item in items}
    ).values_list("abonnement_id", "filters", "kanaal__naam"):
        subscribed.setdefault(naam, []).append((abonnement_id, filters))
    now = timezone.now()
    Delivery.objects.bulk_create(
        Delivery(
            notificatie=notificatie,
            abonnement_id=abonnement_id,
            order_key=item["order_key"] or item["hoofd_object"],
            created_at=item["aanmaakdatum"],
            next_attempt_at=now,
        )
        for item, notificatie in zip(items, notificaties, strict=True)
        for abonnement_id, filters in subscribed.get(item["kanaal"], [])
        if matches(filters, item["kenmerken"])
    )
    return notificaties


def notificatie_publish(
    *,
    id: UUID,
    kanaal: str,
    hoofd_object: str,
    resource: str,
    resource_url: str,
    actie: str,
    aanmaakdatum: datetime,
    kenmerken: Mapping[str, Any],
    order_key: str | None = None,
) -> Notificatie:
    """One notificatie: see ``notificaties_publish``."""
    return notificaties_publish(
        [
            NotificatieToPublish(
                id=id,
                kanaal=kanaal,
                hoofd_object=hoofd_object,
                resource=resource,
                resource_url=resource_url,
                actie=actie,
                aanmaakdatum=aanmaakdatum,
                kenmerken=kenmerken,
                order_key=order_key or hoofd_object,
            )
        ]
    )[0]


@transaction.atomic
def delivery_resend(*, delivery: Delivery) -> Delivery:
    """Send a delivery again from scratch: pending, due now, a fresh retry window."""
    delivery.status = DeliveryStatus.PENDING
    delivery.attempts = 0
    delivery.next_attempt_at = timezone.now()
    delivery.claimed_until = None
    delivery.claim = None
    delivery.first_attempt_at = None
    delivery.delivered_at = None
    delivery.failed_at = None
    delivery.save()
    worker_wake()
    return delivery
