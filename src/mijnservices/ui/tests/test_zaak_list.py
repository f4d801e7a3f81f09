# ruff: noqa: E501 - the reference template keeps its original long lines
"""The zaak list tag writes the HTML the row template wrote, in both languages."""

from __future__ import annotations

import pytest
from django.template import Context, Template
from django.template.loader import render_to_string
from django.utils import translation

from mijnservices.ui.display import DateText, ZaakRow

# The row template as it was before the tag (decision 0035), with the Dutch-language marks
# of decision 0037: the reference.
BEFORE = Template(
    """{% load i18n ui_format %}
{# Labels are translated once per list, not once per row (the overview renders up to 100 rows). #}
{% translate "Case number" as label_number %}{% translate "Applied on" as label_applied %}{% translate "Status" as label_status %}{% translate "Received" as label_received %}{% translate "Completed on" as label_completed %}{% translate "Finished at the latest on (legal deadline)" as label_deadline %}{% translate "Planned to be finished on" as label_planned %}{% translate "Not known yet" as label_unknown %}
<ul class="portal-zaken">
  {% for row in rows %}
    <li class="portal-zaak">
      <h3 class="utrecht-heading-3 portal-zaak__title"><a class="utrecht-link" href="{{ row.url }}"{{ row.title_language|lang_attr }}>{{ row.title }}</a></h3>
      {% if row.kind %}<p class="utrecht-paragraph portal-zaak__kind">{{ row.kind }}</p>{% endif %}
      <dl class="utrecht-data-list portal-facts">
        <div class="utrecht-data-list__item">
          <dt class="utrecht-data-list__item-key">{{ label_number }}</dt>
          <dd class="utrecht-data-list__item-value utrecht-data-list__item-value--html-dd">{{ row.zaaknummer }}</dd>
        </div>
        <div class="utrecht-data-list__item">
          <dt class="utrecht-data-list__item-key">{{ label_applied }}</dt>
          <dd class="utrecht-data-list__item-value utrecht-data-list__item-value--html-dd"><time datetime="{{ row.registered.iso }}">{{ row.registered.text }}</time></dd>
        </div>
        <div class="utrecht-data-list__item">
          <dt class="utrecht-data-list__item-key">{{ label_status }}</dt>
          <dd class="utrecht-data-list__item-value utrecht-data-list__item-value--html-dd">{% if row.status %}{{ row.status|dutch }}{% else %}{{ label_received }}{% endif %}</dd>
        </div>
        <div class="utrecht-data-list__item">
          <dt class="utrecht-data-list__item-key">{% if row.closed %}{{ label_completed }}{% elif row.end_is_deadline %}{{ label_deadline }}{% else %}{{ label_planned }}{% endif %}</dt>
          <dd class="utrecht-data-list__item-value utrecht-data-list__item-value--html-dd">{% if row.end %}<time datetime="{{ row.end.iso }}">{{ row.end.text }}</time>{% else %}{{ label_unknown }}{% endif %}</dd>
        </div>
      </dl>
    </li>
  {% endfor %}
</ul>
"""
)


def _row(**changes: object) -> ZaakRow:
    fields: dict[str, object] = {
        "uuid": "1",
        "url": "/mijn-zaken/1/?a=1&b=<2>",
        "zaaknummer": "ZAAK-2026-0000000001",
        "title": 'Bezwaar "WOZ" <script>',
        "kind": "Bezwaar & beroep",
        "registered": DateText("2026-01-02", "2 januari 2026"),
        "status": "In behandeling",
        "closed": False,
        "end": DateText("2026-03-01", "1 maart 2026"),
        "end_is_deadline": False,
    }
    fields.update(changes)
    return ZaakRow(**fields)  # type: ignore[arg-type]


ROWS = [
    _row(),
    _row(kind="", status="", end=None),
    _row(closed=True),
    _row(end_is_deadline=True),
]


@pytest.mark.parametrize("language", ["nl", "en"])
def test_the_list_is_the_html_the_row_template_wrote(language):
    with translation.override(language):
        before = BEFORE.render(Context({"rows": ROWS}))
        after = render_to_string("portal/_zaak_list.html", {"rows": ROWS})
    assert after == before


def test_an_empty_list_is_an_empty_ul():
    html = render_to_string("portal/_zaak_list.html", {"rows": []})
    assert '<ul class="portal-zaken">\n  \n</ul>' in html
