"""The OpenID Connect pieces both logins share: the citizens' DigiD/eHerkenning brokers
(``portal/oidc.py``) and the employees' identity provider (``kcc/oidc.py``)."""

from __future__ import annotations

import threading
from typing import Any

import requests
from django.conf import settings
from django.utils.translation import gettext_lazy as _


class LoginError(Exception):
    """A login that cannot go on; ``message`` is shown to the person logging in (plain language)."""

    def __init__(self, message: Any, *, code: str, status: int = 400) -> None:
        super().__init__(code)
        self.message = message
        self.code = code
        self.status = status


_DISCOVERY: dict[str, dict[str, Any]] = {}
_DISCOVERY_LOCK = threading.Lock()


def discover(url: str, *, verify: str | bool) -> dict[str, Any]:
    """The provider's metadata, fetched once per process (providers change it rarely)."""
    with _DISCOVERY_LOCK:
        if url in _DISCOVERY:
            return _DISCOVERY[url]
    try:
        response = requests.get(url, verify=verify, timeout=settings.OIDC["timeout"])
        response.raise_for_status()
        metadata = response.json()
        for key in ("authorization_endpoint", "token_endpoint", "jwks_uri", "userinfo_endpoint"):
            if not isinstance(metadata.get(key), str):
                raise ValueError(f"discovery document lacks {key}")
    except (requests.RequestException, ValueError) as exc:
        raise LoginError(
            _("Logging in is not possible right now. Please try again later."),
            code="broker-unavailable",
            status=503,
        ) from exc
    with _DISCOVERY_LOCK:
        _DISCOVERY[url] = metadata
    return metadata


def forget_discovery() -> None:
    """For tests that start a new broker on a new port."""
    with _DISCOVERY_LOCK:
        _DISCOVERY.clear()
