"""Form helpers both UIs share: the error summary at the top of ``<main>`` (issue 21).

After a failed form the page lists every error once, at the top, each a link to its field
(the NL Design System / GOV.UK error summary), and the page's script moves the focus there.
"""

from __future__ import annotations

from dataclasses import dataclass
from types import SimpleNamespace
from typing import Any
from uuid import UUID

from django import forms, template
from django.template import Context
from django.utils.html import escape
from django.utils.safestring import SafeString, mark_safe
from django.utils.translation import get_language

register = template.Library()


@dataclass(frozen=True)
class ErrorLink:
    target: str  # the id of the field (or of the form's anchor for errors of the whole form)
    message: str


def error_links(*forms_: object, anchors: tuple[str, ...] = ()) -> list[ErrorLink]:
    """One link per error of every bound form given (``None`` is skipped). Errors of the
    whole form link to its first field, or to ``anchors[i]`` when given for that form."""
    links: list[ErrorLink] = []
    for index, form in enumerate(forms_):
        # A variable missing from the context arrives as "": skip anything not a form.
        if not isinstance(form, forms.BaseForm) or not form.is_bound or not form.errors:
            continue
        fields = list(form)
        anchor = anchors[index] if index < len(anchors) and anchors[index] else ""
        fallback = anchor or (fields[0].id_for_label if fields else "")
        for message in form.non_field_errors():
            links.append(ErrorLink(target=fallback, message=str(message)))
        for bound in fields:
            # A radio group has no single label target: link to its first option.
            target = bound.id_for_label or (f"{bound.auto_id}_0" if bound.auto_id else fallback)
            for message in bound.errors:
                links.append(ErrorLink(target=target, message=str(message)))
    return links


@register.inclusion_tag("ui/_error_summary.html")
def error_summary(*forms_: object, anchors: str = "") -> dict[str, Any]:
    """``{% error_summary form other_form anchors="upload-heading,question-heading" %}``."""
    return {"errors": error_links(*forms_, anchors=tuple(anchors.split(",")) if anchors else ())}


# --- Unbound forms rendered once (decision 0047) ------------------------------------------
_ZAAK = UUID(int=0)
_TOKEN = "csrftokenstandin"  # noqa: S105 - a stand-in put in the HTML, replaced per request
_UNBOUND: dict[tuple[Any, ...], str] = {}
_MAX_UNBOUND = 64  # partials x languages x the few fixed values


@register.simple_tag(takes_context=True)
def unbound_form(context: Context, template_name: str, form: Any, *fixed: Any) -> SafeString:
    """``{% unbound_form "portal/_question_form.html" question_form %}``: the partial, as
    ``{% include %}`` writes it.

    An unbound form writes the same HTML on every request but for the zaak's uuid (in the
    form's action) and the CSRF token, so it is rendered once per partial, language and
    ``fixed`` values, and those two are put in. ``fixed`` must hold every other value the
    partial shows (the upload limits). A bound form (the citizen's input, its errors) is
    rendered each time."""
    template = context.template.engine.get_template(template_name)  # type: ignore[union-attr]
    zaak = context.get("zaak")
    token = context.get("csrf_token")
    if form.is_bound or zaak is None or not token or str(token) == "NOTPROVIDED":
        rendered: SafeString = template.render(context)
        return rendered
    # The template object itself in the key: the cached loader gives the same one every
    # time, and a new one after the dev server's autoreload (a changed partial).
    key = (template, get_language() or "", *(str(value) for value in fixed))
    html = _UNBOUND.get(key)
    if html is None:
        with context.push(zaak=SimpleNamespace(uuid=_ZAAK), csrf_token=_TOKEN):
            html = str(template.render(context))
        if len(_UNBOUND) >= _MAX_UNBOUND:
            _UNBOUND.clear()
        _UNBOUND[key] = html
    filled = html.replace(str(_ZAAK), str(zaak.uuid)).replace(_TOKEN, escape(str(token)))
    return mark_safe(filled)  # noqa: S308 - a rendered template, the token escaped
