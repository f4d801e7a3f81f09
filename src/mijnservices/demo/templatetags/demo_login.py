"""DEMO ONLY: what the demo login section on the portal's login page shows. The portal only
includes ``demo/_login.html`` by name in demo mode; the section gets its own data here."""

from __future__ import annotations

from typing import Any

from django import template

from mijnservices.demo.forms import DemoBsnForm, DemoPersonaForm, demo_choices

register = template.Library()


@register.simple_tag(takes_context=True)
def demo_login_forms(context: template.Context) -> dict[str, Any]:
    """The demo login's forms — as the demo login view passes them back with their errors, or
    empty — and every demo choice, the chosen one marked."""
    persona_form = context.get("persona_form")
    if persona_form is None:
        persona_form = DemoPersonaForm()
    bsn_form = context.get("bsn_form")
    if bsn_form is None:
        bsn_form = DemoBsnForm()
    chosen = persona_form["persona"].value()
    return {
        "persona_form": persona_form,
        "bsn_form": bsn_form,
        "personas": [
            {
                "key": choice.key,
                "name": choice.name,
                "description": choice.description,
                "checked": chosen == choice.key,
            }
            for choice in demo_choices()
        ],
    }
