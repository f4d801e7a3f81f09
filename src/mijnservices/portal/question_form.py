"""The form to ask a question about a zaak (on the zaak page)."""

from __future__ import annotations

from django import forms
from django.utils.translation import gettext_lazy

from mijnservices.services.mijnoverzicht.contactmomenten import QUESTION_MAX_LENGTH


class QuestionForm(forms.Form):
    """Only a message field: no subject to think up (seed 004)."""

    vraag = forms.CharField(
        label=gettext_lazy("Your question"),
        max_length=QUESTION_MAX_LENGTH,
        widget=forms.Textarea(attrs={"rows": 5}),
        error_messages={
            "required": gettext_lazy("Please type your question."),
            "max_length": gettext_lazy(
                "Your question is too long. Use at most %(limit_value)d characters."
            ),
        },
    )
