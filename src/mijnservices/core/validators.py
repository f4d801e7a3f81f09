"""Dutch identifier checks (11-proef)."""

from __future__ import annotations

from django.core.exceptions import ValidationError
from django.utils.translation import gettext_lazy as _


def is_valid_bsn(value: str) -> bool:
    """BSN: 9 digits, weighted sum 9..2 and -1 divisible by 11 (the 11-proef)."""
    if len(value) != 9 or not value.isdigit() or value == "000000000":
        return False
    total = sum(int(d) * w for d, w in zip(value[:8], range(9, 1, -1), strict=True))
    total -= int(value[8])
    return total % 11 == 0


def is_valid_rsin(value: str) -> bool:
    return is_valid_bsn(value)


def is_valid_kvk(value: str) -> bool:
    return len(value) == 8 and value.isdigit()


def validate_bsn(value: str) -> None:
    if not is_valid_bsn(value):
        raise ValidationError(_("A BSN has 9 digits and passes the 11-check."), code="invalid-bsn")


def validate_kvk(value: str) -> None:
    if not is_valid_kvk(value):
        raise ValidationError(_("A KvK number has 8 digits."), code="invalid-kvk")
