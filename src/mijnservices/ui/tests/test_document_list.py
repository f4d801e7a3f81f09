# ruff: noqa: E501 - the reference template keeps its original long lines
"""The document list tag writes the HTML the document list template wrote, in both languages."""

from __future__ import annotations

from datetime import date
from types import SimpleNamespace
from uuid import UUID

import pytest
from django.template import Context, Template
from django.utils import translation

from mijnservices.services.mijnzaken.documents import BesluitRow, DocumentRow

# portal/_document_list.html as it was before the tag (decision 0047): the reference.
BEFORE = Template(
    """{% load i18n %}
<ul class="utrecht-unordered-list portal-documents">
  {% for row in rows %}
    <li class="utrecht-unordered-list__item">
      <a class="utrecht-link" href="{% url 'portal:document_download' zaak_uuid=zaak.uuid document_uuid=row.uuid %}" download>{{ row.titel }}<span class="portal-visually-hidden"> ({% translate "download" %})</span></a>
      <span class="portal-document-meta">{% if row.bestandsnaam %}{{ row.bestandsnaam }}, {% endif %}{% if row.size %}{{ row.size|filesizeformat }}, {% endif %}{% translate "added on" %} <time datetime="{{ row.dated|date:'Y-m-d' }}">{{ row.dated|date:"j F Y" }}</time></span>
    </li>
  {% endfor %}
</ul>
"""
)
TAG = Template("{% load document_list %}{% document_list rows zaak %}")
ZAAK = SimpleNamespace(uuid=UUID(int=7))
ROWS = [
    DocumentRow(
        uuid=UUID(int=1),
        titel="Besluit <op> bezwaar & meer",
        bestandsnaam="besluit & bijlage.pdf",
        formaat="application/pdf",
        size=123_456,
        dated=date(2026, 3, 1),
    ),
    DocumentRow(
        uuid=UUID(int=2),
        titel="Zonder naam",
        bestandsnaam="",
        formaat="",
        size=None,
        dated=date(2026, 12, 31),
        besluiten=frozenset({UUID(int=9)}),
    ),
    DocumentRow(
        uuid=UUID(int=3),
        titel="Leeg",
        bestandsnaam="leeg.txt",
        formaat="text/plain",
        size=0,
        dated=date(2025, 5, 5),
    ),
]


@pytest.mark.parametrize("language", ["nl", "en"])
@pytest.mark.parametrize("rows", [ROWS, ROWS[:1], []])
def test_the_tag_writes_what_the_template_wrote(language, rows):
    context = {"rows": rows, "zaak": ZAAK}
    with translation.override(language):
        assert TAG.render(Context(context)) == BEFORE.render(Context(context))


# The besluiten part of portal/_documents.html as it was before the tag: the reference.
BESLUITEN_BEFORE = Template(
    """{% load i18n document_list %}{% if documents.besluiten %}
<section aria-labelledby="besluiten-heading" id="besluiten">
  <h2 class="utrecht-heading-2" id="besluiten-heading">{% translate "Decisions" %}</h2>
  {% for besluit in documents.besluiten %}
    <div class="portal-besluit">
      <h3 class="utrecht-heading-3">{{ besluit.what }}</h3>
      <dl class="utrecht-data-list portal-facts">
        <div class="utrecht-data-list__item">
          <dt class="utrecht-data-list__item-key">{% translate "Decided on" %}</dt>
          <dd class="utrecht-data-list__item-value utrecht-data-list__item-value--html-dd"><time datetime="{{ besluit.datum|date:'Y-m-d' }}">{{ besluit.datum|date:"j F Y" }}</time></dd>
        </div>
        <div class="utrecht-data-list__item">
          <dt class="utrecht-data-list__item-key">{% translate "Applies from" %}</dt>
          <dd class="utrecht-data-list__item-value utrecht-data-list__item-value--html-dd"><time datetime="{{ besluit.ingangsdatum|date:'Y-m-d' }}">{{ besluit.ingangsdatum|date:"j F Y" }}</time></dd>
        </div>
        {% if besluit.vervaldatum %}
        <div class="utrecht-data-list__item">
          <dt class="utrecht-data-list__item-key">{% translate "Applies until" %}</dt>
          <dd class="utrecht-data-list__item-value utrecht-data-list__item-value--html-dd"><time datetime="{{ besluit.vervaldatum|date:'Y-m-d' }}">{{ besluit.vervaldatum|date:"j F Y" }}</time></dd>
        </div>
        {% endif %}
      </dl>
      {% if besluit.toelichting %}<p class="utrecht-paragraph">{{ besluit.toelichting }}</p>{% endif %}
      {% if besluit.documents %}
        {% document_list besluit.documents zaak %}
      {% endif %}
    </div>
  {% endfor %}
</section>
{% endif %}"""
)
BESLUITEN_TAG = Template("{% load document_list %}{% besluit_list documents.besluiten zaak %}")
BESLUITEN = [
    BesluitRow(
        uuid=UUID(int=9),
        datum=date(2026, 2, 3),
        what="Toekenning <subsidie> & meer",
        toelichting="U krijgt 500 euro & een <brief>.",
        ingangsdatum=date(2026, 3, 1),
        vervaldatum=date(2027, 3, 1),
        documents=ROWS[:2],
    ),
    BesluitRow(
        uuid=UUID(int=10),
        datum=date(2025, 12, 31),
        what="Afwijzing",
        toelichting="",
        ingangsdatum=date(2026, 1, 1),
        vervaldatum=None,
    ),
]


@pytest.mark.parametrize("language", ["nl", "en"])
@pytest.mark.parametrize("besluiten", [BESLUITEN, BESLUITEN[1:], BESLUITEN[:1], []])
def test_the_besluit_tag_writes_what_the_template_wrote(language, besluiten):
    context = {"documents": SimpleNamespace(besluiten=besluiten), "zaak": ZAAK}
    with translation.override(language):
        assert BESLUITEN_TAG.render(Context(context)) == BESLUITEN_BEFORE.render(Context(context))
