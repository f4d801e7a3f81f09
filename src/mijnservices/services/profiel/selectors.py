"""Reads of a person's contact preferences."""

from __future__ import annotations

from collections.abc import Collection
from dataclasses import dataclass
from datetime import datetime

from mijnservices.core.identity import Party
from mijnservices.registrations.klantinteracties.selectors import digitale_adressen_for
from mijnservices.services.profiel.models import Verificatie, Voorkeuren


def voorkeuren_for(party: Party) -> Voorkeuren:
    """The stored preferences, or unsaved defaults (e-mail, everything on) when none exist."""
    found = Voorkeuren.objects.filter(
        party_kind=party.kind,
        party_identifier=party.identifier,
        party_vestiging=party.vestiging or "",
    ).first()
    if found is not None:
        return found
    return Voorkeuren(
        party_kind=party.kind,
        party_identifier=party.identifier,
        party_vestiging=party.vestiging or "",
    )


def voorkeuren_for_many(parties: Collection[Party]) -> dict[tuple[str, str, str], Voorkeuren]:
    """``voorkeuren_for`` for many people in one query, by (kind, identifier, vestiging)."""
    keys = {(p.kind, p.identifier, p.vestiging or "") for p in parties}
    found = {
        (v.party_kind, v.party_identifier, v.party_vestiging): v
        for v in Voorkeuren.objects.filter(party_identifier__in={k[1] for k in keys})
    }
    return {
        key: found.get(key)
        or Voorkeuren(party_kind=key[0], party_identifier=key[1], party_vestiging=key[2])
        for key in keys
    }


@dataclass(frozen=True)
class ContactDetail:
    uuid: str
    kanaal: str  # "email" | "sms"
    adres: str
    verified_on: datetime | None
    standard: bool
    # The latest verification's state for an unverified address (sent, failed, expired…).
    pending: str


def contact_details(party: Party) -> list[ContactDetail]:
    """The person's e-mail addresses and phone numbers with their verification state
    (three queries whatever their number)."""
    adressen = [
        a
        for a in digitale_adressen_for(party)
        if a.soort_digitaal_adres in ("email", "telefoonnummer")
    ]
    open_uuids = [a.uuid for a in adressen if a.verificatie_datum is None]
    latest: dict[str, str] = {}
    if open_uuids:
        for verificatie in Verificatie.objects.filter(digitaal_adres_uuid__in=open_uuids).order_by(
            "aangemaakt_op"
        ):
            latest[str(verificatie.digitaal_adres_uuid)] = verificatie.status
    return [
        ContactDetail(
            uuid=str(a.uuid),
            kanaal="email" if a.soort_digitaal_adres == "email" else "sms",
            adres=a.adres,
            verified_on=a.verificatie_datum,
            standard=a.is_standaard_adres,
            pending=latest.get(str(a.uuid), ""),
        )
        for a in adressen
    ]
