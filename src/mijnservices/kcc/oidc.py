"""Employee login at the organisation's identity provider (OpenID Connect).

A flow of its own, next to the citizens' DigiD/eHerkenning brokers (portal/oidc.py) and on
the same library (mozilla-django-oidc): its own settings ``EMPLOYEE_OIDC_*``, its own
callback, and the result is a Django user with :class:`EmployeeRole` rows taken from a
roles claim at every login (the identity provider is the source of truth for roles when
it is used). Off until configured: the views answer 404 and the login page shows no
button.
"""

from __future__ import annotations

import json
from dataclasses import dataclass
from typing import Any

import jwt
import requests
import structlog
from django.conf import settings
from django.contrib.auth import get_user_model
from django.core.exceptions import SuspiciousOperation
from django.db import transaction
from django.http import Http404, HttpRequest, HttpResponse, HttpResponseRedirect
from django.shortcuts import render, resolve_url
from django.utils.translation import gettext_lazy as _
from django.views.generic import View
from mozilla_django_oidc.auth import OIDCAuthenticationBackend
from mozilla_django_oidc.views import (
    OIDCAuthenticationCallbackView,
    OIDCAuthenticationRequestView,
)

from mijnservices.kcc.auth import login_employee
from mijnservices.services.access.models import EmployeeRole, Role
from mijnservices.ui.oidc import LoginError, discover
from mijnservices.ui.session import safe_next_url

logger = structlog.get_logger("mijnservices.kcc")
CALLBACK = "kcc:oidc_callback"


@dataclass(frozen=True)
class EmployeeProvider:
    discovery_url: str
    client_id: str
    client_secret: str
    scopes: str
    username_claim: str
    roles_claim: str
    ca_bundle: str

    @property
    def configured(self) -> bool:
        return bool(self.discovery_url and self.client_id)

    def setting(self, attr: str, *default: Any) -> Any:
        verify: str | bool = self.ca_bundle or True
        values: dict[str, Any] = {
            "OIDC_RP_CLIENT_ID": self.client_id,
            "OIDC_RP_CLIENT_SECRET": self.client_secret,
            "OIDC_RP_SCOPES": self.scopes,
            "OIDC_RP_SIGN_ALGO": "RS256",
            "OIDC_VERIFY_SSL": verify,
            "OIDC_TIMEOUT": settings.OIDC["timeout"],
            "OIDC_USE_NONCE": True,
            "OIDC_USE_PKCE": True,
            "OIDC_STORE_ID_TOKEN": False,
            "OIDC_CREATE_USER": False,
            "OIDC_AUTHENTICATION_CALLBACK_URL": CALLBACK,
            # Ask for exactly the claims we read (OIDC Core 5.5); a provider that releases
            # them by scope ignores this.
            "OIDC_AUTH_REQUEST_EXTRA_PARAMS": {
                "claims": json.dumps(
                    {"userinfo": dict.fromkeys([self.username_claim, self.roles_claim])}
                )
            },
        }
        if attr in values:
            return values[attr]
        endpoint_keys = {
            "OIDC_OP_AUTHORIZATION_ENDPOINT": "authorization_endpoint",
            "OIDC_OP_TOKEN_ENDPOINT": "token_endpoint",
            "OIDC_OP_USER_ENDPOINT": "userinfo_endpoint",
            "OIDC_OP_JWKS_ENDPOINT": "jwks_uri",
        }
        if attr in endpoint_keys:
            return discover(self.discovery_url, verify=verify)[endpoint_keys[attr]]
        if default:
            return default[0]
        raise KeyError(attr)


def employee_provider() -> EmployeeProvider:
    return EmployeeProvider(
        discovery_url=settings.EMPLOYEE_OIDC_DISCOVERY_URL,
        client_id=settings.EMPLOYEE_OIDC_CLIENT_ID,
        client_secret=settings.EMPLOYEE_OIDC_CLIENT_SECRET,
        scopes=settings.EMPLOYEE_OIDC_SCOPES,
        username_claim=settings.EMPLOYEE_OIDC_USERNAME_CLAIM,
        roles_claim=settings.EMPLOYEE_OIDC_ROLES_CLAIM,
        ca_bundle=settings.EMPLOYEE_OIDC_CA_BUNDLE,
    )


