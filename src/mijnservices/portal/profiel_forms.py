"""Forms of MijnProfiel: add an e-mail address or mobile number, type the SMS code, and the
notification choices."""

from __future__ import annotations

from django import forms
from django.utils.translation import gettext_lazy as _

from mijnservices.services.profiel.models import Kanaal


class ContactForm(forms.Form):
    adres = forms.CharField(max_length=80, error_messages={"required": _("Please fill this in.")})

    def __init__(self, data: object = None, *, kanaal: str) -> None:
        super().__init__(data, prefix=kanaal)  # type: ignore[arg-type]
        self.kanaal = kanaal
        field = self.fields["adres"]
        if kanaal == Kanaal.EMAIL:
            field.label = _("New e-mail address")
            field.help_text = _("We send a link to this address. Open it to confirm the address.")
        else:
            field.label = _("New mobile number")
            field.help_text = _("We send a code by text message. Type it here to confirm.")


class CodeForm(forms.Form):
    code = forms.CharField(
        label=_("Code from the text message"),
        max_length=6,
        min_length=6,
        error_messages={
            "required": _("Please type the code."),
            "min_length": _("The code has 6 digits."),
            "max_length": _("The code has 6 digits."),
        },
    )


KINDS_OPTIONAL = [
    ("status", _("Changes in my cases")),
    ("bericht", _("New messages")),
]


class PreferencesForm(forms.Form):
    voorkeurskanaal = forms.ChoiceField(
        label=_("How do you want to hear from us?"),
        choices=[(Kanaal.EMAIL, _("By e-mail")), (Kanaal.SMS, _("By text message (SMS)"))],
        widget=forms.RadioSelect,
    )
    aan = forms.MultipleChoiceField(
        label=_("Tell me about"),
        choices=KINDS_OPTIONAL,
        required=False,
        widget=forms.CheckboxSelectMultiple,
    )
    alleen_digitaal = forms.BooleanField(
        label=_("Only send me messages digitally, no letters by post"),
        required=False,
    )
