"""What the portal shows for a zaak, in the citizen's words and language."""

from __future__ import annotations

from dataclasses import dataclass
from datetime import date

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


def status_text(zaak: Zaak) -> str:
    return zaak.status.statustype.omschrijving if zaak.status else ""


@dataclass(frozen=True)
class ZaakRow:
    """One line of the MijnZaken overview."""

    uuid: str
    zaaknummer: str
    title: str
    kind: str
    registered_on: date
    status: str
    closed: bool
    # Open: planned end date, else the legal deadline. Closed: the date it was closed.
    end_date: date | None
    end_is_deadline: bool


def zaak_row(zaak: Zaak) -> ZaakRow:
    end_date: date | None
    if zaak.einddatum:
        end_date, is_deadline = zaak.einddatum, False
    elif zaak.einddatum_gepland:
        end_date, is_deadline = zaak.einddatum_gepland, False
    else:
        end_date, is_deadline = zaak.uiterlijke_einddatum_afdoening, True
    title = zaak_title(zaak)
    kind = zaaktype_title(zaak.zaaktype)
    return ZaakRow(
        uuid=str(zaak.uuid),
        zaaknummer=zaak.identificatie,
        title=title,
        kind=kind if kind != title else "",
        registered_on=zaak.registratiedatum,
        status=status_text(zaak),
        closed=zaak.is_closed,
        end_date=end_date,
        end_is_deadline=is_deadline,
    )
