"""Notificaties from an external Notificaties API (e.g. a municipality's own Open Zaak): the
worker reads the zaak, its initiators and the statustype from the source's Zaken and Catalogi
APIs (real HTTP, ZGW JWT of the source's credentials) and plans notifications as for our own
zaken. The zaak is not ours, so links go to the portal's overview.

A notificatie names the URLs to read, so it must not be able to send the worker (and the
source's signed token) elsewhere: every call goes only below the source's configured API roots,
through the same SSRF guard as notification callbacks (no private addresses unless allowed,
checked at connect time, no redirects)."""

from __future__ import annotations

import json
import time
from datetime import timedelta
from typing import Any
from urllib.parse import unquote, urlsplit

import jwt
import structlog
from django.db import transaction
from django.utils import timezone
from urllib3 import PoolManager
from urllib3.exceptions import HTTPError

from mijnservices.registrations.notificaties.callbacks import CallbackRefused, guarded_pool_manager
from mijnservices.services.access.principals import Party
from mijnservices.services.notifications.models import (
    ExternalSource,
    ReceivedNotificatie,
    Trigger,
)
from mijnservices.services.notifications.services import ZaakRef, notify

TIMEOUT = 10
logger = structlog.get_logger(__name__)
_POOL: PoolManager | None = None


class ExternalReadFailed(Exception):
    """The source could not be read now; the outbox retries the event with backoff."""


class ExternalUrlRefused(Exception):
    """A URL outside the source's API roots or refused by the callback policy: never retried."""


def _origin(parts: Any) -> tuple[str, str, int | None]:
    default = 443 if parts.scheme == "https" else 80
    return parts.scheme, (parts.hostname or "").lower(), parts.port or default


def url_within_roots(url: str, roots: list[str]) -> bool:
    """Whether ``url`` lies below one of the API ``roots`` (same scheme, host and port; the
    path under the root's path, without dot segments that could climb out of it)."""
    try:
        parts = urlsplit(url)
        origin = _origin(parts)
    except ValueError:
        return False
    path = unquote(parts.path)
    if parts.username or parts.password or any(seg in {".", ".."} for seg in path.split("/")):
        return False
    for root in roots:
        try:
            root_parts = urlsplit(root)
            root_origin = _origin(root_parts)
        except ValueError:
            continue
        prefix = root_parts.path.rstrip("/") + "/"
        if origin == root_origin and (path.rstrip("/") + "/").startswith(prefix):
            return True
    return False


def _pool() -> PoolManager:
    global _POOL  # one keep-alive pool per process, made on first use
    if _POOL is None:
        _POOL = guarded_pool_manager()
    return _POOL


def _get(source: ExternalSource, url: str, token: str, params: dict[str, str] | None = None) -> Any:
    if not url_within_roots(url, source.api_root_list()):
        raise ExternalUrlRefused("a URL outside the source's API roots")
    try:
        response = _pool().request(
            "GET",
            url,
            fields=params,
            headers={"Authorization": f"Bearer {token}", "Accept-Crs": "EPSG:4326"},
            timeout=TIMEOUT,
            redirect=False,
            retries=False,
        )
    except CallbackRefused as exc:
        raise ExternalUrlRefused("the source's address is refused by the callback policy") from exc
    except HTTPError as exc:
        raise ExternalReadFailed(f"{type(exc).__name__}") from exc
    if response.status != 200:
        raise ExternalReadFailed(f"{url} answered {response.status}")
    try:
        return json.loads(response.data)
    except ValueError as exc:
        raise ExternalReadFailed(f"{url} answered no JSON") from exc


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


def _trigger(source: ExternalSource, body: dict[str, Any], token: str) -> str | None:
    resource, actie = body.get("resource"), body.get("actie")
    if actie != "create":
        return None
    if resource == "status":
        status = _get(source, str(body["resourceUrl"]), token)
        statustype = _get(source, str(status["statustype"]), token)
        if statustype.get("isEindstatus"):
            return Trigger.ZAAK_AFGESLOTEN
        return Trigger.STATUS if statustype.get("informeren") else None
    return {"zaakinformatieobject": Trigger.DOCUMENT, "besluit": Trigger.BESLUIT}.get(str(resource))


def _plan(received: ReceivedNotificatie) -> None:
    """Read what the notificatie concerns (HTTP, no transaction open) and plan notifications."""
    if received.body.get("kanaal") != "zaken":
        return
    body = received.body
    source = received.source
    token = _token(source.client_id, source.secret)
    trigger = _trigger(source, body, token)
    if trigger is None:
        return
    zaak_url = str(body["hoofdObject"])
    zaak = _get(source, zaak_url, token)
    base = zaak_url.rsplit("/zaken/", 1)[0]
    rollen = _get(
        source, f"{base}/rollen", token, {"zaak": zaak_url, "omschrijvingGeneriek": "initiator"}
    )
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
        except ExternalUrlRefused as exc:
            logger.warning("external_url_refused", source=received.source_id, reason=str(exc))
            ReceivedNotificatie.objects.filter(pk=received.pk).update(
                failed=True, last_error=str(exc)[:300]
            )
            continue
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
