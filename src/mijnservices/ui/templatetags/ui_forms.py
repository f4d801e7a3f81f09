"""Form helpers both UIs share: the error summary at the top of ``<main>`` (issue 21).

After a failed form the page lists every error once, at the top, each a link to its field
(the NL Design System / GOV.UK error summary), and the page's script moves the focus there.
"""

from __future__ import annotations

from dataclasses import dataclass
from typing import Any

from django import forms, template

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
