"""Forms of the employee pages. They validate input; services do the writing."""

from __future__ import annotations

from typing import Any

from django import forms
from django.utils.translation import gettext_lazy as _

from mijnservices.core.validators import is_valid_bsn

SEARCH_KINDS = [
    ("bsn", _("BSN")),
    ("naam", _("Name and date of birth")),
    ("kvk", _("KvK number")),
    ("zaak", _("Case number")),
    ("email", _("E-mail address")),
    ("telefoon", _("Phone number")),
]

KANALEN = [
    ("telefoon", _("Phone")),
    ("balie", _("Desk")),
    ("email", _("E-mail")),
    ("chat", _("Chat")),
    ("brief", _("Letter")),
]


class LoginForm(forms.Form):
    # Autocomplete lets password managers fill the right fields (WCAG 1.3.5, issue 21).
    username = forms.CharField(
        label=_("User name"),
        max_length=150,
        widget=forms.TextInput(attrs={"autocomplete": "username"}),
    )
    password = forms.CharField(
        label=_("Password"),
        widget=forms.PasswordInput(attrs={"autocomplete": "current-password"}),
    )
    code = forms.CharField(
        label=_("Code from your authenticator app"),
        help_text=_("6 digits. Leave empty if you have not set up two-step login yet."),
        required=False,
        max_length=8,
        widget=forms.TextInput(attrs={"inputmode": "numeric", "autocomplete": "one-time-code"}),
    )


class CodeForm(forms.Form):
    code = forms.CharField(
        label=_("Code from your authenticator app"),
        max_length=8,
        widget=forms.TextInput(attrs={"inputmode": "numeric", "autocomplete": "one-time-code"}),
    )


class SearchForm(forms.Form):
    kind = forms.ChoiceField(label=_("Search by"), choices=SEARCH_KINDS)
    q = forms.CharField(label=_("Search for"), max_length=254)
    geboortedatum = forms.DateField(
        label=_("Date of birth"),
        help_text=_("Only when searching by name. For example 14-03-1981."),
        required=False,
        input_formats=["%d-%m-%Y", "%Y-%m-%d"],
    )

    def clean(self) -> dict[str, object]:
        data = super().clean() or {}
        if data.get("kind") == "naam" and not data.get("geboortedatum"):
            self.add_error("geboortedatum", _("Fill in the date of birth."))
        query = str(data.get("q") or "").strip()
        # A mistyped BSN must not open someone else's klantbeeld (issue 21): the 11-test first.
        if data.get("kind") == "bsn" and query and not is_valid_bsn(query):
            self.add_error("q", _("This is not a valid BSN. Check the 9 digits and try again."))
        return data


class ContactmomentForm(forms.Form):
    kanaal = forms.ChoiceField(label=_("Channel"), choices=KANALEN)
    zaak = forms.ChoiceField(label=_("About case"), required=False)
    # Two texts (issue 21): the note is the employee's; the resident reads only the summary.
    inhoud = forms.CharField(
        label=_("Internal note (the resident does not see this)"),
        help_text=_("What was it about, in your own words. Only employees read this."),
        widget=forms.Textarea(attrs={"rows": 4}),
    )
    voor_inwoner = forms.CharField(
        label=_("What the resident sees in MijnZaken (optional)"),
        help_text=_(
            'Leave empty for a neutral sentence such as: "U belde met ons over uw zaak '
            '(zaaknummer)." Write in plain Dutch, without internal remarks.'
        ),
        required=False,
        max_length=500,
        widget=forms.Textarea(attrs={"rows": 2}),
    )
    vraag_over_status = forms.TypedChoiceField(
        label=_("Was it a question about the status of a case?"),
        choices=[("ja", _("Yes")), ("nee", _("No"))],
        coerce=lambda value: value == "ja",
        widget=forms.RadioSelect,
    )

    doorverwijzing = forms.CharField(
        label=_("Refer to the case team (optional)"),
        help_text=_(
            "Only when you cannot answer the question yourself: write what the case team "
            "should do. Choose the case above."
        ),
        required=False,
        max_length=200,
        widget=forms.Textarea(attrs={"rows": 2}),
    )
    terugbelnummer = forms.CharField(
        label=_("Call-back number (with a referral)"),
        help_text=_("The number the case team can call the resident back on."),
        required=False,
        max_length=20,
        widget=forms.TextInput(attrs={"autocomplete": "off", "inputmode": "tel"}),
    )

    def __init__(self, *args: object, zaken: list[tuple[str, str]], **kwargs: object) -> None:
        super().__init__(*args, **kwargs)  # type: ignore[arg-type]
        self.fields["zaak"].choices = [("", _("No case")), *zaken]  # type: ignore[attr-defined]

    def clean(self) -> dict[str, object]:
        data = super().clean() or {}
        if data.get("doorverwijzing", "").strip() and not data.get("zaak"):
            self.add_error("zaak", _("Choose the case to refer the question to its case team."))
        return data


class StatusForm(forms.Form):
    statustype: forms.ModelChoiceField[Any] = forms.ModelChoiceField(
        label=_("Next step"), queryset=None
    )
    toelichting = forms.CharField(
        label=_("Explanation for the resident"),
        help_text=_("The resident sees this text with the step. Use plain language."),
        required=False,
        widget=forms.Textarea(attrs={"rows": 3}),
    )


class SubStatusForm(forms.Form):
    omschrijving = forms.CharField(
        label=_("Update for the resident"),
        max_length=1000,
        widget=forms.Textarea(attrs={"rows": 3}),
    )


class CloseForm(forms.Form):
    resultaattype: forms.ModelChoiceField[Any] = forms.ModelChoiceField(
        label=_("Result"), queryset=None
    )
    toelichting = forms.CharField(
        label=_("Explanation for the resident"),
        required=False,
        widget=forms.Textarea(attrs={"rows": 3}),
    )
