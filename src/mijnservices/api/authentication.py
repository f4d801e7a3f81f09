"""ZGW JWT authentication: HS256 tokens with ``client_id`` and ``iat``, one secret per client.

The token is decoded once unverified to find the client, then verified with that client's
secret. ``iat`` may lie up to ``JWT_LEEWAY`` seconds in the future (clock skew) and the
token is refused ``JWT_EXPIRY`` seconds after it.

A web process keeps what it read about a client (secret, principal) for
``API_CLIENT_CACHE_SECONDS`` and the claims of a token it verified (with the secret that
verified it); saving or deleting a credential, applicatie or autorisatie clears both in that
process (:func:`clients_forget`, connected in ``apps.py``), other processes read the change
when their entry expires. Expiry (``iat`` + ``JWT_EXPIRY``) is checked on every request.
"""

from __future__ import annotations

import time
import warnings
from typing import Any

import jwt
import structlog
from django.conf import settings
from django.db import transaction
from jwt.warnings import InsecureKeyLengthWarning
from rest_framework.authentication import BaseAuthentication
from rest_framework.exceptions import AuthenticationFailed
from rest_framework.request import Request

from mijnservices.core.identity import ApiClient
from mijnservices.services.access.api_clients import LoadedClient, api_client_load

logger = structlog.get_logger(__name__)

# client_id -> (read at, the client or None when unknown); token -> (secret, claims)
_clients: dict[str, tuple[float, LoadedClient | None]] = {}
_tokens: dict[str, tuple[str, dict[str, Any]]] = {}
MAX_ENTRIES = 2048


def api_client_cache_clear() -> None:
    """Forget every cached client and verified token."""
    _clients.clear()
    _tokens.clear()


def clients_forget(**_: Any) -> None:
    """Forget every cached client and verified token (a signal receiver): now, and again when
    the transaction commits (a request in between may have read the old rows)."""
    api_client_cache_clear()
    transaction.on_commit(api_client_cache_clear)


def _client(client_id: str) -> LoadedClient | None:
    ttl = settings.API_CLIENT_CACHE_SECONDS
    now = time.monotonic()
    cached = _clients.get(client_id)
    if cached is not None and now - cached[0] < ttl:
        return cached[1]
    loaded = api_client_load(client_id)
    if ttl:
        if len(_clients) >= MAX_ENTRIES:
            _clients.clear()
        _clients[client_id] = (now, loaded)
    return loaded


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
