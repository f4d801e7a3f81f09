"""ZGW JWT authentication: HS256 tokens with ``client_id`` and ``iat``, one secret per client.

The token is decoded once unverified to find the client, then verified with that client's
secret. ``iat`` may lie up to ``JWT_LEEWAY`` seconds in the future (clock skew) and the
token is refused ``JWT_EXPIRY`` seconds after it.
"""

from __future__ import annotations

import time
import warnings
from typing import Any

import jwt
import structlog
from django.conf import settings
from jwt.warnings import InsecureKeyLengthWarning
from rest_framework.authentication import BaseAuthentication
from rest_framework.exceptions import AuthenticationFailed
from rest_framework.request import Request

from mijnservices.core.identity import ApiClient
from mijnservices.services.access.api_clients import api_client_load

logger = structlog.get_logger(__name__)


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
        client_id = self._claimed_client_id(token)
        loaded = api_client_load(client_id)
        if loaded is None or not loaded.secret:
            logger.info("api_token_refused", reason="unknown-client")
            raise AuthenticationFailed("The client identifier is not known.")
        payload = self._verify(token, loaded.secret)
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
        if time.time() - float(payload["iat"]) > settings.JWT_EXPIRY + leeway:
            raise AuthenticationFailed("The token has expired.")
        return payload
