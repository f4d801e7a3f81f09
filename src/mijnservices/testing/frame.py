"""A page rendered twice: with its frame parts inline (the template as written, every part
rendered in the page's full context) and as served (the parts kept per process, each seeing
only the frame's values; decision 0046). The two must be equal: a part that reads anything
else of the page would show it to everyone, or lose it."""

from __future__ import annotations

from typing import Any

import pytest
from django.template import engines
from django.template.context import Context
from django.utils.safestring import SafeString, mark_safe

from mijnservices.ui.templatetags.frame import FramePartNode


def render_inline_and_served(
    monkeypatch: pytest.MonkeyPatch, source: str, context: dict[str, Any], request: Any
) -> tuple[str, str]:
    page = engines["django"].from_string(source)
    served = page.render(context, request)

    def inline(self: FramePartNode, page_context: Context) -> SafeString:
        return mark_safe(self.nodelist.render(page_context))  # noqa: S308 - the template's own output

    with monkeypatch.context() as patch:
        patch.setattr(FramePartNode, "render", inline)
        written = page.render(context, request)
    return written, served
