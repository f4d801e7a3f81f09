"""What the resident sees of their own contacts with the municipality, for the klantbeeld:
tasks, messages (with read state), notifications sent and their delivery result, signals
that contact details need checking, and contact preferences.

Each comes from the selector of the registration or service that owns it, for the party;
the number of queries does not depend on the number of rows (each list is capped).
"""

from __future__ import annotations

from collections.abc import Iterable
from dataclasses import dataclass
from datetime import date, datetime
from typing import Any

from django.utils import timezone

from mijnservices.core.identity import Party
from mijnservices.integration.brp.client import BrpUnavailable, Persoon, brp_source
from mijnservices.registrations.berichten.selectors import berichten_for
from mijnservices.registrations.catalogi.models import ZaakType
from mijnservices.registrations.klantinteracties.models import DigitaalAdres
from mijnservices.registrations.klantinteracties.selectors import digitale_adressen_for
from mijnservices.registrations.taken.selectors import taken_for
from mijnservices.registrations.zaken.models import Zaak
from mijnservices.services.access.klantinteracties import open_questions_for
from mijnservices.services.mijnoverzicht.contactmomenten import working_days_after
from mijnservices.services.notifications.selectors import notifications_for, signals_for
from mijnservices.services.profiel.selectors import voorkeuren_for

LIMIT = 20


@dataclass(frozen=True)
class PartyOverview:
    taken: list[Any]
    berichten: list[Any]
    notifications: list[Any]
    signals: list[Any]
    voorkeuren: Any


@dataclass(frozen=True)
class OpenQuestion:
    zaaknummer: str
    asked_on: datetime
    answer_by: date  # what the portal promised the resident (working days per zaaktype)
    text: str


@dataclass(frozen=True)
class PartyHeader:
    """The top of the klantbeeld (issue 21): who this is and how to reach them."""

    person: Persoon | None
    brp_unavailable: bool
    contact_details: list[DigitaalAdres]  # verified ones only: the ones we may use
    open_questions: list[OpenQuestion]


def _person(party: Party) -> tuple[Persoon | None, bool]:
    source = brp_source() if party.kind == "bsn" else None
    if source is None:
        return None, False
    try:
        return source.persoon(party.identifier), False
    except BrpUnavailable:
        return None, True


def _open_questions(party: Party, zaken: Iterable[Zaak]) -> list[OpenQuestion]:
    """The party's unanswered questions on the listed zaken, with the promised answer date."""
    by_uuid = {str(zaak.uuid): zaak for zaak in zaken}
    termijn = dict(
        ZaakType.objects.filter(pk__in={z.zaaktype_id for z in by_uuid.values()}).values_list(
            "pk", "vraag_antwoordtermijn_werkdagen"
        )
    )
    found: list[OpenQuestion] = []
    for vraag in open_questions_for(party):
        for onderwerp in vraag.onderwerpobjecten.all():
            zaak = by_uuid.get(onderwerp.object_id.rstrip("/").rsplit("/", 1)[-1])
            if zaak is None:
                continue
            asked = vraag.plaatsgevonden_op
            found.append(
                OpenQuestion(
                    zaaknummer=zaak.identificatie,
                    asked_on=asked,
                    answer_by=working_days_after(
                        timezone.localdate(asked), termijn.get(zaak.zaaktype_id) or 0
                    ),
                    text=vraag.inhoud,
                )
            )
            break
    return sorted(found, key=lambda q: q.answer_by)


def party_name(party: Party) -> str:
    """The person's name from the BRP, or "" (a business, no BRP, BRP unavailable)."""
    person, _unavailable = _person(party)
    return person.volledige_naam if person else ""


def party_header(party: Party, zaken: Iterable[Zaak]) -> PartyHeader:
    person, unavailable = _person(party)
    return PartyHeader(
        person=person,
        brp_unavailable=unavailable,
        contact_details=[a for a in digitale_adressen_for(party) if a.verificatie_datum],
        open_questions=_open_questions(party, zaken),
    )


def party_overview(party: Party) -> PartyOverview:
    return PartyOverview(
        taken=list(taken_for(party)[:LIMIT]),
        berichten=list(berichten_for(party)[:LIMIT]),
        notifications=list(notifications_for(party)[:LIMIT]),
        signals=signals_for(party),
        voorkeuren=voorkeuren_for(party),
    )
