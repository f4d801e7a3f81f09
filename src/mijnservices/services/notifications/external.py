"""Notificaties from an external Notificaties API (e.g. a municipality's own Open Zaak): the
worker reads the zaak, its initiators and the statustype from the source's Zaken and Catalogi
APIs (real HTTP, ZGW JWT of the source's credentials) and plans notifications as for our own
zaken. The zaak is not ours, so links go to the portal's overview."""

from __future__ import annotations

import time
from datetime import timedelta
from typing import Any

import jwt
import requests
from django.db import transaction
from django.utils import timezone

from mijnservices.core.identity import Party
from mijnservices.services.notifications.models import ReceivedNotificatie, Trigger
from mijnservices.services.notifications.services import ZaakRef, notify

TIMEOUT = 10


class ExternalReadFailed(Exception):
    """The source could not be read now; the outbox retries the event with backoff."""


def _get(url: str, token: str, params: dict[str, str] | None = None) -> Any:
    try:
        response = requests.get(
            url,
            params=params,
            headers={"Authorization": f"Bearer {token}", "Accept-Crs": "EPSG:4326"},
            timeout=TIMEOUT,
        )
    except requests.RequestException as exc:
        raise ExternalReadFailed(f"{type(exc).__name__}") from exc
    if response.status_code != 200:
        raise ExternalReadFailed(f"{url} answered {response.status_code}")
    return response.json()


def _token(client_id: str, secret: str) -> str:
    payload = {
        "iss": client_id,
        "client_id": client_id,
        "iat": int(time.time()),
        "user_id": "mijnservices",
    }
    return jwt.encode(payload, secret, algorithm="HS256")


def _parties(rollen: list[dict[str, Any]]) -> list[Party]:
    found: list[Party] = []
    for rol in rollen:
        ident = rol.get("betrokkeneIdentificatie") or {}
        if rol.get("betrokkeneType") == "natuurlijk_persoon" and ident.get("inpBsn"):
            found.append(Party(kind="bsn", identifier=str(ident["inpBsn"])))
        elif ident.get("kvkNummer"):
            found.append(Party(kind="kvk", identifier=str(ident["kvkNummer"])))
    return found


def _trigger(body: dict[str, Any], token: str) -> str | None:
    resource, actie = body.get("resource"), body.get("actie")
    if actie != "create":
        return None
    if resource == "status":
        status = _get(str(body["resourceUrl"]), token)
        statustype = _get(str(status["statustype"]), token)
        if statustype.get("isEindstatus"):
            return Trigger.ZAAK_AFGESLOTEN
        return Trigger.STATUS if statustype.get("informeren") else None
    return {"zaakinformatieobject": Trigger.DOCUMENT, "besluit": Trigger.BESLUIT}.get(str(resource))


def _plan(received: ReceivedNotificatie) -> None:
    """Read what the notificatie concerns (HTTP, no transaction open) and plan notifications."""
    if received.body.get("kanaal") != "zaken":
        return
    body = received.body
    token = _token(received.source.client_id, received.source.secret)
    trigger = _trigger(body, token)
    if trigger is None:
        return
    zaak_url = str(body["hoofdObject"])
    zaak = _get(zaak_url, token)
    base = zaak_url.rsplit("/zaken/", 1)[0]
    rollen = _get(f"{base}/rollen", token, {"zaak": zaak_url, "omschrijvingGeneriek": "initiator"})
    parties = _parties(rollen.get("results", []) if isinstance(rollen, dict) else rollen)
    ref = ZaakRef(
        uuid=str(zaak.get("uuid") or zaak_url.rstrip("/").rsplit("/", 1)[-1]),
        identificatie=str(zaak.get("identificatie", "")),
        omschrijving=str(zaak.get("omschrijving", "")),
        local=False,
    )
    with transaction.atomic():
        notify(
            event_id=f"extern:{received.source_id}:{received.notificatie_id}",
            trigger=trigger,
            parties=parties,
            zaak=ref,
        )
        ReceivedNotificatie.objects.filter(pk=received.pk).update(processed_at=timezone.now())


BACKOFF_SECONDS = (10, 60, 300, 1800, 3600, 7200, 14400, 28800, 28800, 28800)


def external_process_due(*, limit: int = 20) -> int:
    """The worker step: handle received notificaties; a source that cannot be read now is
    retried with backoff for more than 24 hours, then the notificatie is marked failed."""
    now = timezone.now()
    due = list(
        ReceivedNotificatie.objects.select_related("source")
        .filter(processed_at__isnull=True, failed=False, next_attempt_at__lte=now)
        .order_by("next_attempt_at")[:limit]
    )
    for received in due:
        claimed = ReceivedNotificatie.objects.filter(
            pk=received.pk, next_attempt_at=received.next_attempt_at, processed_at__isnull=True
        ).update(next_attempt_at=now + timedelta(minutes=5), attempts=received.attempts + 1)
        if not claimed:
            continue  # another worker has it
        try:
            _plan(received)
        except (ExternalReadFailed, KeyError, ValueError) as exc:
            attempt = received.attempts + 1
            fields: dict[str, Any] = {"last_error": str(exc)[:300]}
            if attempt > len(BACKOFF_SECONDS):
                fields["failed"] = True
            else:
                fields["next_attempt_at"] = now + timedelta(seconds=BACKOFF_SECONDS[attempt - 1])
            ReceivedNotificatie.objects.filter(pk=received.pk).update(**fields)
            continue
        ReceivedNotificatie.objects.filter(pk=received.pk, processed_at__isnull=True).update(
            processed_at=timezone.now()
        )
    return len(due)
