# ruff: noqa: E501 - the reference template keeps its original long lines
"""The contact list tag writes the HTML the contact list template wrote, in both languages."""

from __future__ import annotations

from datetime import UTC, datetime
from uuid import UUID

import pytest
from django.template import Context, Template
from django.template.loader import render_to_string
from django.utils import translation

from mijnservices.services.mijnoverzicht.contactmomenten import ContactRow
from mijnservices.services.mijnoverzicht.zaken import ZaakLink

# portal/_contact_list.html as it was before the tag (decision 0040): the reference.
BEFORE = Template(
    """{% load i18n %}
{# Every contact open, never collapsed; each with a channel icon, its text label and a date. #}
<ol class="portal-timeline">
  {% for row in rows %}
    <li class="portal-timeline__item" id="contact-{{ row.uuid }}">
      <p class="utrecht-paragraph portal-channel">{% include "portal/_channel_icon.html" with channel=row.channel %}<span class="portal-channel__label">{% include "portal/_channel_label.html" with channel=row.channel kanaal=row.kanaal %}</span> · <time datetime="{{ row.moment|date:'c' }}">{{ row.moment|date:"j F Y, H:i" }}</time></p>
      <h{{ level|default:3 }} class="utrecht-heading-{{ level|default:3 }} portal-timeline__title">{% if row.is_question %}{% translate "Your question" %}{% else %}{{ row.onderwerp }}{% endif %}</h{{ level|default:3 }}>
      {% if row.delivered is None and row.inhoud %}<p class="utrecht-paragraph portal-timeline__text">{{ row.inhoud|linebreaksbr }}</p>{% endif %}
      {# The heading is the message's subject (what happened); a delivery state like "Delivered" says nothing (issue 21). #}
      {% if row.delivered is False %}<p class="utrecht-paragraph">{% translate "This message could not be delivered. Please check your contact details." %}</p>{% endif %}
      {% if row.zaak and show_zaak %}<p class="utrecht-paragraph">{% translate "About" %} <a class="utrecht-link" href="{% url 'portal:zaak_detail' zaak_uuid=row.zaak.uuid %}">{{ row.zaak.title }} ({{ row.zaak.identificatie }})</a></p>{% endif %}
      {% if row.is_question %}
        {% for answer in row.answers %}
          <div class="portal-answer">
            <p class="utrecht-paragraph portal-channel"><strong>{% translate "Answer from the municipality" %}</strong> · <time datetime="{{ answer.moment|date:'c' }}">{{ answer.moment|date:"j F Y, H:i" }}</time></p>
            <p class="utrecht-paragraph">{{ answer.inhoud|linebreaksbr }}</p>
          </div>
        {% empty %}
          <p class="utrecht-paragraph portal-timeline__waiting">{% translate "We have not answered this question yet." %}</p>
        {% endfor %}
      {% endif %}
    </li>
  {% endfor %}
</ol>
"""
)

AT = datetime(2026, 3, 1, 23, 30, tzinfo=UTC)
ZAAK = ZaakLink(
    uuid=UUID(int=7),
    identificatie="ZAAK-2026-0000000007",
    title="Bezwaar <WOZ> & meer",
    omschrijving="",
    zaaktype_identificatie="ZT",
)


def _row(number: int, **fields: object) -> ContactRow:
    values: dict[str, object] = {
        "uuid": UUID(int=number),
        "channel": "phone",
        "kanaal": "telefoon",
        "onderwerp": f"Onderwerp <{number}>",
        "inhoud": "Regel een\nRegel <twee>",
        "moment": AT,
        "by_citizen": False,
        "is_question": False,
        "answered": False,
        "delivered": None,
        "zaak": ZAAK,
    }
    values.update(fields)
    return ContactRow(**values)  # type: ignore[arg-type]


ROWS = [
    _row(1),
    _row(2, channel="email", kanaal="e-mail", delivered=False),
    _row(3, channel="email", kanaal="e-mail", delivered=True, zaak=None),
    _row(4, channel="other", kanaal="duif & <post>", inhoud=""),
    _row(5, channel="portal", kanaal="portaal", is_question=True),
    _row(
        6,
        channel="portal",
        kanaal="portaal",
        is_question=True,
        answered=True,
        answers=[_row(8, inhoud="Antwoord\n& meer"), _row(9, inhoud="Nog een")],
    ),
]
for channel in ("desk", "chat", "post", "sms"):
    ROWS.append(_row(20 + len(ROWS), channel=channel, kanaal=channel))


@pytest.mark.parametrize("language", ["nl", "en"])
@pytest.mark.parametrize("options", [{"show_zaak": False}, {"show_zaak": True, "level": 2}])
def test_the_contacts_are_the_html_the_contact_list_template_wrote(language, options):
    with translation.override(language):
        before = BEFORE.render(Context({"rows": ROWS, **options}))
        after = render_to_string("portal/_contact_list.html", {"rows": ROWS, **options})
    assert "portal-answer" in after
    assert after == before
