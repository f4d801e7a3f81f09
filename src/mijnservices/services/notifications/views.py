"""HTTP entry points of the Notificatieservice: Notify's delivery-status callbacks, and the
webhook that receives ZGW notificaties from an external Notificaties API (e.g. a
municipality's own Open Zaak)."""

from __future__ import annotations

import hashlib
import hmac
import json

from django.conf import settings
from django.db import IntegrityError, transaction
from django.http import HttpRequest, HttpResponse, JsonResponse
from django.utils import timezone
from django.views.decorators.csrf import csrf_exempt
from django.views.decorators.http import require_POST

from mijnservices.api.parsers import json_loads_limited
from mijnservices.core.outbox import worker_wake
from mijnservices.services.notifications.delivery import callback_record
from mijnservices.services.notifications.models import ExternalSource, ReceivedNotificatie


def _problem(status: int, title: str) -> JsonResponse:
    return JsonResponse(
        {"type": "about:blank", "title": title, "status": status},
        status=status,
        content_type="application/problem+json",
    )


def _json(request: HttpRequest) -> dict[str, object] | None:
    try:
        body = json_loads_limited(request.body or b"{}")
    except (ValueError, UnicodeDecodeError):
        return None
    return body if isinstance(body, dict) else None


@csrf_exempt
@require_POST
def notify_callback(request: HttpRequest) -> HttpResponse:
    """Notify posts ``{"id", "reference", "status", ...}`` with ``Authorization: Bearer``."""
    token = settings.NOTIFY_CALLBACK_TOKEN
    given = request.headers.get("Authorization", "")
    if not token or not hmac.compare_digest(given.encode(), f"Bearer {token}".encode()):
        return _problem(401, "Missing or wrong bearer token.")
    body = _json(request)
    if body is None or not body.get("id") or not body.get("status"):
        return _problem(400, "Expected a JSON object with id and status.")
    found = callback_record(
        provider_id=str(body["id"]),
        reference=str(body.get("reference") or ""),
        status=str(body["status"]),
    )
    return HttpResponse(status=204) if found else _problem(404, "Unknown notification.")


def _source(request: HttpRequest) -> ExternalSource | None:
    given = request.headers.get("Authorization", "").encode()
    for source in ExternalSource.objects.filter(actief=True):
        if given and hmac.compare_digest(given, source.authorization.encode()):
            return source
    return None


@csrf_exempt
@require_POST
def zgw_webhook(request: HttpRequest) -> HttpResponse:
    """A ZGW notificatie from an external source: stored once (by ``Idempotency-Key`` or a
    hash of its content); the worker turns it into notifications. Answers 204 quickly, also
    for a repeat."""
    source = _source(request)
    if source is None:
        return _problem(403, "Unknown source or wrong Authorization header.")
    body = _json(request)
    required = ("kanaal", "hoofdObject", "resource", "resourceUrl", "actie")
    if body is None or any(not body.get(name) for name in required):
        return _problem(
            400, "Expected a ZGW notificatie (kanaal, hoofdObject, resource, resourceUrl, actie)."
        )
    key = (
        request.headers.get("Idempotency-Key")
        or hashlib.sha256(json.dumps(body, sort_keys=True).encode()).hexdigest()
    )
    try:
        with transaction.atomic():
            ReceivedNotificatie.objects.create(
                source=source, notificatie_id=key[:100], body=body, next_attempt_at=timezone.now()
            )
            worker_wake()
    except IntegrityError:
        pass  # seen before: nothing new
    return HttpResponse(status=204)
