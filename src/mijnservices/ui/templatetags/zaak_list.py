"""``{% zaak_list rows %}``: the list of zaak rows (portal overview, home, KCC) as HTML.

The overview shows up to a hundred rows; rendered as a Django template each row cost some
thirty nodes and most of the page's time. The markup is the same as the template's was,
filled in by one ``str.format`` per row with every value escaped as ``format_html`` does and
the labels translated once per list (decisions 0035, 0040)."""

from __future__ import annotations

import re
from collections.abc import Iterable
from html import escape

from django import template
from django.utils.safestring import SafeString, mark_safe
from django.utils.translation import get_language, gettext

from mijnservices.ui.display import ZaakRow

register = template.Library()

ROW = (
    '\n    <li class="portal-zaak">\n'
    '      <h3 class="utrecht-heading-3 portal-zaak__title"><a class="utrecht-link" href="{url}"'
    "{title_lang}>{title}</a></h3>\n"
    "      {kind}\n"
    '      <dl class="utrecht-data-list portal-facts">\n'
    '        <div class="utrecht-data-list__item">\n'
    '          <dt class="utrecht-data-list__item-key">{label_number}</dt>\n'
    '          <dd class="utrecht-data-list__item-value utrecht-data-list__item-value--html-dd">'
    "{zaaknummer}</dd>\n"
    "        </div>\n"
    '        <div class="utrecht-data-list__item">\n'
    '          <dt class="utrecht-data-list__item-key">{label_applied}</dt>\n'
    '          <dd class="utrecht-data-list__item-value utrecht-data-list__item-value--html-dd">'
    '<time datetime="{registered_iso}">{registered_text}</time></dd>\n'
    "        </div>\n"
    '        <div class="utrecht-data-list__item">\n'
    '          <dt class="utrecht-data-list__item-key">{label_status}</dt>\n'
    '          <dd class="utrecht-data-list__item-value utrecht-data-list__item-value--html-dd">'
    "{status}</dd>\n"
    "        </div>\n"
    '        <div class="utrecht-data-list__item">\n'
    '          <dt class="utrecht-data-list__item-key">{label_end}</dt>\n'
    '          <dd class="utrecht-data-list__item-value utrecht-data-list__item-value--html-dd">'
    "{end}</dd>\n"
    "        </div>\n"
    "      </dl>\n"
    "    </li>\n  "
)
_SPECIAL = re.compile("[&<>\"']").search


def _escape(text: str) -> str:
    """``html.escape``, skipped for the many values with nothing to escape (a zaaknummer, a
    date): the same text without five ``str.replace`` calls each (decision 0046)."""
    return escape(text) if _SPECIAL(text) else text


KIND = '<p class="utrecht-paragraph portal-zaak__kind">{}</p>'
END = '<time datetime="{}">{}</time>'


_LABELS: dict[str, dict[str, str]] = {}


def _labels() -> dict[str, str]:
    """The labels, translated and escaped once per language (translations do not change
    while a process runs)."""
    language = get_language()
    found = _LABELS.get(language)
    if found is None:
        found = _LABELS[language] = _translated_labels()
    return found


def _translated_labels() -> dict[str, str]:
    labels = {
        "number": gettext("Case number"),
        "applied": gettext("Applied on"),
        "status": gettext("Status"),
        "received": gettext("Received"),
        "completed": gettext("Completed on"),
        "deadline": gettext("Finished at the latest on (legal deadline)"),
        "planned": gettext("Planned to be finished on"),
        "unknown": gettext("Not known yet"),
        "after_login": gettext("Shown after you log in again"),
    }
    return {key: _escape(text) for key, text in labels.items()}


def _row(row: ZaakRow, labels: dict[str, str], language: str) -> str:
    # Every value escaped as format_html does (Django's escape is html.escape), without its
    # lazy-string wrappers: profiled, those were a fifth of the list's time. The language
    # marks are ui_format's lang_attr and dutch for the page's language, looked up once.
    if row.closed:
        label_end = labels["completed"]
    elif row.end_is_deadline:
        label_end = labels["deadline"]
    else:
        label_end = labels["planned"]
    title_language = row.title_language[:2]
    if row.needs_level:
        # As the zaak page: the level needed, nothing of the zaak's progress (decision 0036).
        status = _escape(
            gettext("Log in with %(level)s to see this case") % {"level": row.needs_level}
        )
    elif row.status:
        status = _escape(row.status)
        if language != "nl":
            status = f'<span lang="nl">{status}</span>'
    else:
        status = labels["received"]
    return ROW.format(
        url=_escape(row.url),
        title_lang=f' lang="{_escape(title_language)}"'
        if title_language not in ("", language)
        else "",
        title=_escape(row.title),
        kind=KIND.format(_escape(row.kind)) if row.kind else "",
        label_number=labels["number"],
        zaaknummer=_escape(row.zaaknummer),
        label_applied=labels["applied"],
        registered_iso=_escape(row.registered.iso),
        registered_text=_escape(row.registered.text),
        label_status=labels["status"],
        status=status,
        label_end=label_end,
        end=END.format(_escape(row.end.iso), _escape(row.end.text))
        if row.end
        else labels["after_login" if row.needs_level else "unknown"],
    )


@register.simple_tag
def zaak_list(rows: Iterable[ZaakRow]) -> SafeString:
    labels = _labels()
    language = "nl" if (get_language() or "nl").startswith("nl") else (get_language() or "nl")[:2]
    return mark_safe("".join(_row(row, labels, language) for row in rows))  # noqa: S308 - format_html output
