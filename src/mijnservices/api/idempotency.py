"""``Idempotency-Key`` on every write of every API: a retried request gets the first answer.

A client that sends a write again with the same ``Idempotency-Key`` (after a timeout, say)
must not create a second zaak or status. The key is scoped to the client id; the request is
identified by a hash of its method, path with query and body:

- same client, same key, same request: the first answer is replayed (with
  ``Idempotent-Replayed: true``), nothing runs again;
- same client, same key, another request: 422 ``idempotency-key-reused``;
- the first request still running: 409 ``idempotency-key-in-progress``;
- a first answer of 5xx is not kept, so the retry runs again.

Records live ``IDEMPOTENCY_KEY_TTL`` seconds; the worker purges older ones. The hooks sit in
:class:`~mijnservices.api.viewsets.ZGWViewMixin`, so no API has its own variant.
"""

from __future__ import annotations

import hashlib
import time
from datetime import timedelta
from typing import Any

import structlog
from django.conf import settings
from django.db import IntegrityError, transaction
from django.http import HttpResponse, HttpResponseBase
from django.utils import timezone
from rest_framework import exceptions
from rest_framework.request import Request

from mijnservices.api.models import IdempotentRequest

logger = structlog.get_logger(__name__)

HEADER = "Idempotency-Key"
REPLAYED = "Idempotent-Replayed"
WRITE_METHODS = frozenset({"POST", "PUT", "PATCH", "DELETE"})
KEPT_HEADERS = ("Location", "Content-Crs", "ETag")
MAX_KEY_LENGTH = 255
PURGE_INTERVAL = 3600.0
_PURGE_CHUNK = 1000


class IdempotencyKeyReused(exceptions.APIException):
    status_code = 422
    default_detail = "This Idempotency-Key was used for another request."
    default_code = "idempotency-key-reused"


class IdempotencyKeyInProgress(exceptions.APIException):
    status_code = 409
    default_detail = "A request with this Idempotency-Key is still being handled."
    default_code = "idempotency-key-in-progress"


class IdempotentReplay(Exception):
    """Raised from ``initial`` to answer with the stored response instead of running."""

    def __init__(self, response: HttpResponse) -> None:
        super().__init__("replay")
        self.response = response


def _request_hash(request: Request) -> str:
    digest = hashlib.sha256()
    digest.update(f"{request.method}\0{request.get_full_path()}\0".encode())
    digest.update(request.body)
    return digest.hexdigest()


def _replay(record: IdempotentRequest) -> HttpResponse:
    response = HttpResponse(
        bytes(record.content), status=record.status_code, content_type=record.content_type or None
    )
    for name, value in record.headers.items():
        response[name] = value
    response[REPLAYED] = "true"
    return response


def idempotency_begin(request: Request) -> int | None:
    """Claim the key for this request (the record's id), or raise: a replay, 409 or 422.

    ``None`` when the request carries no key or is not a write."""
    key = request.headers.get(HEADER, "").strip()
    if not key or request.method not in WRITE_METHODS:
        return None
    if len(key) > MAX_KEY_LENGTH:
        raise exceptions.ValidationError(
            {HEADER: [f"At most {MAX_KEY_LENGTH} characters."]}, code="invalid"
        )
    client_id = str(getattr(request.user, "client_id", "") or "")
    if not client_id:
        return None
    request_hash = _request_hash(request)
    now = timezone.now()
    expired = now - timedelta(seconds=settings.IDEMPOTENCY_KEY_TTL)
    mine = IdempotentRequest.objects.filter(client_id=client_id, key=key)
    mine.filter(created_at__lt=expired).delete()
    try:
        with transaction.atomic():
            record = IdempotentRequest.objects.create(
                client_id=client_id, key=key, request_hash=request_hash, created_at=now
            )
        return record.pk
    except IntegrityError:
        existing = mine.first()
    if existing is None:  # expired and purged in between: run as new
        return idempotency_begin(request)
    if existing.request_hash != request_hash:
        raise IdempotencyKeyReused()
    if existing.status_code is None:
        raise IdempotencyKeyInProgress()
    logger.info("idempotent_replay", client_id=client_id)
    raise IdempotentReplay(_replay(existing))


def idempotency_finish(record_id: int, response: HttpResponseBase) -> None:
    """Keep the answer for replays; a server error is not kept (the retry runs again)."""
    if response.status_code >= 500 or not isinstance(response, HttpResponse):
        IdempotentRequest.objects.filter(pk=record_id).delete()
        return
    render = getattr(response, "render", None)
    if callable(render):
        render()
    headers = {name: response[name] for name in KEPT_HEADERS if response.has_header(name)}
    IdempotentRequest.objects.filter(pk=record_id).update(
        status_code=response.status_code,
        content_type=response.get("Content-Type", ""),
        headers=headers,
        content=response.content,
    )


def idempotency_purge(*, now: Any = None) -> int:
    cutoff = (now or timezone.now()) - timedelta(seconds=settings.IDEMPOTENCY_KEY_TTL)
    old = IdempotentRequest.objects.filter(created_at__lt=cutoff)
    deleted = 0
    while ids := list(old.values_list("pk", flat=True)[:_PURGE_CHUNK]):
        deleted += IdempotentRequest.objects.filter(pk__in=ids).delete()[0]
    if deleted:
        logger.info("idempotency_keys_purged", deleted=deleted)
    return deleted


_last_purge = [float("-inf")]


def idempotency_purge_when_due() -> int:
    """The worker step: purge expired keys once per ``PURGE_INTERVAL`` seconds."""
    if time.monotonic() - _last_purge[0] < PURGE_INTERVAL:
        return 0
    _last_purge[0] = time.monotonic()
    idempotency_purge()
    return 0  # housekeeping: does not keep the worker from idling
