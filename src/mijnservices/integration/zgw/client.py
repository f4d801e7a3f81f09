"""Reading an external ZGW registration: ZGW JWT, timeouts, retries with backoff, and calls
only to the source's configured API roots.

Every URL is checked before a connection is opened: it must lie under one of the roots an
administrator configured for the source. A URL in an answer (``next`` of a page, the zaaktype
of a zaak, a notificatie's ``hoofdObject``) that points anywhere else is refused, so a source —
or whoever posts to our webhook — cannot make us call another host (SSRF). Connections go
through the notification callback policy's guarded pool, which resolves the host once and
refuses always-blocked networks; loopback and private addresses are allowed here only because
the root was configured on purpose.

Each source has the delivery engine's circuit breaker (``core/delivery/breaker.py``, decision
0032; the destination ``zgw-source:<naam>``): after ``DELIVERY_BREAKER_THRESHOLD`` calls in a
row that found it down, no call goes out until the probe that is due, so a source that is down
is not hammered and a sync fails at once (pages then say their information may be out of date).
"""

from __future__ import annotations

import json
import threading
import time
from collections.abc import Callable, Iterator, Mapping
from dataclasses import dataclass, field
from typing import Any, Protocol
from urllib.parse import unquote, urlencode, urlsplit

import jwt
from django.conf import settings
from urllib3 import PoolManager, Timeout
from urllib3.exceptions import HTTPError as Urllib3Error

from mijnservices.core.delivery import breaker
from mijnservices.registrations.notificaties.callbacks import (
    CallbackRefused,
    guarded_pool_manager,
)

USER_AGENT = "MijnServices ZGW source client"
RETRY_STATUSES = frozenset({429, 502, 503, 504})
MAX_PAGES = 1000


class SourceError(Exception):
    """The source could not be read; the message says plainly why (no personal data)."""


class SourceRefused(SourceError):
    """The URL is outside the source's configured API roots; nothing was called."""


class SourceUnavailable(SourceError):
    """The source did not answer (connection, timeout) or answered 429/5xx, after retries."""


class SourceAnswered(SourceError):
    """The source answered with a client error (401/403: credentials or scopes; 404)."""

    def __init__(self, message: str, *, status: int) -> None:
        super().__init__(message)
        self.status = status


def zgw_jwt(*, client_id: str, secret: str) -> str:
    """The ZGW API token: an HS256 JWT signed with the client's secret (as Open Zaak expects)."""
    payload = {
        "iss": client_id,
        "client_id": client_id,
        "iat": int(time.time()),
        "user_id": "mijnservices",
        "user_representation": "MijnServices",
    }
    return jwt.encode(payload, secret, algorithm="HS256")


@dataclass(frozen=True)
class SourceConfig:
    """What the client needs of a source: its name, API roots and credentials."""

    naam: str
    roots: Mapping[str, str]
    client_id: str
    secret: str = field(repr=False)


# One bound per source for all syncs of this process together, so a burst of logins cannot
# open more than ZGW_SOURCE_CONCURRENCY connections to one source (decision 0029).
_LIMITS: dict[str, threading.BoundedSemaphore] = {}
_LIMITS_LOCK = threading.Lock()


def _limit(naam: str) -> threading.BoundedSemaphore:
    with _LIMITS_LOCK:
        found = _LIMITS.get(naam)
        if found is None:
            found = _LIMITS[naam] = threading.BoundedSemaphore(int(settings.ZGW_SOURCE_CONCURRENCY))
        return found


class ZgwReader(Protocol):
    """Reading a ZGW registration (the sync depends on this, not on HTTP)."""

    def root(self, api: str) -> str: ...

    def within_roots(self, url: str) -> bool: ...

    def get(self, url: str, params: Mapping[str, str] | None = None) -> dict[str, Any]: ...

    def get_all(
        self, url: str, params: Mapping[str, str] | None = None
    ) -> Iterator[dict[str, Any]]: ...


class ZgwWriter(ZgwReader, Protocol):
    """Writing to a ZGW registration and streaming a document's bytes from it."""

    def send(self, method: str, url: str, body: dict[str, Any] | None = None) -> dict[str, Any]: ...

    def stream(self, url: str, *, max_bytes: int) -> Iterator[bytes]: ...


