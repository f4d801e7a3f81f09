"""What the pages show for a zaak or a party, in the reader's words and language (used by the
citizen portal and the employee pages alike)."""

from __future__ import annotations

from collections.abc import Iterable, Mapping
from dataclasses import dataclass
from datetime import date
from typing import Any
from uuid import UUID

from django.urls import reverse
from django.utils.dates import MONTHS
from django.utils.translation import get_language, gettext

from mijnservices.core.identity import Citizen, Party
from mijnservices.core.process_cache import ProcessCacheMap
from mijnservices.registrations.catalogi.models import ZaakType
from mijnservices.registrations.zaken.models import Zaak
from mijnservices.services.mijnzaken.titles import (
    title_language_of,
    title_of,
    zaak_title,
    zaak_title_language,
    zaaktype_title,
)
from mijnservices.services.presentation.levels import level_label, required_rank
from mijnservices.services.presentation.selectors import (
    PRESENTATION,
    citizen_rank,
    presentation_apply,
    required_level,
)


def mandate_label(kind: str) -> str:
    """The kind of machtiging in the reader's words; unknown kinds as the broker names them."""
    labels = {
        "familie": gettext("family member"),
        "bewindvoering": gettext("bewindvoerder (financial administrator)"),
        "curatele": gettext("curator"),
        "mentorschap": gettext("mentor"),
        "medewerker": gettext("employee"),
    }
    return labels.get(kind.lower(), kind)


def party_label(party: Party) -> str:
    """Whom someone acts for: the name, else a masked number (the last 3 digits)."""
    if party.name:
        return party.name
    if party.kind == "kvk":
        return gettext("the business with KvK number ending in %(digits)s") % {
            "digits": party.identifier[-3:]
        }
    return gettext("the person with BSN ending in %(digits)s") % {"digits": party.identifier[-3:]}


def status_text(zaak: Zaak) -> str:
    return zaak.status.statustype.omschrijving if zaak.status else ""


@dataclass(frozen=True)
class DateText:
    """A date as the page shows it: ``iso`` for ``<time datetime>``, ``text`` to read."""

    iso: str
    text: str


_MONTHS: dict[str, list[str]] = {}


class DateFormatter:
    """ "12 april 2025" in the active language, without the template filter's per-call
    format lookups: the overview formats up to 100 dates per page (profiled: a third of
    the page's time went to ``|date`` and ``{% translate %}`` in the row loop)."""

    def __init__(self) -> None:
        language = get_language()
        months = _MONTHS.get(language)
        if months is None:  # translations do not change while a process runs
            months = [str(MONTHS[number]) for number in range(1, 13)]
            if language != "en":  # Dutch month names are written in lower case
                months = [month.lower() for month in months]
            months = _MONTHS[language] = months
        self.months = months

    def __call__(self, value: date | None) -> DateText | None:
        if value is None:
            return None
        return DateText(
            value.isoformat(), f"{value.day} {self.months[value.month - 1]} {value.year}"
        )


@dataclass(frozen=True)
class ZaakRow:
    """One line of the MijnZaken overview."""

    uuid: str
    url: str
    zaaknummer: str
    title: str
    kind: str
    registered: DateText
    status: str
    closed: bool
    # Open: planned end date, else the legal deadline. Closed: the date it was closed.
    end: DateText | None
    end_is_deadline: bool
    title_language: str = "nl"  # the title is case data in Dutch unless it is an English name
    # The login level the zaak needs when this login's is too low (its label, e.g. "DigiD
    # Substantieel"): the row then shows that instead of the status and the dates ahead.
    needs_level: str = ""


_PLACEHOLDER = UUID(int=0)


def _detail_url_pattern() -> str:
    """The detail URL with ``{}`` for the uuid: one ``reverse`` per page, not per row."""
    return reverse("portal:zaak_detail", args=[_PLACEHOLDER]).replace(str(_PLACEHOLDER), "{}")


def _end(
    einddatum: date | None, gepland: date | None, uiterlijk: date | None
) -> tuple[date | None, bool]:
    """The date a row ends with and whether it is the legal deadline: closed, the date it
    closed; open, the planned end date, else the legal deadline."""
    if einddatum:
        return einddatum, False
    if gepland:
        return gepland, False
    return uiterlijk, True


