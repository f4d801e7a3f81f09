# ruff: noqa: E501 - the reference template keeps its original long lines
"""The facts tag writes the HTML the zaak page's template wrote, in both languages."""

from __future__ import annotations

from datetime import UTC, date, datetime
from types import SimpleNamespace

import pytest
from django.template import Context, Template
from django.utils import translation

# The facts list of portal/zaak_detail.html as it was before the tag: the reference.
BEFORE = Template(
    """{% load i18n ui_format %}<dl class="utrecht-data-list portal-facts">
  <div class="utrecht-data-list__item">
    <dt class="utrecht-data-list__item-key">{% translate "Case number" %}</dt>
    <dd class="utrecht-data-list__item-value utrecht-data-list__item-value--html-dd">{{ zaak.identificatie }}</dd>
  </div>
  <div class="utrecht-data-list__item">
    <dt class="utrecht-data-list__item-key">{% translate "Applied on" %}</dt>
    <dd class="utrecht-data-list__item-value utrecht-data-list__item-value--html-dd"><time datetime="{{ zaak.registratiedatum|date:'Y-m-d' }}">{{ zaak.registratiedatum|date:"j F Y" }}</time></dd>
  </div>
  <div class="utrecht-data-list__item">
    <dt class="utrecht-data-list__item-key">{% translate "Status" %}</dt>
    <dd class="utrecht-data-list__item-value utrecht-data-list__item-value--html-dd">{% if status %}{{ status|dutch }}{% else %}{% translate "Received" %}{% endif %}</dd>
  </div>
  {% if zaak.projectie %}
    <div class="utrecht-data-list__item" id="last-updated">
      <dt class="utrecht-data-list__item-key">{% translate "Last updated" %}</dt>
      <dd class="utrecht-data-list__item-value utrecht-data-list__item-value--html-dd"><time datetime="{{ zaak.projectie.last_synced|date:'c' }}">{{ zaak.projectie.last_synced|date:"j F Y, H:i" }}</time></dd>
    </div>
  {% endif %}
  {% if behandelaar %}
    <div class="utrecht-data-list__item">
      <dt class="utrecht-data-list__item-key">{% translate "Handled by" %}</dt>
      <dd class="utrecht-data-list__item-value utrecht-data-list__item-value--html-dd">{{ behandelaar }}</dd>
    </div>
  {% endif %}
  {% if department %}
    <div class="utrecht-data-list__item" id="department">
      <dt class="utrecht-data-list__item-key">{% translate "Department" %}</dt>
      <dd class="utrecht-data-list__item-value utrecht-data-list__item-value--html-dd">{{ department }}</dd>
    </div>
  {% endif %}
  {% if zaak.einddatum %}
    <div class="utrecht-data-list__item">
      <dt class="utrecht-data-list__item-key">{% translate "Completed on" %}</dt>
      <dd class="utrecht-data-list__item-value utrecht-data-list__item-value--html-dd"><time datetime="{{ zaak.einddatum|date:'Y-m-d' }}">{{ zaak.einddatum|date:"j F Y" }}</time></dd>
    </div>
    {% if result %}
      <div class="utrecht-data-list__item">
        <dt class="utrecht-data-list__item-key">{% translate "Outcome" %}</dt>
        <dd class="utrecht-data-list__item-value utrecht-data-list__item-value--html-dd">{{ result }}</dd>
      </div>
    {% endif %}
  {% else %}
    {# One date model (decision 0037): each date says what it means, in one plain sentence. #}
    {% if tracking.planned_end %}
      <div class="utrecht-data-list__item" id="planned-end">
        <dt class="utrecht-data-list__item-key">{% translate "Planned to be finished on" %}</dt>
        <dd class="utrecht-data-list__item-value utrecht-data-list__item-value--html-dd">
          <p class="utrecht-paragraph"><time datetime="{{ tracking.planned_end|date:'Y-m-d' }}">{{ tracking.planned_end|date:"j F Y" }}</time></p>
          <p class="utrecht-paragraph portal-date-note">{% translate "This follows from how long each step below usually takes. If a step takes longer, this date moves." %}</p>
          {% if tracking.planned_after_legal %}<p class="utrecht-paragraph portal-date-note" id="planned-late"><strong>{% translate "This is later than the legal deadline." %}</strong> {% translate "If we need more time, we must tell you why and until when. If we do not decide in time, you can give us notice of default (ingebrekestelling)." %}</p>{% endif %}
        </dd>
      </div>
    {% endif %}
    {% if tracking.legal_end %}
      <div class="utrecht-data-list__item" id="legal-end">
        <dt class="utrecht-data-list__item-key">{% translate "Finished at the latest on (legal deadline)" %}</dt>
        <dd class="utrecht-data-list__item-value utrecht-data-list__item-value--html-dd">
          <p class="utrecht-paragraph"><time datetime="{{ tracking.legal_end|date:'Y-m-d' }}">{{ tracking.legal_end|date:"j F Y" }}</time></p>
          {% if tracking.extension %}
            <p class="utrecht-paragraph portal-date-note" id="extension">{% blocktranslate with days=tracking.extension.days original=tracking.extension.original|date:"j F Y" %}Extended by {{ days }} days; before, this was {{ original }}.{% endblocktranslate %}{% if tracking.extension.reason %} {% translate "Reason:" %} <span lang="nl">{{ tracking.extension.reason }}</span>{% endif %}</p>
          {% endif %}
          <p class="utrecht-paragraph portal-date-note">{% translate "By law we must have decided by this date." %}</p>
        </dd>
      </div>
    {% endif %}
    {% if tracking.suspension_reason is not None %}
      <div class="utrecht-data-list__item" id="suspension">
        <dt class="utrecht-data-list__item-key">{% translate "Case on hold" %}</dt>
        <dd class="utrecht-data-list__item-value utrecht-data-list__item-value--html-dd">
          <p class="utrecht-paragraph">{% translate "Your case is on hold. While it is, the legal deadline does not run: it moves by as many days as your case is on hold." %}</p>
          {% if tracking.suspension_reason %}<p class="utrecht-paragraph portal-date-note">{% translate "Reason:" %} <span lang="nl">{{ tracking.suspension_reason }}</span></p>{% endif %}
        </dd>
      </div>
    {% endif %}
    {% if prediction %}
      <div class="utrecht-data-list__item" id="prediction">
        <dt class="utrecht-data-list__item-key">{% translate "Expected to be finished (based on earlier cases)" %}</dt>
        <dd class="utrecht-data-list__item-value utrecht-data-list__item-value--html-dd">
          <p class="utrecht-paragraph">{% translate "Around" %} <time datetime="{{ prediction.expected_on|date:'Y-m-d' }}">{{ prediction.expected_on|date:"j F Y" }}</time>{% if prediction.later_than_usual %}. {% translate "Your case is taking longer than most cases like it." %}{% endif %}</p>
          <details class="portal-details">
            <summary>{% translate "How did we work this out?" %}</summary>
            <p class="utrecht-paragraph">{% blocktranslate with count=prediction.sample_size step=prediction.step days=prediction.median_days %}We looked at the last {{ count }} finished cases of this kind that also had the step "{{ step }}". From that step, half of them were finished within {{ days }} days, and half took longer.{% endblocktranslate %}</p>
            <p class="utrecht-paragraph">{% translate "So this is an estimate, not a promise. Your case can take shorter or longer. The legal deadline still applies." %}</p>
          </details>
        </dd>
      </div>
    {% endif %}
  {% endif %}
</dl>"""
)
TAG = Template("{% load zaak_facts %}{% zaak_facts %}")

