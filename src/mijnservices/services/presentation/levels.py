"""Authentication levels (betrouwbaarheidsniveaus) of DigiD and eHerkenning, on one scale.

A zaaktype may require a level; a citizen whose login was at a lower level sees that the zaak
exists and is asked to log in again. DigiD Basis/Midden/Substantieel/Hoog and eHerkenning
EH2+/EH3/EH4 are mapped onto the eIDAS-like ranks 1..4 (EH2+ ~ Midden, EH3 ~ Substantieel,
EH4 ~ Hoog), so one rule serves both.
"""

from __future__ import annotations

from django.db import models
from django.utils.translation import gettext_lazy as _


class AuthLevel(models.TextChoices):
    NONE = "", _("No extra requirement")
    DIGID_BASIS = "digid_basis", "DigiD Basis"
    DIGID_MIDDEN = "digid_midden", "DigiD Midden"
    DIGID_SUBSTANTIEEL = "digid_substantieel", "DigiD Substantieel"
    DIGID_HOOG = "digid_hoog", "DigiD Hoog"
    EH2PLUS = "eh2plus", "eHerkenning EH2+"
    EH3 = "eh3", "eHerkenning EH3"
    EH4 = "eh4", "eHerkenning EH4"


RANK: dict[str, int] = {
    AuthLevel.NONE: 0,
    AuthLevel.DIGID_BASIS: 1,
    AuthLevel.DIGID_MIDDEN: 2,
    AuthLevel.EH2PLUS: 2,
    AuthLevel.DIGID_SUBSTANTIEEL: 3,
    AuthLevel.EH3: 3,
    AuthLevel.DIGID_HOOG: 4,
    AuthLevel.EH4: 4,
}

# What brokers put in the level claim: DigiD's SAML authentication contexts, eHerkenning's
# assurance classes, the numeric DigiD levels (10/20/25/30) and plain names.
_CLAIM_VALUES: dict[str, int] = {
    "urn:oasis:names:tc:saml:2.0:ac:classes:passwordprotectedtransport": 1,
    "urn:oasis:names:tc:saml:2.0:ac:classes:mobiletwofactorcontract": 2,
    "urn:oasis:names:tc:saml:2.0:ac:classes:smartcard": 3,
    "urn:oasis:names:tc:saml:2.0:ac:classes:smartcardpki": 4,
    "urn:etoegang:core:assurance-class:loa2plus": 2,
    "urn:etoegang:core:assurance-class:loa3": 3,
    "urn:etoegang:core:assurance-class:loa4": 4,
    "10": 1,
    "20": 2,
    "25": 3,
    "30": 4,
    "basis": 1,
    "midden": 2,
    "substantieel": 3,
    "hoog": 4,
    "eh2+": 2,
    "eh2plus": 2,
    "loa2plus": 2,
    "eh3": 3,
    "loa3": 3,
    "eh4": 4,
    "loa4": 4,
}
# The demo login stands in for every level (there is nothing to step up to).
DEMO_RANK = 4


def rank_from_claim(value: object) -> int:
    """The rank (0 = unknown) of a broker's level claim value."""
    if value is None:
        return 0
    return _CLAIM_VALUES.get(str(value).strip().lower(), 0)


def required_rank(level: str) -> int:
    return RANK.get(level, 0)


def level_label(level: str) -> str:
    return str(AuthLevel(level).label) if level in AuthLevel.values else ""


# The value to ask a broker for a level with (OIDC ``acr_values``).
ACR_VALUES: dict[str, str] = {
    AuthLevel.DIGID_BASIS: "urn:oasis:names:tc:SAML:2.0:ac:classes:PasswordProtectedTransport",
    AuthLevel.DIGID_MIDDEN: "urn:oasis:names:tc:SAML:2.0:ac:classes:MobileTwoFactorContract",
    AuthLevel.DIGID_SUBSTANTIEEL: "urn:oasis:names:tc:SAML:2.0:ac:classes:Smartcard",
    AuthLevel.DIGID_HOOG: "urn:oasis:names:tc:SAML:2.0:ac:classes:SmartcardPKI",
    AuthLevel.EH2PLUS: "urn:etoegang:core:assurance-class:loa2plus",
    AuthLevel.EH3: "urn:etoegang:core:assurance-class:loa3",
    AuthLevel.EH4: "urn:etoegang:core:assurance-class:loa4",
}


def broker_for(level: str) -> str:
    """Which login a level belongs to: ``eherkenning`` for EH levels, else ``digid``."""
    return "eherkenning" if level.startswith("eh") else "digid"
