"""Forms of the beheer screens: a zaaktype's portal presentation with its steps, branding
and contact details, a catalogue file to import."""

from __future__ import annotations

from typing import Any

from django import forms
from django.utils.translation import gettext_lazy as _

from mijnservices.services.presentation.levels import AuthLevel

TEXT = {"maxlength": 200}


class PresentationForm(forms.Form):
    title_nl = forms.CharField(
        label=_("Public title (Dutch)"),
        max_length=200,
        required=False,
        help_text=_("The name citizens know this product by, in plain language."),
    )
    title_en = forms.CharField(label=_("Public title (English)"), max_length=200, required=False)
    description_nl = forms.CharField(
        label=_("Public description (Dutch)"), required=False, widget=forms.Textarea
    )
    description_en = forms.CharField(
        label=_("Public description (English)"), required=False, widget=forms.Textarea
    )
    auth_level = forms.ChoiceField(
        label=_("Required login level"),
        choices=AuthLevel.choices,
        required=False,
        help_text=_(
            "Citizens who logged in at a lower level see only "
            "that the case exists and are asked to log in again."
        ),
    )
    silence_days = forms.IntegerField(
        label=_("Days without news before 'not forgotten'"),
        min_value=1,
        max_value=365,
        required=False,
        help_text=_("Empty: the standard number of days."),
    )
    show_handler = forms.BooleanField(label=_("Show the name of the case handler"), required=False)
    department = forms.CharField(
        label=_("Department or team shown to citizens"),
        max_length=200,
        required=False,
        help_text=_("Empty: no department is named."),
    )
    upload_document_type = forms.CharField(
        label=_("Document type for documents citizens add"),
        max_length=80,
        required=False,
        help_text=_("Empty: citizens cannot add documents."),
    )
    answer_term_days = forms.IntegerField(
        label=_("Working days to answer a question"), min_value=1, max_value=60
    )


STEP_FIELD_NAMES = (
    "text_nl",
    "text_en",
    "informeren",
    "expected_days",
    "email_subject_nl",
    "email_body_nl",
    "email_subject_en",
    "email_body_en",
)
EMAIL_HELP = _(
    "Empty: the standard message. You can use {zaaknummer}, {portaal_link} and {organisatie}."
)


def step_form_class(count: int) -> type[forms.Form]:
    """A form with the fields of ``count`` steps, prefixed ``step<n>_``."""
    fields: dict[str, forms.Field] = {}
    for n in range(count):
        fields[f"step{n}_text_nl"] = forms.CharField(
            label=_("Text for citizens (Dutch)"),
            max_length=1000,
            required=False,
            widget=forms.Textarea,
        )
        fields[f"step{n}_text_en"] = forms.CharField(
            label=_("Text for citizens (English)"),
            max_length=1000,
            required=False,
            widget=forms.Textarea,
        )
        fields[f"step{n}_informeren"] = forms.BooleanField(
            label=_("Send the citizen a message when the case reaches this step"), required=False
        )
        fields[f"step{n}_expected_days"] = forms.IntegerField(
            label=_("Expected duration of this step (days)"),
            min_value=0,
            max_value=3650,
            required=False,
        )
        for language, name in (("nl", _("Dutch")), ("en", _("English"))):
            fields[f"step{n}_email_subject_{language}"] = forms.CharField(
                label=_("Subject of the e-mail (%(language)s)") % {"language": name},
                max_length=200,
                required=False,
            )
            fields[f"step{n}_email_body_{language}"] = forms.CharField(
                label=_("Text of the e-mail (%(language)s)") % {"language": name},
                required=False,
                widget=forms.Textarea,
                help_text=EMAIL_HELP,
            )
    return type("StepsForm", (forms.Form,), fields)


def step_values(form: forms.Form, names: list[str]) -> dict[str, dict[str, Any]]:
    return {
        name: {field: form.cleaned_data[f"step{n}_{field}"] for field in STEP_FIELD_NAMES}
        for n, name in enumerate(names)
    }


class KccAccessForm(forms.Form):
    released_for_kcc = forms.BooleanField(
        label=_("KCC employees may see the status of these cases"),
        required=False,
    )
    social_domain = forms.BooleanField(
        label=_("Social domain: KCC employees never see the documents"),
        required=False,
    )


class BrandingForm(forms.Form):
    organisation_name = forms.CharField(
        label=_("Name of the organisation"), max_length=200, required=False
    )
    logo_url = forms.CharField(label=_("Address (URL) of the logo"), max_length=500, required=False)
    favicon_url = forms.CharField(
        label=_("Address (URL) of the favicon"), max_length=500, required=False
    )
    theme_css_url = forms.CharField(
        label=_("Address (URL) of the NL Design System theme (CSS)"), max_length=500, required=False
    )
    theme_class = forms.CharField(label=_("CSS class of the theme"), max_length=100, required=False)
    contact_phone = forms.CharField(label=_("Phone number"), max_length=40, required=False)
    contact_hours_nl = forms.CharField(
        label=_("Opening hours (Dutch)"), max_length=200, required=False
    )
    contact_hours_en = forms.CharField(
        label=_("Opening hours (English)"), max_length=200, required=False
    )
    contact_form_url = forms.CharField(
        label=_("Address (URL) of the contact form"), max_length=500, required=False
    )
    contact_address = forms.CharField(
        label=_("Visiting or postal address"), max_length=300, required=False
    )
    privacy_url = forms.CharField(
        label=_("Address (URL) of the privacy statement"), max_length=500, required=False
    )
    accessibility_url = forms.CharField(
        label=_("Address (URL) of the accessibility statement"), max_length=500, required=False
    )
    cookies_url = forms.CharField(
        label=_("Address (URL) of the cookie statement"), max_length=500, required=False
    )

    def clean(self) -> dict[str, Any]:
        data = super().clean() or {}
        for name, value in list(data.items()):
            if (
                name.endswith("_url")
                and value
                and not value.startswith(("https://", "http://", "/"))
            ):
                self.add_error(name, _("Start the address with https:// or /."))
        return data


class ImportForm(forms.Form):
    file = forms.FileField(
        label=_("Catalogue file (zip)"),
        help_text=_("An export of these beheer screens or of Open Zaak."),
    )
