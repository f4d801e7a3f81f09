"""``{% document_list rows zaak %}``: the documents of a zaak (the zaak page, and under each
besluit) as HTML; ``{% besluit_list besluiten zaak %}``: the zaak page's decisions, each with
its documents.

The markup is the one ``portal/_document_list.html`` and the besluiten part of
``portal/_documents.html`` wrote as Django templates, byte for byte in both languages (tested
against them): one ``format_html`` per document or besluit, the download URL an f-string
around one reversed URL, the labels translated once (decision 0047)."""

from __future__ import annotations

from collections.abc import Iterable
from typing import Any
from uuid import UUID

from django import template
from django.template.defaultfilters import filesizeformat
from django.urls import reverse
from django.utils.html import format_html
from django.utils.safestring import SafeString, mark_safe
from django.utils.translation import gettext

from mijnservices.services.mijnzaken.documents import BesluitRow, DocumentRow
from mijnservices.ui.templatetags.zaak_steps import date_as

register = template.Library()

ROW = (
    '\n    <li class="utrecht-unordered-list__item">\n'
    '      <a class="utrecht-link" href="{href}" download>{titel}<span '
    'class="portal-visually-hidden"> ({download})</span></a>\n'
    '      <span class="portal-document-meta">{name}{size}{added} '
    '<time datetime="{iso}">{text}</time></span>\n'
    "    </li>\n  "
)
_ZAAK, _DOCUMENT = UUID(int=1), UUID(int=2)


@register.simple_tag
def document_list(rows: Iterable[DocumentRow], zaak: Any) -> SafeString:
    download, added = gettext("download"), gettext("added on")
    url = (
        reverse("portal:document_download", kwargs={"zaak_uuid": _ZAAK, "document_uuid": _DOCUMENT})
        .replace(str(_ZAAK), str(zaak.uuid))
        .replace(str(_DOCUMENT), "{}")
    )
    body = "".join(
        format_html(
            ROW,
            href=url.format(row.uuid),
            titel=row.titel,
            download=download,
            name=format_html("{}, ", row.bestandsnaam) if row.bestandsnaam else "",
            size=format_html("{}, ", filesizeformat(row.size)) if row.size else "",
            added=added,
            iso=date_as(row.dated, "Y-m-d"),
            text=date_as(row.dated, "j F Y"),
        )
        for row in rows
    )
    return mark_safe(  # noqa: S308 - format_html output
        f'\n<ul class="utrecht-unordered-list portal-documents">\n  {body}\n</ul>\n'
    )


BESLUITEN = (
    '\n<section aria-labelledby="besluiten-heading" id="besluiten">\n'
    '  <h2 class="utrecht-heading-2" id="besluiten-heading">{}</h2>\n  {}\n</section>\n'
)
FACT = (
    '\n        <div class="utrecht-data-list__item">\n'
    '          <dt class="utrecht-data-list__item-key">{label}</dt>\n'
    '          <dd class="utrecht-data-list__item-value utrecht-data-list__item-value--html-dd">'
    '<time datetime="{iso}">{text}</time></dd>\n'
    "        </div>"
)
BESLUIT = (
    '\n    <div class="portal-besluit">\n'
    '      <h3 class="utrecht-heading-3">{what}</h3>\n'
    '      <dl class="utrecht-data-list portal-facts">{decided}{applies}\n        {until}\n'
    "      </dl>\n      {toelichting}\n      {documents}\n    </div>\n  "
)


def _fact(label: str, value: Any) -> SafeString:
    return format_html(FACT, label=label, iso=date_as(value, "Y-m-d"), text=date_as(value, "j F Y"))


@register.simple_tag
def besluit_list(besluiten: Iterable[BesluitRow], zaak: Any) -> SafeString:
    besluiten = list(besluiten)
    if not besluiten:
        return mark_safe("")
    decided, applies, until = (
        gettext("Decided on"),
        gettext("Applies from"),
        gettext("Applies until"),
    )
    body = "".join(
        format_html(
            BESLUIT,
            what=besluit.what,
            decided=_fact(decided, besluit.datum),
            applies=_fact(applies, besluit.ingangsdatum),
            until=format_html("{}\n        ", _fact(until, besluit.vervaldatum))
            if besluit.vervaldatum
            else "",
            toelichting=format_html('<p class="utrecht-paragraph">{}</p>', besluit.toelichting)
            if besluit.toelichting
            else "",
            documents=format_html("\n        {}\n      ", document_list(besluit.documents, zaak))
            if besluit.documents
            else "",
        )
        for besluit in besluiten
    )
    return format_html(BESLUITEN, gettext("Decisions"), mark_safe(body))  # noqa: S308 - format_html output
