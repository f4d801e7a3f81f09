"""The two ends of an OpenID Connect login: off to the broker, and back with a code.

Both subclass mozilla-django-oidc's views; the callback logs a :class:`Citizen` into the
session with :func:`~mijnservices.portal.auth.login_citizen` instead of a Django user, and
every failure becomes a page that says what happened in plain words, never a 500.
"""

from __future__ import annotations

from typing import Any

import jwt
import requests
import structlog
from django.core.exceptions import SuspiciousOperation
from django.http import Http404, HttpRequest, HttpResponse
from django.shortcuts import render
from django.utils.translation import gettext_lazy as _
from django.views.generic import View
from mozilla_django_oidc.views import (
    OIDCAuthenticationCallbackView,
    OIDCAuthenticationRequestView,
)

from mijnservices.core.identity import Citizen
from mijnservices.portal.auth import OIDC_SESSION_KEY, login_citizen, redirect_after_login
from mijnservices.portal.oidc import CitizenBackend, Provider, ProviderName, provider
from mijnservices.services.presentation.levels import ACR_VALUES
from mijnservices.ui.oidc import LoginError

logger = structlog.get_logger("mijnservices.portal")


def login_error(request: HttpRequest, error: LoginError, name: ProviderName) -> HttpResponse:
    logger.warning("oidc_login_failed", provider=name, code=error.code)
    return render(
        request,
        "portal/login_error.html",
        {"message": error.message, "code": error.code, "provider": name},
        status=error.status,
    )


def _configured(name: ProviderName) -> Provider:
    config = provider(name)
    if not config.configured:
        raise Http404  # off until configured
    return config


class OidcLoginView(OIDCAuthenticationRequestView):
    """Send the visitor to the broker (authorization code flow with PKCE and a nonce)."""

    provider_name: ProviderName = "digid"
    config: Provider

    def __init__(self, **kwargs: Any) -> None:
        # The library resolves the broker's endpoints here; we do it in get(), where a
        # broker that is down can become a friendly page.
        View.__init__(self, **kwargs)

    def get_settings(self, attr: str, *args: Any) -> Any:  # type: ignore[override]
        return self.config.setting(attr, *args)

    def get_extra_params(self, request: HttpRequest) -> dict[str, Any]:
        """Ask the broker for a login level when a zaak needs one (``?niveau=``)."""
        params: dict[str, Any] = dict(super().get_extra_params(request))
        acr = ACR_VALUES.get(request.GET.get("niveau", ""))
        if acr:
            params["acr_values"] = acr
        return params

    def get(self, request: HttpRequest) -> HttpResponse:
        self.config = _configured(self.provider_name)
        try:
            self.OIDC_OP_AUTH_ENDPOINT = self.config.setting("OIDC_OP_AUTHORIZATION_ENDPOINT")
        except LoginError as error:
            return login_error(request, error, self.provider_name)
        self.OIDC_RP_CLIENT_ID = self.config.client_id
        response: HttpResponse = super().get(request)
        return response


class OidcCallbackView(OIDCAuthenticationCallbackView):
    """The broker sends the visitor back here with a code (or an error)."""

    provider_name: ProviderName = "digid"

    def get(self, request: HttpRequest) -> HttpResponse:
        config = _configured(self.provider_name)
        states = request.session.get("oidc_states")
        states = states if isinstance(states, dict) else {}
        state = request.GET.get("state", "")
        entry = states.pop(state, None)
        request.session["oidc_states"] = states  # a state is used once, also when it fails
        if request.GET.get("error"):
            return self._fail(
                LoginError(
                    _("Logging in was stopped or did not work. You can try again."),
                    code="broker-error",
                )
            )
        if not request.GET.get("code") or not isinstance(entry, dict):
            return self._fail(
                LoginError(
                    _(
                        "Your login has expired or was started in another window. "
                        "Please log in again."
                    ),
                    code="bad-state",
                )
            )
        next_url = request.session.get("oidc_login_next")
        try:
            backend = CitizenBackend(config)
            citizen = backend.authenticate(
                request, nonce=entry.get("nonce"), code_verifier=entry.get("code_verifier")
            )
        except LoginError as error:
            return self._fail(error)
        except (SuspiciousOperation, requests.RequestException, jwt.PyJWTError, ValueError) as exc:
            logger.warning("oidc_token_refused", provider=config.name, error=type(exc).__name__)
            citizen = None
        if not isinstance(citizen, Citizen):
            return self._fail(
                LoginError(_("Logging in did not work. Please try again."), code="token-refused")
            )
        id_token = request.session.get("oidc_id_token")
        for key in ("oidc_states", "oidc_login_next", "oidc_id_token"):
            request.session.pop(key, None)
        login_citizen(request, citizen)
        request.session[OIDC_SESSION_KEY] = {"provider": config.name, "id_token": id_token}
        return redirect_after_login(request, next_url)

    def _fail(self, error: LoginError) -> HttpResponse:
        return login_error(self.request, error, self.provider_name)