EXTENSION = SimpleNamespace(days=42, original=date(2026, 5, 1), reason="Advies <extern> & later")
PREDICTION = SimpleNamespace(
    expected_on=date(2026, 7, 14),
    median_days=30,
    sample_size=120,
    step='Beoordeling "aanvraag" & <meer>',
    later_than_usual=False,
)


def _tracking(**values: object) -> SimpleNamespace:
    found = {
        "planned_end": None,
        "planned_after_legal": False,
        "legal_end": None,
        "extension": None,
        "suspension_reason": None,
    }
    found.update(values)
    return SimpleNamespace(**found)


def _zaak(**values: object) -> SimpleNamespace:
    found = {
        "identificatie": "ZAAK-2026-<1>&",
        "registratiedatum": date(2026, 1, 31),
        "einddatum": None,
        "projectie": None,
    }
    found.update(values)
    return SimpleNamespace(**found)


SYNCED = SimpleNamespace(last_synced=datetime(2026, 3, 4, 13, 45, tzinfo=UTC))
CASES = {
    "plain": {"zaak": _zaak(), "tracking": _tracking()},
    "received": {"zaak": _zaak(), "status": "", "tracking": _tracking()},
    "everything open": {
        "zaak": _zaak(projectie=SYNCED),
        "status": "In behandeling <b>",
        "behandelaar": "Team <Vergunningen>",
        "department": "Burgerzaken & Belastingen",
        "tracking": _tracking(
            planned_end=date(2026, 6, 1),
            planned_after_legal=True,
            legal_end=date(2026, 5, 20),
            extension=EXTENSION,
            suspension_reason="Wacht op <stukken>",
        ),
        "prediction": PREDICTION,
    },
    "dates without notes": {
        "zaak": _zaak(),
        "status": "Ontvangen",
        "tracking": _tracking(
            planned_end=date(2026, 6, 1),
            legal_end=date(2026, 6, 20),
            extension=SimpleNamespace(days=7, original=date(2026, 6, 13), reason=""),
            suspension_reason="",
        ),
        "prediction": SimpleNamespace(**{**vars(PREDICTION), "later_than_usual": True}),
    },
    "closed with a result": {
        "zaak": _zaak(einddatum=date(2026, 4, 2), projectie=SYNCED),
        "status": "Afgehandeld",
        "result": "Toegekend & <betaald>",
        "behandelaar": "A. Jansen",
        "tracking": _tracking(planned_end=date(2026, 6, 1)),
    },
    "closed without a result": {
        "zaak": _zaak(einddatum=date(2026, 4, 2)),
        "status": "Afgehandeld",
        "result": "",
        "department": "KCC",
        "tracking": _tracking(),
    },
}


@pytest.mark.parametrize("language", ["nl", "en"])
@pytest.mark.parametrize("case", CASES)
def test_the_tag_writes_what_the_template_wrote(language, case):
    with translation.override(language):
        expected = BEFORE.render(Context(CASES[case]))
        assert TAG.render(Context(CASES[case])) == expected
