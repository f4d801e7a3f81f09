"""Amounts and moments as people read them, for texts made outside a page (messages, e-mails)
and, through the ``money`` template filter, on pages (issue 21).

Money: "€ 45,50" in Dutch, "€45.50" in English, never "EUR 45.50"."""

from __future__ import annotations

from datetime import datetime
from decimal import ROUND_HALF_UP, Decimal, InvalidOperation

from django.utils import timezone

_MAANDEN = [
    "januari",
    "februari",
    "maart",
    "april",
    "mei",
    "juni",
    "juli",
    "augustus",
    "september",
    "oktober",
    "november",
    "december",
]
_MONTHS = [
    "January",
    "February",
    "March",
    "April",
    "May",
    "June",
    "July",
    "August",
    "September",
    "October",
    "November",
    "December",
]


def format_money(amount: Decimal | float | int | str | None, *, language: str = "nl") -> str:
    """Euro amount with two decimals and thousands grouped, in ``language``'s convention;
    "" for a missing or unreadable amount."""
    if amount is None or amount == "":
        return ""
    try:
        value = Decimal(str(amount)).quantize(Decimal("0.01"), rounding=ROUND_HALF_UP)
    except InvalidOperation:
        return ""
    sign = "-" if value < 0 else ""
    whole, cents = f"{abs(value):,.2f}".split(".")
    if language.startswith("en"):
        return f"{sign}€{whole}.{cents}"
    # Dutch: a dot groups thousands, a comma separates the cents, a (non-breaking) space
    # follows the euro sign, so "€ 45,50" never wraps between sign and number.
    return f"{sign}€\u00a0{whole.replace(',', '.')},{cents}"


def format_moment(moment: datetime, *, language: str = "nl") -> str:
    """ "6 december 2026 om 14:05" (Dutch) or "6 December 2026 at 14:05", local time: what a
    receipt says about when something arrived."""
    local = timezone.localtime(moment)
    if language.startswith("en"):
        return f"{local.day} {_MONTHS[local.month - 1]} {local.year} at {local:%H:%M}"
    return f"{local.day} {_MAANDEN[local.month - 1]} {local.year} om {local:%H:%M}"
