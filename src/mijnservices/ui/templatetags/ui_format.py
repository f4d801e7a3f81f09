"""Formatting filters both UIs share."""

from __future__ import annotations

from typing import Any

from django import template
from django.utils.html import conditional_escape
from django.utils.safestring import mark_safe
from django.utils.translation import get_language

from mijnservices.core.formats import format_money

register = template.Library()


@register.filter
def money(amount: Any) -> str:
    """``{{ taak.amount|money }}``: "€ 45,50" on a Dutch page, "€45.50" on an English one."""
    return format_money(amount, language=get_language() or "nl")


def _page_is_dutch() -> bool:
    return (get_language() or "nl").startswith("nl")


@register.filter(needs_autoescape=True)
def dutch(value: Any, autoescape: bool = True) -> str:
    """Case data that only exists in Dutch (step names, task titles, updates) on a page in
    another language: ``<span lang="nl">`` so a screen reader pronounces it in Dutch
    (WCAG 3.1.2, issue 21). On a Dutch page the text as it is."""
    text = conditional_escape(value) if autoescape else str(value)
    if value in (None, "") or _page_is_dutch():
        return text
    return mark_safe(f'<span lang="nl">{text}</span>')  # noqa: S308 - escaped above


@register.filter
def lang_attr(language: str) -> str:
    """`` lang="nl"`` when a text's language (``language``) differs from the page's; else ""."""
    current = (get_language() or "nl")[:2]
    if not language or language[:2] == current:
        return ""
    return mark_safe(f' lang="{conditional_escape(language[:2])}"')  # noqa: S308 - escaped
