"""``{% unbound_form %}`` writes what ``{% include %}`` of the form's partial writes: for an
unbound form from HTML rendered once per language, with each request's zaak and CSRF token."""

from __future__ import annotations

from types import SimpleNamespace
from uuid import UUID

import pytest
from django.template import Context, Template
from django.utils import translation

from mijnservices.portal.kto_form import KtoForm
from mijnservices.portal.question_form import QuestionForm
from mijnservices.portal.upload_form import DocumentUploadForm, upload_limits
from mijnservices.services.kpis.surveys import KTO, MTO

INCLUDE = Template(
    '{% include "portal/_upload_form.html" %}|{% include "portal/_question_form.html" %}'
)
TAG = Template(
    "{% load ui_forms %}"
    '{% unbound_form "portal/_upload_form.html" upload_form upload_limits.max_size'
    " upload_limits.extensions %}|"
    '{% unbound_form "portal/_question_form.html" question_form %}'
)


def _context(number: int, **forms: object) -> Context:
    return Context(
        {
            "zaak": SimpleNamespace(uuid=UUID(int=number)),
            "csrf_token": f"token{number}",
            "upload_limits": upload_limits(),
            "upload_form": forms.get("upload_form", DocumentUploadForm()),
            "question_form": forms.get("question_form", QuestionForm()),
        }
    )


@pytest.mark.parametrize("language", ["nl", "en"])
def test_the_tag_writes_what_the_partials_write_for_every_zaak_and_token(language):
    with translation.override(language):
        for number in (1, 2, 3):  # the first fills the per-process HTML, the others reuse it
            expected = INCLUDE.render(_context(number))
            assert TAG.render(_context(number)) == expected
            assert f"token{number}" in expected and str(UUID(int=number)) in expected
            assert expected.count('name="csrfmiddlewaretoken"') == 2


def test_a_bound_form_with_errors_is_rendered_with_its_input_and_errors():
    with translation.override("nl"):
        TAG.render(_context(1))  # the unbound HTML is kept
        bound = {
            "question_form": QuestionForm(data={"vraag": ""}),
            "upload_form": DocumentUploadForm(data={"titel": "Mijn <titel>"}, files={}),
        }
        for form in bound.values():
            assert not form.is_valid()
        expected = INCLUDE.render(_context(2, **bound))
        assert TAG.render(_context(2, **bound)) == expected
        assert 'id="vraag-error"' in expected and 'id="file-error"' in expected
        assert "Mijn &lt;titel&gt;" in expected


def test_other_upload_limits_are_written_into_their_own_html(settings):
    with translation.override("nl"):
        TAG.render(_context(1))
        settings.PORTAL_UPLOAD_MAX_SIZE = 1024
        settings.PORTAL_UPLOAD_EXTENSIONS = ["odt"]
        page = TAG.render(_context(2))
        assert page == INCLUDE.render(_context(2))
    assert "ODT" in page and 'accept=".odt"' in page


KTO_INCLUDE = Template('{% include "portal/_kto.html" %}')
KTO_TAG = Template(
    "{% load ui_forms %}"
    '{% unbound_form "portal/_kto.html" kto_form kto_form.questionnaire.soort'
    " kto_form.questionnaire.version %}"
)


@pytest.mark.parametrize("language", ["nl", "en"])
def test_the_satisfaction_survey_is_written_as_its_partial_writes_it(language):
    # Each questionnaire (soort and version) has HTML of its own: other questions.
    with translation.override(language):
        for questionnaire in (KTO, MTO, KTO):
            for number in (1, 2):
                context = _context(number)
                context["kto_form"] = KtoForm(questionnaire=questionnaire)
                expected = KTO_INCLUDE.render(context)
                assert KTO_TAG.render(context) == expected
                assert f"token{number}" in expected and str(UUID(int=number)) in expected
                assert str(questionnaire.questions[0].text) in expected
        bound = KtoForm(data={"open": "x" * 2000}, questionnaire=KTO)
        assert not bound.is_valid()
        context = _context(3)
        context["kto_form"] = bound
        assert KTO_TAG.render(context) == KTO_INCLUDE.render(context)
        assert "x" * 2000 in KTO_TAG.render(context)
