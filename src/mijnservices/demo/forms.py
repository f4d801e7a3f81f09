"""DEMO ONLY: forms of the demo login. Real DigiD / eHerkenning logins have no form here."""

from __future__ import annotations

from dataclasses import dataclass
from typing import Any

from django import forms
from django.utils.translation import get_language, gettext
from django.utils.translation import gettext_lazy as _

from mijnservices.core.identity import Citizen, Party, PartyKind
from mijnservices.core.validators import is_valid_bsn
from mijnservices.demo.personas import MANDATES, PERSONAS, DemoMandate, Persona, find
from mijnservices.ui.display import mandate_label


def persona_key(persona: Persona) -> str:
    return f"{persona.kind}:{persona.identifier}"


def persona_description(persona: Persona) -> str:
    return persona.description if get_language() == "en" else persona.description_nl


def _party(persona: Persona) -> Party:
    kind: PartyKind = "kvk" if persona.kind == "kvk" else "bsn"
    return Party(kind=kind, identifier=persona.identifier, name=persona.name)


def citizen_for(persona: Persona) -> Citizen:
    return Citizen(actor=_party(persona), auth_method="demo")


def _persona(ref: tuple[str, str]) -> Persona:
    persona = find(*ref)
    if persona is None:  # the demo data itself is wrong: fail loudly
        raise LookupError(f"demo mandate names unknown persona {ref}")
    return persona


def citizen_for_mandate(mandate: DemoMandate) -> Citizen:
    return Citizen(
        actor=_party(_persona(mandate.actor)),
        auth_method="demo",
        represented=_party(_persona(mandate.represented)),
        mandate=mandate.mandate,
        mandate_zaaktypen=mandate.zaaktypen,
    )


@dataclass(frozen=True)
class DemoChoice:
    key: str
    name: str
    description: str
    citizen: Citizen


def demo_choices() -> list[DemoChoice]:
    """Every demo person as themselves, then every demo machtiging."""
    choices = [
        DemoChoice(persona_key(p), p.name, persona_description(p), citizen_for(p)) for p in PERSONAS
    ]
    for number, mandate in enumerate(MANDATES, start=1):
        citizen = citizen_for_mandate(mandate)
        assert citizen.represented is not None
        choices.append(
            DemoChoice(
                f"mandate:{number}",
                gettext("%(actor)s on behalf of %(represented)s")
                % {"actor": citizen.actor.name, "represented": citizen.represented.name},
                gettext("Machtiging as %(kind)s.") % {"kind": mandate_label(mandate.mandate)},
                citizen,
            )
        )
    return choices


class DemoPersonaForm(forms.Form):
    """Pick one of the demo people, the demo business, or a demo machtiging."""

    persona = forms.ChoiceField(
        label=_("Demo person or business"),
        error_messages={"required": _("Choose a person or business to log in as.")},
    )

    def __init__(self, *args: Any, **kwargs: Any) -> None:
        super().__init__(*args, **kwargs)
        field = self.fields["persona"]
        assert isinstance(field, forms.ChoiceField)
        field.choices = [(c.key, c.name) for c in demo_choices()]

    def clean_persona(self) -> Citizen:
        key = str(self.cleaned_data["persona"])
        for choice in demo_choices():
            if choice.key == key:
                return choice.citizen
        # ChoiceField already refused unknown keys; stay safe anyway
        raise forms.ValidationError(_("Choose a person or business to log in as."))


class DemoBsnForm(forms.Form):
    """Type a BSN. Only BSNs of the demo population are accepted."""

    bsn = forms.CharField(
        label=_("BSN"),
        help_text=_("9 digits, for example 999993653."),
        max_length=20,
        strip=True,
        error_messages={"required": _("Fill in a BSN.")},
    )

    def clean_bsn(self) -> Citizen:
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
        return citizen_for(persona)
