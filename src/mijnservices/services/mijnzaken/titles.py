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


def zaak_title_language(zaak: Zaak) -> str:
    """The language :func:`zaak_title` is in: only the zaaktype's English name is English;
    the zaak's own description is case data, in Dutch (issue 21, WCAG 3.1.2)."""
    english = (
        get_language() == "en" and not zaak.omschrijving and zaak.zaaktype.publieke_omschrijving_en
    )
    return "en" if english else "nl"


def zaaktype_title_language(zaaktype: ZaakType) -> str:
    return "en" if get_language() == "en" and zaaktype.publieke_omschrijving_en else "nl"


def zaaktype_titles(identificaties: tuple[str, ...]) -> list[str]:
    """The public names of these zaaktypen (a machtiging's scope), one query, sorted."""
    if not identificaties:
        return []
    zaaktypen = ZaakType.objects.filter(identificatie__in=identificaties).only(
        "identificatie", "omschrijving", "publieke_omschrijving", "publieke_omschrijving_en"
    )
    return sorted({zaaktype_title(zaaktype) for zaaktype in zaaktypen})