def breaker_key(naam: str) -> str:
    """The source's destination in the delivery engine (its breaker; admin and
    ``mijnservices destinations``)."""
    return f"zgw-source:{naam}"


def _origin(url: str) -> tuple[str, str, int]:
    parts = urlsplit(url)
    scheme = parts.scheme.lower()
    port = parts.port or (443 if scheme == "https" else 80)
    return scheme, (parts.hostname or "").lower(), port


class HttpZgwClient:
    """``ZgwReader`` over HTTP for one source."""

    def __init__(
        self,
        config: SourceConfig,
        *,
        timeout: float | None = None,
        retries: int | None = None,
        sleep: Callable[[float], None] = time.sleep,
    ) -> None:
        self.config = config
        self.timeout = float(timeout if timeout is not None else settings.ZGW_SOURCE_TIMEOUT)
        self.retries = int(retries if retries is not None else settings.ZGW_SOURCE_RETRIES)
        self._sleep = sleep
        self._breaker = breaker_key(config.naam)
        # The breaker is asked once per client (one sync, one notificatie): None not yet,
        # True calls may go out, False it is open and this client makes no more calls.
        self._admitted: bool | None = None
        self._admit_lock = threading.Lock()
        self._pool: PoolManager = guarded_pool_manager(allow_private=True)
        # Keep as many connections alive as calls may run at once (else each is a new one).
        self._pool.connection_pool_kw["maxsize"] = int(settings.ZGW_SOURCE_CONCURRENCY)

    # --- where we may go ----------------------------------------------------------------
    def root(self, api: str) -> str:
        try:
            return self.config.roots[api]
        except KeyError:
            raise SourceRefused(f"No {api} API is configured for this source.") from None

    def within_roots(self, url: str) -> bool:
        parts = urlsplit(url)
        if parts.scheme.lower() not in {"http", "https"} or not parts.hostname:
            return False
        if parts.username or parts.password or "\\" in url:
            return False
        try:
            origin = _origin(url)
        except ValueError:  # an invalid port
            return False
        segments = unquote(parts.path).split("/")
        if "." in segments or ".." in segments:
            return False
        for root in self.config.roots.values():
            root_parts = urlsplit(root)
            if _origin(root) == origin and (parts.path + "/").startswith(root_parts.path):
                return True
        return False

    def _checked(self, url: str) -> str:
        if not self.within_roots(url):
            host = urlsplit(url).hostname or "?"
            raise SourceRefused(
                f"Refused a URL outside the configured API roots of {self.config.naam} "
                f"(host {host})."
            )
        return url

    # --- calls --------------------------------------------------------------------------
    def _headers(self) -> dict[str, str]:
        token = zgw_jwt(client_id=self.config.client_id, secret=self.config.secret)
        return {
            "Authorization": f"Bearer {token}",
            "Accept": "application/json",
            "Accept-Crs": "EPSG:4326",
            "User-Agent": USER_AGENT,
        }

    def _admit(self) -> None:
        """Whether calls may go out: the breaker is closed, or it is open and this client
        took the probe that is due (its first call is the probe)."""
        with self._admit_lock:
            if self._admitted is None:
                due = breaker.paused().get(self._breaker)
                self._admitted = due is None or (due and breaker.probe_take(self._breaker))
            if not self._admitted:
                raise SourceUnavailable(
                    f"{self.config.naam} is paused after calls that found it down; "
                    "a probe call will try it again soon."
                )

    def _failed(self, error: str) -> None:
        if breaker.destination_failed(self._breaker, error):
            with self._admit_lock:
                self._admitted = False

    def _request(
        self, method: str, url: str, body: bytes | None = None, *, stream: bool = False
    ) -> Any:
        """One call with retries (reads only: a write is never repeated), within the
        source's breaker. Returns the urllib3 response; raises ``SourceUnavailable`` when the
        source did not answer or is paused."""
        self._checked(url)
        self._admit()
        path = urlsplit(url).path
        headers = self._headers()
        if body is not None:
            headers["Content-Type"] = "application/json"
            headers["Content-Crs"] = "EPSG:4326"
        tries = self.retries + 1 if method == "GET" else 1
        last = ""
        for attempt in range(tries):
            if attempt:
                self._sleep(min(0.25 * 2 ** (attempt - 1), 4.0))
            try:
                with _limit(self.config.naam):
                    response = self._pool.request(
                        method,
                        url,
                        body=body,
                        headers=headers,
                        timeout=Timeout(connect=self.timeout, read=self.timeout),
                        redirect=False,
                        retries=False,
                        preload_content=not stream,
                    )
            except CallbackRefused as exc:
                raise SourceRefused(str(exc)) from exc
            except Urllib3Error as exc:
                last = f"{type(exc).__name__}"
                continue
            if response.status in RETRY_STATUSES:
                last = f"HTTP {response.status}"
                response.release_conn()
                continue
            breaker.destination_succeeded(self._breaker)  # it answered (a 4xx too)
            return response
        message = f"{self.config.naam} did not answer {path}: {last}."
        self._failed(message)
        raise SourceUnavailable(message)

    def get(self, url: str, params: Mapping[str, str] | None = None) -> dict[str, Any]:
        if params:
            url = f"{url}{'&' if '?' in url else '?'}{urlencode(dict(params))}"
        response = self._request("GET", url)
        return self._answer(urlsplit(url).path, response.status, response.data)

    def send(self, method: str, url: str, body: dict[str, Any] | None = None) -> dict[str, Any]:
        """A write (POST, PUT, DELETE); 201 and 204 are success."""
        data = json.dumps(body).encode() if body is not None else None
        response = self._request(method, url, data)
        path = urlsplit(url).path
        if response.status == 204 or (response.status == 201 and not response.data):
            return {}
        status = 200 if response.status == 201 else response.status
        return self._answer(path, status, response.data)

    def stream(self, url: str, *, max_bytes: int) -> Iterator[bytes]:
        """The bytes at ``url`` in chunks, refusing more than ``max_bytes``. The first call
        happens before the iterator is returned, so a source that is down fails here."""
        response = self._request("GET", url, stream=True)
        if response.status != 200:
            data = response.data
            self._answer(urlsplit(url).path, response.status, data)
        return self._chunks(response, max_bytes)

    def _chunks(self, response: Any, max_bytes: int) -> Iterator[bytes]:
        total = 0
        try:
            for chunk in response.stream(64 * 1024):
                total += len(chunk)
                if total > max_bytes:
                    raise SourceUnavailable("The document at the source is larger than allowed.")
                yield chunk
        except Urllib3Error as exc:
            raise SourceUnavailable(f"The source stopped sending: {type(exc).__name__}.") from exc
        finally:
            response.release_conn()

    def _answer(self, path: str, status: int, data: bytes) -> dict[str, Any]:
        if status == 200:
            try:
                body = json.loads(data)
            except ValueError as exc:
                raise SourceUnavailable(f"{path} did not answer JSON.") from exc
            if isinstance(body, list):
                return {"results": body, "next": None}
            if not isinstance(body, dict):
                raise SourceUnavailable(f"{path} answered an unexpected shape.")
            return body
        meaning = {
            401: "the credentials (client id / secret) are not accepted",
            403: "the client lacks a scope or a zaaktype for this",
            404: "not found",
        }.get(status, "a client error")
        raise SourceAnswered(f"{path} answered {status}: {meaning}.", status=status)

    def get_all(
        self, url: str, params: Mapping[str, str] | None = None
    ) -> Iterator[dict[str, Any]]:
        """Every item of a (paginated) ZGW list; ``next`` links are checked like any URL."""
        page: str | None = url
        query = params
        for _ in range(MAX_PAGES):
            if page is None:
                return
            body = self.get(page, query)
            yield from body.get("results", [])
            page, query = body.get("next") or None, None
        raise SourceUnavailable(f"{urlsplit(url).path} has more than {MAX_PAGES} pages.")


def client_for(config: SourceConfig, *, timeout: float | None = None) -> ZgwWriter:
    return HttpZgwClient(config, timeout=timeout)
