"""Forms of the demo login. Real DigiD / eHerkenning logins have no form here."""

from __future__ import annotations

from typing import Any

from django import forms
from django.utils.translation import get_language
from django.utils.translation import gettext_lazy as _

from mijnservices.core.validators import is_valid_bsn
from mijnservices.demo.personas import PERSONAS, Persona, find


def persona_key(persona: Persona) -> str:
    return f"{persona.kind}:{persona.identifier}"


def persona_description(persona: Persona) -> str:
    return persona.description if get_language() == "en" else persona.description_nl


class DemoPersonaForm(forms.Form):
    """Pick one of the demo people or the demo business."""

    persona = forms.ChoiceField(
        label=_("Demo person or business"),
        error_messages={"required": _("Choose a person or business to log in as.")},
    )

    def __init__(self, *args: Any, **kwargs: Any) -> None:
        super().__init__(*args, **kwargs)
        field = self.fields["persona"]
        assert isinstance(field, forms.ChoiceField)
        field.choices = [(persona_key(p), p.name) for p in PERSONAS]

    def clean_persona(self) -> Persona:
        kind, _sep, identifier = str(self.cleaned_data["persona"]).partition(":")
        persona = find(kind, identifier)
        if persona is None:  # ChoiceField already refused unknown keys; stay safe anyway
            raise forms.ValidationError(_("Choose a person or business to log in as."))
        return persona


class DemoBsnForm(forms.Form):
    """Type a BSN. Only BSNs of the demo population are accepted."""

    bsn = forms.CharField(
        label=_("BSN"),
        help_text=_("9 digits, for example 999993653."),
        max_length=20,
        strip=True,
        error_messages={"required": _("Fill in a BSN.")},
    )

    def clean_bsn(self) -> Persona:
        # People type BSNs with spaces or dots; the number itself must pass the 11-check.
        bsn = str(self.cleaned_data["bsn"]).replace(" ", "").replace(".", "")
        if not is_valid_bsn(bsn):
            raise forms.ValidationError(
                _("This is not a valid BSN. A BSN has 9 digits. Check the number and try again."),
                code="invalid-bsn",
            )
        persona = find("bsn", bsn)
        if persona is None:
            raise forms.ValidationError(
                _(
                    "This BSN is not in the demo data. Choose one of the demo people above, "
                    "or use a BSN from that list."
                ),
                code="unknown-bsn",
            )
        return persona
