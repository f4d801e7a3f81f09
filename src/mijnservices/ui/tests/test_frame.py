"""Frame parts: rendered once per language, branding and login state, and blind to the rest
of the page (decision 0046)."""

from __future__ import annotations

import pytest
from django.template import Context, Template, TemplateSyntaxError
from django.utils import translation

from mijnservices.services.presentation.branding import branding_current, branding_update

PART = Template(
    "{% load i18n frame %}{% frame_part %}{% translate 'Menu' %} {{ branding.organisation_name }}"
    " {{ citizen_name }} {{ request.path }}|{% if logged_in_citizen %}in{% endif %}"
    "{% endframe_part %}"
)


def _render(**values: object) -> str:
    return PART.render(Context({"branding": branding_current(), **values}))


@pytest.mark.django_db
def test_a_frame_part_sees_only_the_frame_values_never_the_page_s_own():
    page = _render(citizen_name="Suzanne", logged_in_citizen=object())
    assert "Suzanne" not in page
    assert page.endswith("|in")


@pytest.mark.django_db
def test_a_frame_part_is_kept_per_language_and_login_state():
    with translation.override("en"):
        assert _render().startswith("Menu ")
        assert _render(logged_in_citizen=True).endswith("|in")
    with translation.override("nl"):
        assert _render().startswith("Menu ")  # "Menu" in both languages
        assert _render().endswith("|")


@pytest.mark.django_db
def test_a_frame_part_is_rendered_once_then_kept():
    _render()
    nodes = PART.nodelist[1].nodelist  # type: ignore[attr-defined] # the part's content
    nodes.append(Template("changed").nodelist[0])
    try:
        assert "changed" not in _render()
    finally:
        nodes.pop()


@pytest.mark.django_db
def test_a_branding_change_shows_in_the_frame_on_the_next_request():
    _render()
    branding_update(values={"organisation_name": "Gemeente Elders"})
    assert "Gemeente Elders" in _render()


@pytest.mark.parametrize("inside", ["{% block title %}{% endblock %}", "{% csrf_token %}"])
def test_a_frame_part_refuses_a_block_or_a_csrf_token(inside):
    with pytest.raises(TemplateSyntaxError, match="frame_part cannot hold"):
        Template("{% load frame %}{% frame_part %}" + inside + "{% endframe_part %}")
