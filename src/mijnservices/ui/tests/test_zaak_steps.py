# ruff: noqa: E501 - the reference template keeps its original long lines
"""The steps tag writes the HTML the steps template wrote, in both languages."""

from __future__ import annotations

from datetime import UTC, date, datetime

import pytest
from django.template import Context, Template
from django.template.loader import render_to_string
from django.utils import translation

from mijnservices.services.mijnzaken.tracking import Step, SubUpdate

# portal/_steps.html as it was before the tag (decision 0040): the reference.
BEFORE = Template(
    """{% load i18n ui_format %}
{# Every step shows a date (user research). Only finished steps get a checkmark; updates within a step never do. #}
<ol class="portal-steps">
  {% for step in steps %}
    <li class="portal-step portal-step--{{ step.state }}"{% if step.is_current %} aria-current="step"{% endif %}>
      <span class="portal-step__marker" aria-hidden="true">{% if step.state == "past" %}✓{% endif %}</span>
      <div class="portal-step__body">
        <h3 class="utrecht-heading-3 portal-step__title">{{ step.title|dutch }}</h3>
        {% if step.state == "past" %}
          <p class="utrecht-paragraph portal-step__when"><span class="portal-visually-hidden">{% translate "Done." %} </span>{% translate "On" %} <time datetime="{{ step.reached_at|date:'c' }}">{{ step.reached_at|date:"j F Y" }}</time></p>
        {% elif step.state == "current" %}
          <p class="utrecht-paragraph portal-step__when"><strong>{% translate "Current step" %}</strong>{% if step.reached_at %} · {% translate "since" %} <time datetime="{{ step.reached_at|date:'c' }}">{{ step.reached_at|date:"j F Y" }}</time>{% endif %}</p>
          {% if step.explanation %}<p class="utrecht-paragraph"{{ step.explanation_language|lang_attr }}>{{ step.explanation }}</p>{% endif %}
          {% if step.toelichting %}<p class="utrecht-paragraph portal-step__toelichting">{{ step.toelichting|dutch }}</p>{% endif %}
        {% elif step.state == "future" %}
          <p class="utrecht-paragraph portal-step__when"><span class="portal-visually-hidden">{% translate "Not started yet." %} </span>{% translate "Expected around" %} <time datetime="{{ step.expected_on|date:'Y-m-d' }}">{{ step.expected_on|date:"j F Y" }}</time></p>
        {% else %}
          <p class="utrecht-paragraph portal-step__when">{% translate "Skipped: this step was not needed for your case." %}</p>
        {% endif %}
        {% if step.updates %}
          <p class="utrecht-paragraph portal-step__updates-title">{% translate "Updates in this step" %}</p>
          <ul class="portal-updates">
            {% for update in step.updates %}
              <li class="portal-update"><time datetime="{{ update.tijdstip|date:'c' }}">{{ update.tijdstip|date:"j F Y" }}</time>: {{ update.omschrijving|dutch }}</li>
            {% endfor %}
          </ul>
        {% endif %}
      </div>
    </li>
  {% endfor %}
</ol>
"""
)

AT = datetime(2026, 3, 1, 23, 30, tzinfo=UTC)  # 2 March in Amsterdam
STEPS = [
    Step(volgnummer=1, title="Ontvangen <&>", explanation="", state="past", reached_at=AT),
    Step(
        volgnummer=2,
        title="Gegevens controleren",
        explanation="We kijken of alles klopt & compleet is.",
        state="past",
        reached_at=AT,
        updates=[SubUpdate(omschrijving="Brief <verstuurd>", tijdstip=AT)],
    ),
    Step(volgnummer=3, title="Advies", explanation="", state="skipped"),
    Step(
        volgnummer=4,
        title="In behandeling",
        explanation="We beoordelen uw aanvraag.",
        explanation_language="en",
        state="current",
        reached_at=AT,
        toelichting='Wacht op "advies"',
        updates=[
            SubUpdate(omschrijving="Advies gevraagd", tijdstip=AT),
            SubUpdate(omschrijving="Advies ontvangen", tijdstip=AT),
        ],
    ),
    Step(
        volgnummer=5,
        title="Besluit",
        explanation="Tekst",
        state="future",
        expected_on=date(2026, 4, 9),
    ),
    Step(volgnummer=6, title="Klaar", explanation="", state="current"),
]


@pytest.mark.parametrize("language", ["nl", "en"])
def test_the_steps_are_the_html_the_steps_template_wrote(language):
    with translation.override(language):
        before = BEFORE.render(Context({"steps": STEPS}))
        after = render_to_string("portal/_steps.html", {"steps": STEPS})
    assert after == before


def test_no_steps_is_an_empty_list():
    with translation.override("nl"):
        assert render_to_string("portal/_steps.html", {"steps": []}) == BEFORE.render(
            Context({"steps": []})
        )
