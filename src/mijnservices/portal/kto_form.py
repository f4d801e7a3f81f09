"""The satisfaction survey (KTO) on a closed zaak's page: the questions of the Startgids."""

from __future__ import annotations

from typing import Any

from django import forms

from mijnservices.services.kpis.surveys import OPEN_MAX_LENGTH, Questionnaire


class KtoForm(forms.Form):
    """The questions of the version that applies to the zaak's zaaktype."""

    def __init__(self, *args: Any, questionnaire: Questionnaire, **kwargs: Any) -> None:
        super().__init__(*args, **kwargs)
        self.questionnaire = questionnaire
        for question in questionnaire.questions:
            self.fields[question.key] = forms.ChoiceField(
                label=str(question.text),
                choices=[(key, str(label)) for key, label in question.options],
                required=False,
                widget=forms.RadioSelect,
            )
        self.fields["open"] = forms.CharField(
            label=str(questionnaire.open_question),
            required=False,
            max_length=OPEN_MAX_LENGTH,
            widget=forms.Textarea(attrs={"rows": 3}),
        )

    def choice_fields(self) -> list[forms.BoundField]:
        return [self[q.key] for q in self.questionnaire.questions]

    def answers(self) -> dict[str, str]:
        return {q.key: self.cleaned_data.get(q.key) or "" for q in self.questionnaire.questions}
