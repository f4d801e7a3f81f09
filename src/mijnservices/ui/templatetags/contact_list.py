"""``{% contact_list rows show_zaak level %}``: the contact timeline (MijnContactmomenten, the
zaak page) as HTML.

The markup is the one ``portal/_contact_list.html`` wrote as a Django template, byte for byte
in both languages (tested against it): one ``format_html`` per contact, the channel icon and
label rendered from their templates once per channel and list, the labels translated once
(decision 0040)."""

from __future__ import annotations

from collections.abc import Iterable
from typing import Any
from uuid import UUID

from django import template
from django.template.defaultfilters import linebreaksbr
from django.template.loader import render_to_string
from django.urls import reverse
from django.utils.html import format_html
from django.utils.safestring import SafeString, mark_safe
from django.utils.translation import gettext

from mijnservices.services.mijnoverzicht.contactmomenten import ContactRow
from mijnservices.ui.templatetags.zaak_steps import date_as

register = template.Library()

ROW = (
    '\n    <li class="portal-timeline__item" id="contact-{uuid}">\n'
    '      <p class="utrecht-paragraph portal-channel">{icon}<span class="portal-channel__label">'
    '{label}</span> · <time datetime="{iso}">{moment}</time></p>\n'
    '      <h{level} class="utrecht-heading-{level} portal-timeline__title">{title}</h{level}>\n'
    "      {text}\n"
    "      \n"
    "      {undelivered}\n"
    "      {about}\n"
    "      {answers}\n"
    "    </li>\n  "
)
TEXT = '<p class="utrecht-paragraph portal-timeline__text">{}</p>'
UNDELIVERED = '<p class="utrecht-paragraph">{}</p>'
ABOUT = '<p class="utrecht-paragraph">{} <a class="utrecht-link" href="{}">{} ({})</a></p>'
ANSWER = (
    '\n          <div class="portal-answer">\n'
    '            <p class="utrecht-paragraph portal-channel"><strong>{label}</strong> · '
    '<time datetime="{iso}">{moment}</time></p>\n'
    '            <p class="utrecht-paragraph">{text}</p>\n'
    "          </div>\n        "
)
WAITING = '\n          <p class="utrecht-paragraph portal-timeline__waiting">{}</p>\n        '
MOMENT = "j F Y, H:i"
_PLACEHOLDER = UUID(int=0)


def _labels() -> dict[str, str]:
    return {
        "question": gettext("Your question"),
        "undelivered": gettext(
            "This message could not be delivered. Please check your contact details."
        ),
        "about": gettext("About"),
        "answer": gettext("Answer from the municipality"),
        "waiting": gettext("We have not answered this question yet."),
    }


class _Channels:
    """The channel icon and label of each channel, rendered from their templates once."""

    def __init__(self) -> None:
        self.icons: dict[str, str] = {}
        self.labels: dict[tuple[str, str], str] = {}

    def icon(self, channel: str) -> str:
        if channel not in self.icons:
            self.icons[channel] = render_to_string(
                "portal/_channel_icon.html", {"channel": channel}
            )
        return self.icons[channel]

    def label(self, channel: str, kanaal: str) -> str:
        key = (channel, kanaal)
        if key not in self.labels:
            self.labels[key] = render_to_string(
                "portal/_channel_label.html", {"channel": channel, "kanaal": kanaal}
            )
        return self.labels[key]


def _answers(row: ContactRow, labels: dict[str, str]) -> SafeString | str:
    if not row.is_question:
        return ""
    if row.answers:
        body = "".join(
            format_html(
                ANSWER,
                label=labels["answer"],
                iso=date_as(answer.moment, "c"),
                moment=date_as(answer.moment, MOMENT),
                text=linebreaksbr(answer.inhoud, autoescape=True),
            )
            for answer in row.answers
        )
    else:
        body = format_html(WAITING, labels["waiting"])
    return mark_safe(f"\n        {body}\n      ")  # noqa: S308 - format_html output


def _row(
    row: ContactRow,
    labels: dict[str, str],
    channels: _Channels,
    *,
    level: str,
    show_zaak: bool,
    zaak_url: str,
) -> SafeString:
    about: SafeString | str = ""
    if row.zaak and show_zaak:
        about = format_html(
            ABOUT,
            labels["about"],
            zaak_url.format(row.zaak.uuid),
            row.zaak.title,
            row.zaak.identificatie,
        )
    return format_html(
        ROW,
        uuid=row.uuid,
        icon=mark_safe(channels.icon(row.channel)),  # noqa: S308 - a rendered template
        label=mark_safe(channels.label(row.channel, row.kanaal)),  # noqa: S308 - likewise
        iso=date_as(row.moment, "c"),
        moment=date_as(row.moment, MOMENT),
        level=level,
        title=labels["question"] if row.is_question else row.onderwerp,
        text=format_html(TEXT, linebreaksbr(row.inhoud, autoescape=True))
        if row.delivered is None and row.inhoud
        else "",
        undelivered=format_html(UNDELIVERED, labels["undelivered"])
        if row.delivered is False
        else "",
        about=about,
        answers=_answers(row, labels),
    )


@register.simple_tag
def contact_list(rows: Iterable[ContactRow], show_zaak: Any = False, level: Any = "") -> SafeString:
    """``level``: the heading level of each contact (3 when not given)."""
    labels, channels = _labels(), _Channels()
    zaak_url = reverse("portal:zaak_detail", args=[_PLACEHOLDER]).replace(str(_PLACEHOLDER), "{}")
    body = "".join(
        _row(
            row,
            labels,
            channels,
            level=str(level or 3),
            show_zaak=bool(show_zaak),
            zaak_url=zaak_url,
        )
        for row in rows
    )
    return mark_safe(f"\n  {body}\n")  # noqa: S308 - format_html output
