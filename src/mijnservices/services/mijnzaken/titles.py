"""Which name a zaak goes by for the people it concerns: the zaaktype's public (B1) name, in
English when asked and available. Services use it for the rows they build; pages show it."""

from __future__ import annotations

from django.utils.translation import get_language

from mijnservices.registrations.catalogi.models import ZaakType
from mijnservices.registrations.zaken.models import Zaak


def zaaktype_title(zaaktype: ZaakType) -> str:
    """The public (B1) name of the kind of zaak, in English when asked and available."""
    if get_language() == "en" and zaaktype.publieke_omschrijving_en:
        return zaaktype.publieke_omschrijving_en
    return zaaktype.publieke_omschrijving or zaaktype.omschrijving


def zaak_title(zaak: Zaak) -> str:
    return zaak.omschrijving or zaaktype_title(zaak.zaaktype)