def zaak_row(
    zaak: Zaak, formatter: DateFormatter | None = None, url_pattern: str | None = None
) -> ZaakRow:
    formatter = formatter or DateFormatter()
    url_pattern = url_pattern or _detail_url_pattern()
    end_date, is_deadline = _end(
        zaak.einddatum, zaak.einddatum_gepland, zaak.uiterlijke_einddatum_afdoening
    )
    title = zaak_title(zaak)
    kind = zaaktype_title(zaak.zaaktype)
    registered = formatter(zaak.registratiedatum)
    assert registered is not None
    return ZaakRow(
        uuid=str(zaak.uuid),
        url=url_pattern.format(zaak.uuid),
        zaaknummer=zaak.identificatie,
        title=title,
        kind=kind if kind != title else "",
        registered=registered,
        status=status_text(zaak),
        closed=zaak.is_closed,
        end=formatter(end_date),
        end_is_deadline=is_deadline,
        title_language=zaak_title_language(zaak),
    )


def _load_names(key: tuple[str, ...]) -> tuple[str, str, str]:
    """The zaaktype's public name, its language and the login level its presentation asks,
    from an unsaved zaaktype with the names a row shows and its presentation applied
    (``key``: the language, then those names; loaded while that language is active)."""
    _language, identificatie, omschrijving, publieke, publieke_en = key
    zaaktype = ZaakType(
        identificatie=identificatie,
        omschrijving=omschrijving,
        publieke_omschrijving=publieke,
        publieke_omschrijving_en=publieke_en,
    )
    presentation_apply([zaaktype], steps=False)
    # title_of / title_language_of for a zaak without its own description.
    return title_of("", zaaktype), title_language_of("", zaaktype), required_level(zaaktype)


# Per process until a presentation changes (decision 0046; was once per zaaktype and page).
_NAMES = ProcessCacheMap(PRESENTATION, _load_names)


def _names(
    values: Mapping[str, Any], found: dict[tuple[str, ...], tuple[str, str, str]], language: str
) -> tuple[str, str, str]:
    """:func:`_load_names` for a row: once per distinct zaaktype on the page."""
    key = (
        values["zaaktype__identificatie"],
        values["zaaktype__omschrijving"],
        values["zaaktype__publieke_omschrijving"],
        values["zaaktype__publieke_omschrijving_en"],
    )
    names = found.get(key)
    if names is None:
        names = found[key] = _NAMES.get((language, *key))
    return names


def zaak_rows_from_values(
    rows: Iterable[Mapping[str, Any]], *, citizen: Citizen | None = None
) -> list[ZaakRow]:
    """Overview rows from values (``selectors.OVERVIEW_VALUES``): the texts :func:`zaak_row`
    writes for a loaded zaak, without a model instance per zaak, zaaktype, status and
    statustype (decision 0040). For ``citizen``, a zaak whose zaaktype asks a higher login
    level shows no more than its zaak page would: title, number, date of application, and the
    level needed (decision 0036)."""
    formatter, url_pattern = DateFormatter(), _detail_url_pattern()
    zaaktypen: dict[tuple[str, ...], tuple[str, str, str]] = {}
    language = get_language()
    result: list[ZaakRow] = []
    rank = citizen_rank(citizen) if citizen is not None else None
    for values in rows:
        kind, kind_language, level = _names(values, zaaktypen, language)
        locked = rank is not None and rank < required_rank(level)
        end_date, is_deadline = _end(
            values["einddatum"],
            values["einddatum_gepland"],
            values["uiterlijke_einddatum_afdoening"],
        )
        # title_of: the zaak's own description, else the zaaktype's public name.
        title = values["omschrijving"] or kind
        registered = formatter(values["registratiedatum"])
        assert registered is not None
        result.append(
            ZaakRow(
                uuid=str(values["uuid"]),
                url=url_pattern.format(values["uuid"]),
                zaaknummer=values["identificatie"],
                title=title,
                kind=kind if kind != title else "",
                registered=registered,
                status="" if locked else values["status__statustype__omschrijving"] or "",
                closed=values["einddatum"] is not None,
                end=None if locked else formatter(end_date),
                end_is_deadline=is_deadline,
                title_language="nl" if values["omschrijving"] else kind_language,
                needs_level=level_label(level) if locked else "",
            )
        )
    return result
