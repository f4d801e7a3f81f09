"""Forms for the behandelaar's case-handling actions on the employee zaak page."""

from __future__ import annotations

from typing import TYPE_CHECKING, Any

from django import forms
from django.conf import settings
from django.utils.translation import gettext_lazy as _

from mijnservices.services.casework.selectors import besluittypen, informatieobjecttypen

if TYPE_CHECKING:
    from mijnservices.registrations.klantinteracties.models import Klantcontact
    from mijnservices.registrations.zaken.models import Zaak

YES_NO = [("ja", _("Yes")), ("nee", _("No"))]


class TaakForm(forms.Form):
    titel = forms.CharField(label=_("What should the resident send?"), max_length=100)
    toelichting = forms.CharField(
        label=_("Explanation for the resident"),
        required=False,
        widget=forms.Textarea(attrs={"rows": 3}),
    )
    dagen = forms.IntegerField(
        label=_("Days the resident has for it"),
        min_value=1,
        max_value=365,
        initial=14,
        widget=forms.TextInput(attrs={"inputmode": "numeric"}),
    )


class BerichtForm(forms.Form):
    onderwerp = forms.CharField(label=_("Subject"), max_length=50)
    tekst = forms.CharField(
        label=_("Message"), max_length=4000, widget=forms.Textarea(attrs={"rows": 4})
    )


class AntwoordForm(forms.Form):
    vraag = forms.ChoiceField(label=_("Question"))
    antwoord = forms.CharField(
        label=_("Answer for the resident"),
        max_length=4000,
        widget=forms.Textarea(attrs={"rows": 4}),
    )

    def __init__(self, *args: Any, vragen: list[Klantcontact], **kwargs: Any) -> None:
        super().__init__(*args, **kwargs)
        self.fields["vraag"].choices = [  # type: ignore[attr-defined]
            (str(v.uuid), f"{v.plaatsgevonden_op:%d-%m-%Y}: {v.onderwerp}") for v in vragen
        ]


class DocumentForm(forms.Form):
    informatieobjecttype: forms.ModelChoiceField[Any] = forms.ModelChoiceField(
        label=_("Kind of document"), queryset=None
    )
    titel = forms.CharField(label=_("Title"), max_length=200)
    bestand = forms.FileField(label=_("File"))
    zichtbaar = forms.TypedChoiceField(
        label=_("May the resident see this document?"),
        choices=YES_NO,
        coerce=lambda value: value == "ja",
        widget=forms.RadioSelect,
    )

    def clean_bestand(self) -> Any:
        upload = self.cleaned_data["bestand"]
        if upload.size == 0:
            raise forms.ValidationError(_("The file is empty."))
        if upload.size > int(settings.PORTAL_UPLOAD_MAX_SIZE):
            raise forms.ValidationError(_("The file is too large."))
        return upload


class BesluitForm(forms.Form):
    besluittype: forms.ModelChoiceField[Any] = forms.ModelChoiceField(
        label=_("Kind of decision"), queryset=None
    )
    toelichting = forms.CharField(
        label=_("Explanation for the resident"), widget=forms.Textarea(attrs={"rows": 3})
    )


def casework_forms(
    zaak: Zaak, vragen: list[Klantcontact], data: Any = None, files: Any = None, bound: str = ""
) -> dict[str, Any]:
    """The case-handling forms; only the one named ``bound`` gets the posted data."""

    def pick(name: str) -> Any:
        return data if bound == name else None

    document = DocumentForm(pick("document"), files if bound == "document" else None, prefix="doc")
    document.fields["informatieobjecttype"].queryset = informatieobjecttypen(zaak)  # type: ignore[attr-defined]
    besluit = BesluitForm(pick("besluit"), prefix="besluit")
    besluit.fields["besluittype"].queryset = besluittypen(zaak)  # type: ignore[attr-defined]
    return {
        "taak_form": TaakForm(pick("taak"), prefix="taak"),
        "bericht_form": BerichtForm(pick("bericht"), prefix="bericht"),
        "antwoord_form": AntwoordForm(pick("antwoord"), prefix="antwoord", vragen=vragen),
        "document_form": document,
        "besluit_form": besluit,
    }
