"""``{% document_list rows zaak %}``: the documents of a zaak (the zaak page, and under each
besluit) as HTML.

The markup is the one ``portal/_document_list.html`` wrote as a Django template, byte for
byte in both languages (tested against it): one ``format_html`` per document, the download
URL an f-string around one reversed URL, the labels translated once (decision 0047)."""

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

from mijnservices.services.mijnzaken.documents import DocumentRow
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
