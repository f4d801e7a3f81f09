"""Formatting filters both UIs share."""

from __future__ import annotations

from typing import Any

from django import template
from django.utils.translation import get_language

from mijnservices.core.formats import format_money

register = template.Library()


@register.filter
def money(amount: Any) -> str:
    """``{{ taak.amount|money }}``: "€ 45,50" on a Dutch page, "€45.50" on an English one."""
    return format_money(amount, language=get_language() or "nl")
