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
    return title_of(zaak.omschrijving, zaak.zaaktype)


def title_of(omschrijving: str, zaaktype: ZaakType) -> str:
    """:func:`zaak_title` from a zaak's description and zaaktype (rows read as values)."""
    return omschrijving or zaaktype_title(zaaktype)


def zaak_title_language(zaak: Zaak) -> str:
    return title_language_of(zaak.omschrijving, zaak.zaaktype)


def title_language_of(omschrijving: str, zaaktype: ZaakType) -> str:
    """The language :func:`zaak_title` is in: only the zaaktype's English name is English;
    the zaak's own description is case data, in Dutch (issue 21, WCAG 3.1.2)."""
    english = get_language() == "en" and not omschrijving and zaaktype.publieke_omschrijving_en
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
