"""``{% zaak_list rows %}``: the list of zaak rows (portal overview, home, KCC) as HTML.

The overview shows up to a hundred rows; rendered as a Django template each row cost some
thirty nodes and most of the page's time. The markup is the same as the template's was,
filled in by one ``format_html`` per row with the labels translated once per list
(decision 0035)."""

from __future__ import annotations

from collections.abc import Iterable

from django import template
from django.utils.html import format_html
from django.utils.safestring import SafeString, mark_safe
from django.utils.translation import gettext

from mijnservices.ui.display import ZaakRow
from mijnservices.ui.templatetags.ui_format import dutch, lang_attr

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
KIND = '<p class="utrecht-paragraph portal-zaak__kind">{}</p>'
END = '<time datetime="{}">{}</time>'


def _labels() -> dict[str, str]:
    return {
        "number": gettext("Case number"),
        "applied": gettext("Applied on"),
        "status": gettext("Status"),
        "received": gettext("Received"),
        "completed": gettext("Completed on"),
        "deadline": gettext("Finished at the latest on (legal deadline)"),
        "planned": gettext("Planned to be finished on"),
        "unknown": gettext("Not known yet"),
    }


def _row(row: ZaakRow, labels: dict[str, str]) -> SafeString:
    if row.closed:
        label_end = labels["completed"]
    elif row.end_is_deadline:
        label_end = labels["deadline"]
    else:
        label_end = labels["planned"]
    return format_html(
        ROW,
        url=row.url,
        title_lang=lang_attr(row.title_language),
        title=row.title,
        kind=format_html(KIND, row.kind) if row.kind else "",
        label_number=labels["number"],
        zaaknummer=row.zaaknummer,
        label_applied=labels["applied"],
        registered_iso=row.registered.iso,
        registered_text=row.registered.text,
        label_status=labels["status"],
        status=dutch(row.status) if row.status else labels["received"],
        label_end=label_end,
        end=format_html(END, row.end.iso, row.end.text) if row.end else labels["unknown"],
    )


@register.simple_tag
def zaak_list(rows: Iterable[ZaakRow]) -> SafeString:
    labels = _labels()
    return mark_safe("".join(_row(row, labels) for row in rows))  # noqa: S308 - format_html output
