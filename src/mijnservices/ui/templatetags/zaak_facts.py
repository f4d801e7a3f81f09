"""``{% zaak_facts %}``: the zaak page's list of facts (case number, dates, status, who handles
it, the planned and legal dates, a prediction) as HTML.

The markup is the one ``portal/zaak_detail.html`` wrote as a Django template, byte for byte
in both languages (tested against it): about sixty template nodes per page became a few
string joins, as the steps, contacts and documents did (decisions 0040, 0047). The code
follows the template line by line: ``_t`` is ``{% translate %}`` (escaped as it escapes),
``_v`` a ``{{ value }}``, ``_sentence`` a ``{% blocktranslate with … %}`` (the values
escaped, the sentence not)."""

from __future__ import annotations

from typing import Any

from django import template
from django.utils.html import conditional_escape
from django.utils.safestring import SafeString, mark_safe
from django.utils.translation import gettext

from mijnservices.ui.templatetags.ui_format import dutch
from mijnservices.ui.templatetags.zaak_steps import date_as

register = template.Library()

_DT = '<dt class="utrecht-data-list__item-key">'
_DD = '<dd class="utrecht-data-list__item-value utrecht-data-list__item-value--html-dd">'
_ITEM = '<div class="utrecht-data-list__item"'
_P = '<p class="utrecht-paragraph">'
_NOTE = '<p class="utrecht-paragraph portal-date-note"'


def _t(msgid: str) -> str:
    return str(conditional_escape(gettext(msgid)))


def _v(value: Any) -> str:
    return str(conditional_escape(value))


def _time(value: Any, fmt: str = "j F Y", iso: str = "Y-m-d") -> str:
    return f'<time datetime="{_v(date_as(value, iso))}">{_v(date_as(value, fmt))}</time>'


def _sentence(msgid: str, **values: Any) -> str:
    return gettext(msgid) % {name: _v(value) for name, value in values.items()}


def _item(pad: str, label: str, value: str, id: str = "") -> str:
    """``<div>`` with its ``<dt>`` and a one-line ``<dd>``, at the template's indentation."""
    attribute = f' id="{id}"' if id else ""
    return (
        f"{pad}{_ITEM}{attribute}>\n"
        f"{pad}  {_DT}{_t(label)}</dt>\n"
        f"{pad}  {_DD}{value}</dd>\n"
        f"{pad}</div>\n"
    )


def _lines(id: str, label: str, lines: str) -> str:
    """An item of the open zaak's dates: its ``<dd>`` holds paragraphs, one per line."""
    return (
        f'      {_ITEM} id="{id}">\n'
        f"        {_DT}{_t(label)}</dt>\n"
        f"        {_DD}\n{lines}        </dd>\n"
        "      </div>\n"
    )


def _closed(zaak: Any, result: str) -> str:
    html = _item("    ", "Completed on", _time(zaak.einddatum))
    html += "    "
    if result:
        html += "\n" + _item("      ", "Outcome", _v(result)) + "    "
    return html + "\n"


def _planned(tracking: Any) -> str:
    late = ""
    if tracking.planned_after_legal:
        late = (
            f'{_NOTE} id="planned-late"><strong>{_t("This is later than the legal deadline.")}'
            "</strong> "
            + _t(
                "If we need more time, we must tell you why and until when. If we do not "
                "decide in time, you can give us notice of default (ingebrekestelling)."
            )
            + "</p>"
        )
    note = _t(
        "This follows from how long each step below usually takes. If a step takes longer, "
        "this date moves."
    )
    return _lines(
        "planned-end",
        "Planned to be finished on",
        f"          {_P}{_time(tracking.planned_end)}</p>\n"
        f"          {_NOTE}>{note}</p>\n"
        f"          {late}\n",
    )


