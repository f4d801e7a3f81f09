"""ztc-004 … ztc-008: the brondatumArchiefprocedure of a resultaattype.

ztc-003 (afleidingswijze follows the selectielijstklasse's procestermijn) needs the
Selectielijst API and is not checked (docs/standards.md).
"""

from __future__ import annotations

from typing import Any

from mijnservices.core.errors import DomainError

# attribute → the afleidingswijzen for which it MUST have a value; for all others it
# MAY NOT have one.
_REQUIRED_FOR = {
    "datumkenmerk": {"eigenschap", "zaakobject", "ander_datumkenmerk"},  # ztc-004
    "objecttype": {"zaakobject", "ander_datumkenmerk"},  # ztc-006
    "registratie": {"ander_datumkenmerk"},  # ztc-007
    "procestermijn": {"termijn"},  # ztc-008
}
_RULE = {"datumkenmerk": "ztc-004", "objecttype": "ztc-006", "registratie": "ztc-007"}
_RULE["procestermijn"] = "ztc-008"
# ztc-005: einddatumBekend MAY NOT be set for these.
_NO_EINDDATUM_BEKEND = {"afgehandeld", "termijn"}


def check_brondatum(brondatum: dict[str, Any] | None) -> None:
    if not brondatum:
        return
    afleidingswijze = brondatum.get("afleidingswijze", "")
    for attribute, required_for in _REQUIRED_FOR.items():
        has_value = brondatum.get(attribute) not in (None, "")
        field = f"brondatum_archiefprocedure.{attribute}"
        if afleidingswijze in required_for and not has_value:
            raise DomainError(
                f"{attribute} is required for afleidingswijze {afleidingswijze} "
                f"({_RULE[attribute]}).",
                code="required",
                field=field,
            )
        if afleidingswijze not in required_for and has_value:
            raise DomainError(
                f"{attribute} must be empty for afleidingswijze {afleidingswijze} "
                f"({_RULE[attribute]}).",
                code="must-be-empty",
                field=field,
            )
    if afleidingswijze in _NO_EINDDATUM_BEKEND and brondatum.get("einddatum_bekend"):
        raise DomainError(
            f"einddatumBekend must be empty for afleidingswijze {afleidingswijze} (ztc-005).",
            code="must-be-empty",
            field="brondatum_archiefprocedure.einddatum_bekend",
        )
