"""``{% zaak_steps steps %}``: the steps of a zaak (portal zaak page, KCC zaak page) as HTML.

The markup is the one ``portal/_steps.html`` wrote as a Django template, byte for byte in both
languages (tested against it); filled in with ``format_html`` and the labels translated once
per list, as ``zaak_list`` does for the overview (decisions 0035, 0040)."""

from __future__ import annotations

from collections.abc import Iterable
from datetime import date, datetime
from functools import lru_cache

from django import template
from django.conf import settings
from django.utils import dateformat, timezone
from django.utils.html import format_html
from django.utils.safestring import SafeString, mark_safe
from django.utils.translation import get_language, gettext

from mijnservices.services.mijnzaken.tracking import Step, SubUpdate
from mijnservices.ui.templatetags.ui_format import dutch, lang_attr

register = template.Library()

STEP = (
    '\n    <li class="portal-step portal-step--{state}"{current}>\n'
    '      <span class="portal-step__marker" aria-hidden="true">{check}</span>\n'
    '      <div class="portal-step__body">\n'
    '        <h3 class="utrecht-heading-3 portal-step__title">{title}</h3>\n'
    "        {when}\n"
    "        {updates}\n"
    "      </div>\n"
    "    </li>\n  "
)
WHEN = '\n          <p class="utrecht-paragraph portal-step__when">'
TIME = '<time datetime="{iso}">{text}</time></p>\n        '
PAST = WHEN + '<span class="portal-visually-hidden">{done} </span>{on} ' + TIME
CURRENT = (
    WHEN + "<strong>{label}</strong>{since}</p>\n"
    "          {explanation}\n"
    "          {toelichting}\n        "
)
SINCE = ' · {} <time datetime="{}">{}</time>'
EXPLANATION = '<p class="utrecht-paragraph"{}>{}</p>'
TOELICHTING = '<p class="utrecht-paragraph portal-step__toelichting">{}</p>'
FUTURE = WHEN + '<span class="portal-visually-hidden">{not_started} </span>{expected} ' + TIME
SKIPPED = WHEN + "{}</p>\n        "
UPDATES = (
    '\n          <p class="utrecht-paragraph portal-step__updates-title">{label}</p>\n'
    '          <ul class="portal-updates">\n            {items}\n          </ul>\n        '
)
UPDATE = (
    '\n              <li class="portal-update"><time datetime="{iso}">{text}</time>: '
    "{omschrijving}</li>\n            "
)


def _labels() -> dict[str, str]:
    return {
        "done": gettext("Done."),
        "on": gettext("On"),
        "current": gettext("Current step"),
        "since": gettext("since"),
        "not_started": gettext("Not started yet."),
        "expected": gettext("Expected around"),
        "skipped": gettext("Skipped: this step was not needed for your case."),
        "updates": gettext("Updates in this step"),
    }


def date_as(value: date | datetime | None, fmt: str) -> str:
    """What the ``date`` filter writes (a datetime in the current time zone first)."""
    if value is None:
        return ""
    # Formatting is slow (a formatter per call) and a page shows the same dates on every
    # request: kept per language and time zone, which the text depends on (decision 0047).
    return _formatted(value, fmt, get_language(), timezone.get_current_timezone_name())


@lru_cache(maxsize=8192)
def _formatted(value: date | datetime, fmt: str, _language: str, _zone: str) -> str:
    if isinstance(value, datetime) and settings.USE_TZ and not timezone.is_naive(value):
        value = timezone.localtime(value)
    return dateformat.format(value, fmt)


def _update(update: SubUpdate) -> SafeString:
    return format_html(
        UPDATE,
        iso=date_as(update.tijdstip, "c"),
        text=date_as(update.tijdstip, "j F Y"),
        omschrijving=dutch(update.omschrijving),
    )


def _when(step: Step, labels: dict[str, str]) -> SafeString:
    if step.state == "past":
        return format_html(
            PAST,
            done=labels["done"],
            on=labels["on"],
            iso=date_as(step.reached_at, "c"),
            text=date_as(step.reached_at, "j F Y"),
        )
    if step.state == "current":
        since = ""
        if step.reached_at:
            since = format_html(
                SINCE,
                labels["since"],
                date_as(step.reached_at, "c"),
                date_as(step.reached_at, "j F Y"),
            )
        explanation = ""
        if step.explanation:
            explanation = format_html(
                EXPLANATION, lang_attr(step.explanation_language), step.explanation
            )
        toelichting = format_html(TOELICHTING, dutch(step.toelichting)) if step.toelichting else ""
        return format_html(
            CURRENT,
            label=labels["current"],
            since=since,
            explanation=explanation,
            toelichting=toelichting,
        )
    if step.state == "future":
        return format_html(
            FUTURE,
            not_started=labels["not_started"],
            expected=labels["expected"],
            iso=date_as(step.expected_on, "Y-m-d"),
            text=date_as(step.expected_on, "j F Y"),
        )
    return format_html(SKIPPED, labels["skipped"])


def _step(step: Step, labels: dict[str, str]) -> SafeString:
    updates = ""
    if step.updates:
        items = mark_safe("".join(_update(u) for u in step.updates))  # noqa: S308 - format_html
        updates = format_html(UPDATES, label=labels["updates"], items=items)
    return format_html(
        STEP,
        state=step.state,
        current=mark_safe(' aria-current="step"') if step.is_current else "",
        check="✓" if step.state == "past" else "",
        title=dutch(step.title),
        when=_when(step, labels),
        updates=updates,
    )


@register.simple_tag
def zaak_steps(steps: Iterable[Step]) -> SafeString:
    labels = _labels()
    body = "".join(_step(step, labels) for step in steps)
    return mark_safe(f"\n  {body}\n")  # noqa: S308 - format_html output