def _legal(tracking: Any) -> str:
    extension = ""
    if tracking.extension:
        reason = ""
        if tracking.extension.reason:
            reason = f' {_t("Reason:")} <span lang="nl">{_v(tracking.extension.reason)}</span>'
        extended = _sentence(
            "Extended by %(days)s days; before, this was %(original)s.",
            days=tracking.extension.days,
            original=date_as(tracking.extension.original, "j F Y"),
        )
        extension = f'\n            {_NOTE} id="extension">{extended}{reason}</p>\n          '
    return _lines(
        "legal-end",
        "Finished at the latest on (legal deadline)",
        f"          {_P}{_time(tracking.legal_end)}</p>\n"
        f"          {extension}\n"
        f"          {_NOTE}>{_t('By law we must have decided by this date.')}</p>\n",
    )


def _suspension(tracking: Any) -> str:
    reason = ""
    if tracking.suspension_reason:
        reason = (
            f'{_NOTE}>{_t("Reason:")} <span lang="nl">{_v(tracking.suspension_reason)}</span></p>'
        )
    on_hold = _t(
        "Your case is on hold. While it is, the legal deadline does not run: it moves by as "
        "many days as your case is on hold."
    )
    return _lines(
        "suspension",
        "Case on hold",
        f"          {_P}{on_hold}</p>\n          {reason}\n",
    )


def _prediction(prediction: Any) -> str:
    later = ""
    if prediction.later_than_usual:
        later = ". " + _t("Your case is taking longer than most cases like it.")
    how = _sentence(
        'We looked at the last %(count)s finished cases of this kind that also had the step "'
        '%(step)s". From that step, half of them were finished within %(days)s days, and half '
        "took longer.",
        count=prediction.sample_size,
        step=prediction.step,
        days=prediction.median_days,
    )
    estimate = _t(
        "So this is an estimate, not a promise. Your case can take shorter or longer. The "
        "legal deadline still applies."
    )
    return _lines(
        "prediction",
        "Expected to be finished (based on earlier cases)",
        f"          {_P}{_t('Around')} {_time(prediction.expected_on)}{later}</p>\n"
        '          <details class="portal-details">\n'
        f"            <summary>{_t('How did we work this out?')}</summary>\n"
        f"            {_P}{how}</p>\n"
        f"            {_P}{estimate}</p>\n"
        "          </details>\n",
    )


def _open(tracking: Any, prediction: Any) -> str:
    html = "    \n    "
    if tracking.planned_end:
        html += "\n" + _planned(tracking) + "    "
    html += "\n    "
    if tracking.legal_end:
        html += "\n" + _legal(tracking) + "    "
    html += "\n    "
    if tracking.suspension_reason is not None:
        html += "\n" + _suspension(tracking) + "    "
    html += "\n    "
    if prediction:
        html += "\n" + _prediction(prediction) + "    "
    return html + "\n  "


@register.simple_tag(takes_context=True)
def zaak_facts(context: Any) -> SafeString:
    """The ``<dl>`` of the zaak page from its context (``zaak``, ``status``, ``behandelaar``,
    ``department``, ``result``, ``tracking``, ``prediction``)."""
    zaak = context["zaak"]
    status = context.get("status")
    html = (
        '<dl class="utrecht-data-list portal-facts">\n'
        + _item("  ", "Case number", _v(zaak.identificatie))
        + _item("  ", "Applied on", _time(zaak.registratiedatum))
        + _item("  ", "Status", str(dutch(status)) if status else _t("Received"))
        + "  "
    )
    # The reverse one-to-one raises (an AttributeError) when there is none, as the template
    # engine's lookup swallowed.
    projectie = getattr(zaak, "projectie", None)
    if projectie:
        synced = projectie.last_synced
        html += "\n" + _item(
            "    ", "Last updated", _time(synced, "j F Y, H:i", "c"), "last-updated"
        )
        html += "  "
    html += "\n  "
    if context.get("behandelaar"):
        html += "\n" + _item("    ", "Handled by", _v(context["behandelaar"])) + "  "
    html += "\n  "
    if context.get("department"):
        html += "\n" + _item("    ", "Department", _v(context["department"]), "department") + "  "
    html += "\n  "
    if zaak.einddatum:
        html += "\n" + _closed(zaak, context.get("result") or "") + "  "
    else:
        html += "\n" + _open(context["tracking"], context.get("prediction"))
    return mark_safe(html + "\n</dl>")  # noqa: S308 - every value escaped above
