"""Checking a resource URL of another API before a registration stores it (zrc-003, zrc-010,
drc-002, defect 9 of issue 15).

A relation to a resource elsewhere (the informatieobject of a zaakinformatieobject, a zaak's
communicatiekanaal, the object of an objectinformatieobject) is fetched once on write: a URL
that does not answer 200 names nothing (``bad-url``), one whose answer is not a resource of the
expected kind names something else (``invalid-resource``). Only URLs under ``REMOTE_API_ROOTS``
are fetched — an administrator's list of other installations' APIs — so a client cannot make us
call any host (SSRF); the connection goes through the notification callback policy's guarded
pool, which resolves the host once and refuses always-blocked networks. URLs of this
installation are looked up in its own tables by the callers, without HTTP. Other URLs, and every
URL while ``REMOTE_URL_VALIDATION`` is off (migrations), are stored unchecked.
"""

from __future__ import annotations

import json
from collections.abc import Collection
from typing import Any
from urllib.parse import unquote, urlsplit

import structlog
from django.conf import settings
from urllib3 import Timeout
from urllib3.exceptions import HTTPError

from mijnservices.registrations.notificaties.callbacks import (
    CallbackRefused,
    guarded_pool_manager,
)

logger = structlog.get_logger(__name__)
TIMEOUT_SECONDS = 5.0
MAX_URL_LENGTH = 1000  # the longest URL our models store
# What an informatieobject of any Documenten API answers with (zrc-003, brc-003).
INFORMATIEOBJECT_KEYS = ("url", "informatieobjecttype")
_POOL = guarded_pool_manager(allow_private=True)


class RemoteResourceInvalid(Exception):
    """The URL names no resource (``bad-url``) or another kind of one (``invalid-resource``)."""

    def __init__(self, message: str, *, code: str) -> None:
        super().__init__(message)
        self.message = message
        self.code = code


def is_own(url: str) -> bool:
    """Whether ``url`` lies under this installation's ``SITE_URL``."""
    site = settings.SITE_URL.rstrip("/") + "/"
    return url.startswith(site)


def within_remote_roots(url: str) -> bool:
    """Whether ``url`` lies under one of ``REMOTE_API_ROOTS`` or the ``SELECTIELIJST_API_ROOT``
    (same origin, path below it)."""
    roots = [root for root in (*settings.REMOTE_API_ROOTS, settings.SELECTIELIJST_API_ROOT) if root]
    if not roots or len(url) > MAX_URL_LENGTH:  # nothing to call, or no URL we would store
        return False
    try:
        parts = urlsplit(url)
        port = parts.port
    except ValueError:
        return False
    if parts.scheme not in {"http", "https"} or not parts.hostname or parts.username:
        return False
    segments = unquote(parts.path).split("/")
    if "." in segments or ".." in segments or "\\" in url:
        return False
    for root in roots:
        r = urlsplit(root)
        same_origin = (r.scheme, r.hostname, r.port) == (parts.scheme, parts.hostname, port)
        if same_origin and (parts.path + "/").startswith(r.path.rstrip("/") + "/"):
            return True
    return False


def remote_resource(url: str, *, kind: str, keys: Collection[str] = ()) -> dict[str, Any] | None:
    """The JSON of the resource at ``url`` when it is to be checked, else ``None``.

    Raises :class:`RemoteResourceInvalid` when the URL does not answer 200 (``bad-url``) or its
    answer is no JSON object holding every one of ``keys`` (``invalid-resource``)."""
    if not settings.REMOTE_URL_VALIDATION or is_own(url) or not within_remote_roots(url):
        return None
    try:
        response = _POOL.request(
            "GET",
            url,
            headers={"Accept": "application/json"},
            timeout=Timeout(connect=TIMEOUT_SECONDS, read=TIMEOUT_SECONDS),
            redirect=False,
            retries=False,
        )
    except (CallbackRefused, HTTPError) as exc:
        logger.info("remote_resource_unreachable", kind=kind, error=type(exc).__name__)
        raise RemoteResourceInvalid(
            f"The {kind} URL could not be fetched.", code="bad-url"
        ) from None
    if response.status != 200:
        raise RemoteResourceInvalid(
            f"The {kind} URL answered {response.status}, not 200.", code="bad-url"
        )
    try:
        body = json.loads(response.data)
    except ValueError:
        body = None
    if not isinstance(body, dict) or any(key not in body for key in keys):
        raise RemoteResourceInvalid(f"The URL does not name a {kind}.", code="invalid-resource")
    return body


def remote_field_check(url: str, *, kind: str, keys: Collection[str] = ("url",)) -> None:
    """:func:`remote_resource` for a serializer field: its errors as a field's 400."""
    from rest_framework import serializers

    if not url:
        return
    try:
        remote_resource(url, kind=kind, keys=keys)
    except RemoteResourceInvalid as exc:
        raise serializers.ValidationError(exc.message, code=exc.code) from None