def roles_from_claim(value: Any) -> dict[str, list[str]]:
    """``["kcc", "behandelaar:ZT-A", "behandelaar:ZT-B"]`` → ``{"kcc": [], "behandelaar":
    ["ZT-A", "ZT-B"]}``; a string is split on spaces; unknown roles are ignored."""
    values = value.split() if isinstance(value, str) else value
    roles: dict[str, list[str]] = {}
    for item in values if isinstance(values, list) else []:
        name, _sep, zaaktype = str(item).strip().partition(":")
        if name not in Role.values:
            continue
        zaaktypen = roles.setdefault(name, [])
        if name == Role.BEHANDELAAR and zaaktype and zaaktype not in zaaktypen:
            zaaktypen.append(zaaktype)
    if Role.BEHANDELAAR in roles and not roles[Role.BEHANDELAAR]:
        del roles[Role.BEHANDELAAR]  # a case handler of no zaaktype handles nothing
    return roles


@transaction.atomic
def employee_sync(*, username: str, roles: dict[str, list[str]]) -> Any:
    """The Django user for an identity-provider login, created when new (no usable
    password: it only logs in here), with exactly ``roles``."""
    user_model = get_user_model()
    user = user_model.objects.filter(username=username).first()
    if user is None:
        user = user_model.objects.create_user(username=username, password=None)
    EmployeeRole.objects.filter(user=user).exclude(role__in=list(roles)).delete()
    for role, zaaktypen in roles.items():
        EmployeeRole.objects.update_or_create(
            user=user, role=role, defaults={"zaaktype_identificaties": zaaktypen}
        )
    return user


class EmployeeBackend(OIDCAuthenticationBackend):
    def __init__(self, config: EmployeeProvider) -> None:
        self.config = config
        super().__init__()

    def get_settings(self, attr: str, *args: Any) -> Any:  # type: ignore[override]
        return self.config.setting(attr, *args)

    def get_or_create_user(self, access_token: str, id_token: str, payload: dict[str, Any]) -> Any:
        claims = {**payload, **self.get_userinfo(access_token, id_token, payload)}
        username = str(claims.get(self.config.username_claim) or "").strip()[:150]
        if not username:
            raise LoginError(
                _("Your account has no user name."), code="missing-username", status=403
            )
        return employee_sync(
            username=username, roles=roles_from_claim(claims.get(self.config.roles_claim))
        )


def _configured() -> EmployeeProvider:
    config = employee_provider()
    if not config.configured:
        raise Http404  # off until configured
    return config


def _error(request: HttpRequest, message: Any, code: str, status: int = 400) -> HttpResponse:
    logger.warning("employee_oidc_login_failed", code=code)
    return render(request, "kcc/login_error.html", {"message": message}, status=status)


class EmployeeOidcLoginView(OIDCAuthenticationRequestView):
    """Off to the identity provider (authorization code flow, PKCE and a nonce)."""

    config: EmployeeProvider

    def __init__(self, **kwargs: Any) -> None:
        View.__init__(self, **kwargs)  # endpoints are resolved in get(), see portal

    def get_settings(self, attr: str, *args: Any) -> Any:  # type: ignore[override]
        return self.config.setting(attr, *args)

    def get(self, request: HttpRequest) -> HttpResponse:
        self.config = _configured()
        try:
            self.OIDC_OP_AUTH_ENDPOINT = self.config.setting("OIDC_OP_AUTHORIZATION_ENDPOINT")
        except LoginError as error:
            return _error(request, error.message, error.code, error.status)
        self.OIDC_RP_CLIENT_ID = self.config.client_id
        response: HttpResponse = super().get(request)
        return response


class EmployeeOidcCallbackView(OIDCAuthenticationCallbackView):
    def get(self, request: HttpRequest) -> HttpResponse:
        config = _configured()
        states = request.session.get("oidc_states")
        states = states if isinstance(states, dict) else {}
        entry = states.pop(request.GET.get("state", ""), None)
        request.session["oidc_states"] = states
        if request.GET.get("error") or not request.GET.get("code") or not isinstance(entry, dict):
            return _error(
                request, _("Logging in was stopped or did not work. You can try again."), "state"
            )
        next_url = request.session.pop("oidc_login_next", None)
        try:
            user = EmployeeBackend(config).authenticate(
                request, nonce=entry.get("nonce"), code_verifier=entry.get("code_verifier")
            )
        except LoginError as error:
            return _error(request, error.message, error.code, error.status)
        except (SuspiciousOperation, requests.RequestException, jwt.PyJWTError, ValueError) as exc:
            logger.warning("employee_oidc_token_refused", error=type(exc).__name__)
            user = None
        if user is None:
            return _error(request, _("Logging in did not work. Please try again."), "token")
        request.session.pop("oidc_states", None)
        login_employee(request, user, method="oidc")
        logger.info("employee_login", method="oidc", user_id=user.pk)
        target = safe_next_url(request, next_url) if isinstance(next_url, str) else None
        return HttpResponseRedirect(target or resolve_url("kcc:home"))


def oidc_configured() -> bool:
    return employee_provider().configured
