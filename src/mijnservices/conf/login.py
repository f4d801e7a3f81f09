"""Declared settings of the portal's DigiD / eHerkenning login through OpenID Connect brokers.

Kept apart from ``settings.py`` (which holds the result as ``OIDC``) so that file stays
readable. Each broker is off until its discovery URL and client id are set.
"""

from __future__ import annotations

from typing import Any

from mijnservices.conf.env import declare, positive

GROUP = "Login (OIDC)"
# (key, label, default scopes, identity claim setting, its default, whose identity it is)
BROKERS = (
    ("digid", "DigiD", "openid bsn", "BSN", "bsn", "BSN of the person"),
    ("eherkenning", "eHerkenning", "openid kvk", "KVK", "kvk", "KvK number of the business"),
)


def _broker(
    key: str, label: str, scopes: str, identity: str, identity_default: str, whose: str
) -> dict[str, Any]:
    prefix = f"OIDC_{key.upper()}"
    config = {
        "discovery_url": declare(
            f"{prefix}_DISCOVERY_URL",
            "",
            f"{label} broker's `.well-known/openid-configuration` URL. Empty: no {label} login "
            "(its button is hidden).",
            group=GROUP,
        ),
        "client_id": declare(
            f"{prefix}_CLIENT_ID", "", f"Client id registered at the {label} broker.", group=GROUP
        ),
        "client_secret": declare(
            f"{prefix}_CLIENT_SECRET",
            "",
            f"Client secret for the {label} broker.",
            group=GROUP,
            secret=True,
        ),
        "scopes": declare(
            f"{prefix}_SCOPES",
            scopes,
            f"Scopes asked of the {label} broker (space separated).",
            group=GROUP,
        ),
        "identity_claim": declare(
            f"{prefix}_{identity}_CLAIM",
            identity_default,
            f"{label} claim with the {whose} who logged in.",
            group=GROUP,
        ),
        "vestiging_claim": "",
        "represented_kvk_claim": "",
        "represented_bsn_claim": declare(
            f"{prefix}_REPRESENTED_BSN_CLAIM",
            "",
            f"{label} claim with the BSN of the person the user acts for (machtiging, "
            "bewindvoering). Empty: not read.",
            group=GROUP,
        ),
        "mandate_claim": declare(
            f"{prefix}_MANDATE_CLAIM",
            "",
            f"{label} claim naming the kind of machtiging (e.g. `bewindvoering`). Empty: not read.",
            group=GROUP,
        ),
    }
    if key == "eherkenning":
        config["vestiging_claim"] = declare(
            f"{prefix}_VESTIGING_CLAIM",
            "vestiging",
            "eHerkenning claim with the vestigingsnummer when the login is for one establishment.",
            group=GROUP,
        )
        config["represented_kvk_claim"] = declare(
            f"{prefix}_REPRESENTED_KVK_CLAIM",
            "",
            "eHerkenning claim with the KvK number of the business acted for (ketenmachtiging). "
            "Empty: not read.",
            group=GROUP,
        )
    return config


def declare_oidc() -> dict[str, Any]:
    return {
        "ca_bundle": declare(
            "OIDC_CA_BUNDLE",
            "",
            "Path of a CA bundle to trust for the brokers' TLS certificates. Empty: the system's "
            "CAs.",
            group=GROUP,
        ),
        "timeout": declare(
            "OIDC_TIMEOUT",
            10,
            "Seconds to wait for a broker (discovery, token, userinfo, keys).",
            group=GROUP,
            check=positive,
        ),
        "level_claim": declare(
            "OIDC_LEVEL_CLAIM",
            "acr",
            "Claim with the authentication level (DigiD Basis…Hoog as SAML context or 10/20/25/30, "
            "eHerkenning loa2plus/loa3/loa4). A zaaktype can require a level (beheer screens).",
            group=GROUP,
        ),
        "mandate_zaaktypen_claim": declare(
            "OIDC_MANDATE_ZAAKTYPEN_CLAIM",
            "",
            "Claim listing the zaaktype identificaties a machtiging covers. Empty or absent: all "
            "zaken of the represented party.",
            group=GROUP,
        ),
        "represented_name_claim": declare(
            "OIDC_REPRESENTED_NAME_CLAIM",
            "",
            "Claim with the name of the represented person or business, shown as 'on behalf "
            "of'. Empty: a masked number is shown.",
            group=GROUP,
        ),
        "providers": {key: _broker(key, *rest) for key, *rest in BROKERS},
    }
