"""ZGW JWT authentication: HS256 tokens with ``client_id`` and ``iat``, one secret per client.

The token is decoded once unverified to find the client, then verified with that client's
secret. ``iat`` may lie up to ``JWT_LEEWAY`` seconds in the future (clock skew) and the
token is refused ``JWT_EXPIRY`` seconds after it.

A web process keeps every client that may log in (secret, principal; read in two queries)
in a per-process cache with a generation (``core/process_cache.py``, decision 0043):
saving or deleting a credential, applicatie or autorisatie moves the ``api-clients``
generation in the save's transaction (``changed_on_write`` in ``apps.py``), so
this process reads them again on its next request and every other one within
``CACHE_FRESHNESS_SECONDS``; ``API_CLIENT_CACHE_SECONDS`` bounds how long they are kept at
all (a change behind the services' back), and 0 reads the client on every request. A
client id that is not there costs no query. The claims of a verified token are kept with
the secret that verified it, and used only while that is still the client's secret.
Expiry (``iat`` + ``JWT_EXPIRY``) is checked on every request (decision 0044).
"""

from __future__ import annotations

import time
import warnings
from dataclasses import dataclass
from typing import Any

import jwt
import structlog
from django.conf import settings
from jwt.warnings import InsecureKeyLengthWarning
from rest_framework.authentication import BaseAuthentication
from rest_framework.exceptions import AuthenticationFailed
from rest_framework.request import Request

from mijnservices.core.identity import ApiClient
from mijnservices.core.process_cache import ProcessCache
from mijnservices.services.access.api_clients import (
    LoadedClient,
    api_client_load,
    api_clients_load,
)

logger = structlog.get_logger(__name__)

API_CLIENTS = "api-clients"  # the generation every saved credential or right moves


@dataclass(frozen=True)
class _Clients:
    read_at: float
    by_id: dict[str, LoadedClient]


_CLIENTS = ProcessCache(API_CLIENTS, lambda: _Clients(time.monotonic(), api_clients_load()))
# token -> (the secret that verified it, its claims)
_tokens: dict[str, tuple[str, dict[str, Any]]] = {}
MAX_ENTRIES = 2048


def api_client_cache_clear() -> None:
    """Forget the clients and verified tokens in this process."""
    _CLIENTS.clear()
    _tokens.clear()


def _client(client_id: str) -> LoadedClient | None:
    ttl = settings.API_CLIENT_CACHE_SECONDS
    if not ttl:
        return api_client_load(client_id)
    clients = _CLIENTS.get()
    if time.monotonic() - clients.read_at >= ttl:
        _CLIENTS.clear()
        clients = _CLIENTS.get()
    return clients.by_id.get(client_id)


class JWTAuthentication(BaseAuthentication):
    keyword = "Bearer"

    def authenticate(self, request: Request) -> tuple[ApiClient, str] | None:
        header = request.META.get("HTTP_AUTHORIZATION", "")
        if not header:
            return None
        scheme, _, token = header.partition(" ")
        if scheme != self.keyword or not token.strip():
            raise AuthenticationFailed("Use 'Authorization: Bearer <JWT>'.")
        token = token.strip()
        cached = _tokens.get(token)
        # A token verified before names its client in its claims: no second decoding.
        client_id = cached[1]["client_id"] if cached else self._claimed_client_id(token)
        loaded = _client(client_id)
        if loaded is None or not loaded.secret:
            logger.info("api_token_refused", reason="unknown-client")
            raise AuthenticationFailed("The client identifier is not known.")
        if cached is not None and cached[0] == loaded.secret:
            payload = cached[1]
            self._check_expiry(payload)
        else:
            payload = self._verify(token, loaded.secret)
            if settings.API_CLIENT_CACHE_SECONDS:
                if len(_tokens) >= MAX_ENTRIES:
                    _tokens.clear()
                _tokens[token] = (loaded.secret, payload)
        if payload.get("client_id") != client_id:
            raise AuthenticationFailed("The token's client_id does not match.")
        return loaded.principal, token

    def authenticate_header(self, request: Request) -> str:
        return f'{self.keyword} realm="api"'

    @staticmethod
    def _claimed_client_id(token: str) -> str:
        try:
            claims = jwt.decode(token, options={"verify_signature": False})
        except jwt.PyJWTError as exc:
            raise AuthenticationFailed("The token is not a valid JWT.") from exc
        client_id = claims.get("client_id")
        if not isinstance(client_id, str) or not client_id:
            raise AuthenticationFailed("The token has no client_id claim.")
        return client_id

    @staticmethod
    def _verify(token: str, secret: str) -> dict[str, Any]:
        leeway = settings.JWT_LEEWAY
        try:
            with warnings.catch_warnings():
                # ZGW secrets are chosen per client (the demo's is short on purpose);
                # length is an admin concern, not a reason to refuse a valid token.
                warnings.simplefilter("ignore", InsecureKeyLengthWarning)
                payload: dict[str, Any] = jwt.decode(
                    token,
                    secret,
                    algorithms=["HS256"],
                    leeway=leeway,
                    options={"require": ["iat"], "verify_aud": False},
                )
        except jwt.MissingRequiredClaimError as exc:
            raise AuthenticationFailed("The token has no iat claim.") from exc
        except jwt.ImmatureSignatureError as exc:
            raise AuthenticationFailed("The token's iat lies in the future.") from exc
        except jwt.InvalidSignatureError as exc:
            logger.info("api_token_refused", reason="bad-signature")
            raise AuthenticationFailed("The token's signature is invalid.") from exc
        except jwt.PyJWTError as exc:
            raise AuthenticationFailed("The token is invalid.") from exc
        JWTAuthentication._check_expiry(payload)
        return payload

    @staticmethod
    def _check_expiry(payload: dict[str, Any]) -> None:
        if time.time() - float(payload["iat"]) > settings.JWT_EXPIRY + settings.JWT_LEEWAY:
            raise AuthenticationFailed("The token has expired.")
