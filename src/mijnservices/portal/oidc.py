"""DigiD and eHerkenning through an OpenID Connect broker, on mozilla-django-oidc.

Citizens are not Django users (decision 0004). The library's backend does the protocol
work (token exchange, ID-token signature and nonce, userinfo); our subclass turns the
claims into a :class:`Citizen` instead of creating a ``User``. Each broker is one
:class:`Provider` built from declared settings; it is off until configured.
"""

from __future__ import annotations

import json
from dataclasses import dataclass
from typing import Any, Literal

from django.conf import settings
from django.urls import reverse
from django.utils.translation import gettext_lazy as _
from mozilla_django_oidc.auth import OIDCAuthenticationBackend

from mijnservices.core.identity import Citizen, Party
from mijnservices.core.validators import is_valid_bsn
from mijnservices.services.presentation.levels import rank_from_claim
from mijnservices.ui.oidc import LoginError, discover

ProviderName = Literal["digid", "eherkenning"]
PROVIDERS: tuple[ProviderName, ...] = ("digid", "eherkenning")


@dataclass(frozen=True)
class Provider:
    """One configured broker: where it is, who we are there, and which claims say what."""

    name: ProviderName
    discovery_url: str
    client_id: str
    client_secret: str
    scopes: str
    identity_claim: str
    vestiging_claim: str
    represented_bsn_claim: str
    represented_kvk_claim: str
    mandate_claim: str

    @property
    def configured(self) -> bool:
        return bool(self.discovery_url and self.client_id)

    @property
    def verify(self) -> str | bool:
        """What ``requests`` verifies the broker's certificate against."""
        return settings.OIDC["ca_bundle"] or True

    @property
    def claim_names(self) -> list[str]:
        names = [
            self.identity_claim,
            self.vestiging_claim,
            self.represented_bsn_claim,
            self.represented_kvk_claim,
            self.mandate_claim,
            settings.OIDC["mandate_zaaktypen_claim"],
            settings.OIDC["represented_name_claim"],
            settings.OIDC["level_claim"],
        ]
        return [name for name in names if name]

    def endpoints(self) -> dict[str, Any]:
        return discover(self.discovery_url, verify=self.verify)

    def setting(self, attr: str, *default: Any) -> Any:
        """mozilla-django-oidc's settings, answered per provider."""
        values: dict[str, Any] = {
            "OIDC_RP_CLIENT_ID": self.client_id,
            "OIDC_RP_CLIENT_SECRET": self.client_secret,
            "OIDC_RP_SCOPES": self.scopes,
            "OIDC_RP_SIGN_ALGO": "RS256",
            "OIDC_VERIFY_SSL": self.verify,
            "OIDC_TIMEOUT": settings.OIDC["timeout"],
            "OIDC_USE_NONCE": True,
            "OIDC_USE_PKCE": True,
            "OIDC_STORE_ID_TOKEN": True,
            "OIDC_CREATE_USER": False,
            "OIDC_AUTHENTICATION_CALLBACK_URL": f"portal:{self.name}_callback",
            # Ask for exactly the claims we read; brokers that release claims by scope
            # ignore this (OIDC Core 5.5).
            "OIDC_AUTH_REQUEST_EXTRA_PARAMS": {
                "claims": json.dumps({"userinfo": dict.fromkeys(self.claim_names)})
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
            return self.endpoints()[endpoint_keys[attr]]
        if default:
            return default[0]
        raise KeyError(attr)


def provider(name: ProviderName) -> Provider:
    """The broker ``name`` as configured (settings.OIDC, declared in conf/login.py)."""
    return Provider(name=name, **settings.OIDC["providers"][name])


def configured_providers() -> list[ProviderName]:
    return [name for name in PROVIDERS if provider(name).configured]


def _claim(claims: dict[str, Any], name: str) -> str:
    value = claims.get(name) if name else None
    return str(value).strip() if value not in (None, "") else ""


def _kvk(value: str) -> bool:
    return len(value) == 8 and value.isdigit()


def citizen_from_claims(config: Provider, claims: dict[str, Any]) -> Citizen:
    """The logged-in person or business, and whom they act for, from the broker's claims."""
    identifier = _claim(claims, config.identity_claim)
    if config.name == "digid":
        if not is_valid_bsn(identifier):
            raise LoginError(
                _(
                    "DigiD did not tell us your citizen service number (BSN), so we cannot "
                    "show your cases. Please try again later or contact us."
                ),
                code="missing-bsn",
                status=403,
            )
        actor = Party(kind="bsn", identifier=identifier)
        auth_method: Literal["digid", "eherkenning"] = "digid"
    else:
        if not _kvk(identifier):
            raise LoginError(
                _(
                    "eHerkenning did not tell us the KvK number of your business, so we cannot "
                    "show its cases. Please try again later or contact us."
                ),
                code="missing-kvk",
                status=403,
            )
        vestiging = _claim(claims, config.vestiging_claim)
        if vestiging and not (vestiging.isdigit() and len(vestiging) == 12):
            vestiging = ""  # a malformed vestiging never widens access; whole business it is
        actor = Party(kind="kvk", identifier=identifier, vestiging=vestiging)
        auth_method = "eherkenning"
    represented = _represented(config, claims)
    zaaktypen_claim = claims.get(settings.OIDC["mandate_zaaktypen_claim"]) if represented else None
    if isinstance(zaaktypen_claim, str):
        zaaktypen_claim = zaaktypen_claim.split()
    return Citizen(
        actor=actor,
        auth_method=auth_method,
        represented=represented,
        mandate=_claim(claims, config.mandate_claim) if represented else "",
        mandate_zaaktypen=tuple(str(z) for z in zaaktypen_claim or ()),
        level=rank_from_claim(claims.get(settings.OIDC["level_claim"])),
    )


def _represented(config: Provider, claims: dict[str, Any]) -> Party | None:
    name = _claim(claims, settings.OIDC["represented_name_claim"])
    bsn = _claim(claims, config.represented_bsn_claim)
    if bsn:
        if not is_valid_bsn(bsn):
            raise LoginError(
                _("We could not check for whom you act. Please log in again."),
                code="invalid-represented-bsn",
                status=403,
            )
        return Party(kind="bsn", identifier=bsn, name=name)
    kvk = _claim(claims, config.represented_kvk_claim)
    if kvk:
        if not _kvk(kvk):
            raise LoginError(
                _("We could not check for whom you act. Please log in again."),
                code="invalid-represented-kvk",
                status=403,
            )
        return Party(kind="kvk", identifier=kvk, name=name)
    return None


class CitizenBackend(OIDCAuthenticationBackend):
    """mozilla-django-oidc's protocol work; the result is a Citizen, not a User."""

    def __init__(self, config: Provider) -> None:
        self.config = config
        super().__init__()

    def get_settings(self, attr: str, *args: Any) -> Any:  # type: ignore[override]
        return self.config.setting(attr, *args)

    def get_or_create_user(self, access_token: str, id_token: str, payload: dict[str, Any]) -> Any:
        # The ID token's claims first, userinfo's over them (brokers put BSNs in either).
        claims = {**payload, **self.get_userinfo(access_token, id_token, payload)}
        return citizen_from_claims(self.config, claims)


def callback_url(name: ProviderName) -> str:
    return reverse(f"portal:{name}_callback")
