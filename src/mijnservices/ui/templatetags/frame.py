"""``{% frame_part %}…{% endframe_part %}``: a static stretch of a page frame, rendered once
per process and reused (decision 0046).

Every portal page carries the same frame (``portal/base.html``: head, menu, language switch,
footer) and it used to cost about a hundred template nodes per request. Most of it depends
only on the language, the branding, whether someone is logged in, which menu entry is the
current page and demo mode. A ``frame_part`` renders its content **only with those values**
(:data:`FRAME_NAMES`, a fresh context: nothing else of the page is visible inside it, so a
citizen's name, a CSRF token or the request's path can never be kept and shown to someone
else; they render empty there) and keeps the result per combination, in a
``core.process_cache`` map of the ``branding`` generation: a beheerder's branding change
empties it everywhere. The dynamic bits (CSRF tokens, the path, unread count, title and
content blocks, messages) sit between the parts as ordinary template code.

A part may not hold a ``{% block %}`` (a child template's override would be ignored) nor a
``{% csrf_token %}``: both are refused when the template is parsed.
"""

from __future__ import annotations

from typing import Any

from django import template
from django.core.signals import setting_changed
from django.dispatch import receiver
from django.template.base import Node, NodeList, Parser, Template, Token
from django.template.context import Context
from django.template.defaulttags import CsrfTokenNode
from django.template.loader_tags import BlockNode
from django.urls import get_script_prefix
from django.utils.safestring import SafeString, mark_safe
from django.utils.translation import get_language

from mijnservices.core.process_cache import ProcessCacheMap

register = template.Library()

# What a frame part may read of the page's context (the context processors' shared values).
# ``logged_in_citizen`` is reduced to True/None: the part sees whether, never who.
FRAME_NAMES = (
    "branding",
    "organisation_name",
    "demo_mode",
    "menu_current",
    "session_warning",
    "session_warning_minutes",
)
_KEY_NAMES = (*FRAME_NAMES, "logged_in_citizen")

# A key: (the part's node, language, script prefix, autoescape, *the values of _KEY_NAMES).
Key = tuple[Any, ...]


def _render(key: Key) -> SafeString:
    # The language in the key is the active one: the part's translations and
    # get_current_language read it from there.
    node, _language, _prefix, autoescape, *values = key
    context = Context(dict(zip(_KEY_NAMES, values, strict=True)), autoescape=autoescape)
    # An {% include %} inside asks the template being rendered for its engine.
    context.template = node.template
    return mark_safe(node.nodelist.render(context))  # noqa: S308 - rendered by the template engine


_PARTS: ProcessCacheMap[Key, SafeString] = ProcessCacheMap("branding", _render)


@receiver(setting_changed)
def _settings_changed(**kwargs: Any) -> None:
    """A part may show settings (static files' URL, demo mode): tests change them."""
    _PARTS.clear()


_PAGE_VALUES = "mijnservices.frame_part.values"


class FramePartNode(Node):
    # Nothing inside a part is a block (refused at parse time): Django's search for blocks
    # (on every page, through the whole frame) need not look inside.
    child_nodelists = ()

    def __init__(self, nodelist: NodeList) -> None:
        self.nodelist = nodelist
        self.template: Template | None = None  # one that holds this part, for its engine

    def __repr__(self) -> str:
        return "<FramePartNode>"

    def render(self, context: Context) -> SafeString:
        if self.template is None:
            self.template = context.template
        # What the parts depend on is read once per page (the render context lives as long
        # as one rendering of the page, its extends and includes).
        values = context.render_context.get(_PAGE_VALUES)
        if values is None:
            get = context.get
            values = context.render_context[_PAGE_VALUES] = (
                get_language(),
                get_script_prefix(),
                context.autoescape,
                *(get(name) for name in FRAME_NAMES),
                True if get("logged_in_citizen") else None,
            )
        return _PARTS.get((self, *values))


@register.tag("frame_part")
def frame_part(parser: Parser, token: Token) -> FramePartNode:
    nodelist = parser.parse(("endframe_part",))
    parser.delete_first_token()
    for kind, what in ((BlockNode, "{% block %}"), (CsrfTokenNode, "{% csrf_token %}")):
        if nodelist.get_nodes_by_type(kind):
            raise template.TemplateSyntaxError(f"a frame_part cannot hold a {what}")
    return FramePartNode(nodelist)
