"""Who hears about something, and where: the zaak's initiators and their representatives,
each at the address their preferences and verified contact details give."""

from __future__ import annotations

from dataclasses import dataclass

from django.db.models import F

from mijnservices.core.identity import Party
from mijnservices.registrations.klantinteracties.models import DigitaalAdres
from mijnservices.registrations.klantinteracties.selectors import digitale_adressen_for
from mijnservices.services.access.parties import party_key as _key
from mijnservices.services.notifications.models import Kanaal
from mijnservices.services.profiel.models import Voorkeuren
from mijnservices.services.profiel.selectors import voorkeuren_for_many

_SOORT = {"bsn": "bsn", "kvk": "kvk_nummer"}
_KIND = {soort: kind for kind, soort in _SOORT.items()}


def _verified_many(parties: set[Party]) -> dict[tuple[str, str, str], list[DigitaalAdres]]:
    """Each party's verified digitale adressen: one query for all plain BSN / KvK parties."""
    result: dict[tuple[str, str, str], list[DigitaalAdres]] = {_key(p): [] for p in parties}
    plain = [p for p in parties if not p.vestiging]
    if plain:
        rows = (
            DigitaalAdres.objects.filter(
                partij__identificatoren__code_soort_object_id__in={_SOORT[p.kind] for p in plain},
                partij__identificatoren__object_id__in=[p.identifier for p in plain],
                verificatie_datum__isnull=False,
            )
            .annotate(
                _for_soort=F("partij__identificatoren__code_soort_object_id"),
                _for_id=F("partij__identificatoren__object_id"),
            )
            .order_by("soort_digitaal_adres", "-is_standaard_adres", "pk")
        )
        for adres in rows:
            key = (_KIND.get(adres._for_soort, ""), adres._for_id, "")
            if key in result:
                result[key].append(adres)
    for party in parties:
        if party.vestiging:
            result[_key(party)] = [a for a in digitale_adressen_for(party) if a.verificatie_datum]
    return result


@dataclass(frozen=True)
class Address:
    kanaal: str
    adres: str


def _kanaal(adres: DigitaalAdres) -> str | None:
    if adres.soort_digitaal_adres == "email":
        return Kanaal.EMAIL
    if adres.soort_digitaal_adres == "telefoonnummer":
        return Kanaal.SMS
    return None


def addresses_for(party: Party, *, referentie: str = "") -> tuple[Voorkeuren, list[Address]]:
    """The person's choices and their verified addresses in the order to try (see
    ``ranked``)."""
    voorkeuren, verified = contact_details_many({party})[_key(party)]
    return voorkeuren, ranked(voorkeuren, verified, referentie=referentie)


ContactDetails = tuple[Voorkeuren, list[DigitaalAdres]]


def contact_details_many(parties: set[Party]) -> dict[tuple[str, str, str], ContactDetails]:
    """Choices and verified addresses of many people in two queries, by (kind, identifier,
    vestiging)."""
    voorkeuren = voorkeuren_for_many(parties)
    verified = _verified_many(parties)
    return {key: (voorkeuren[key], verified[key]) for key in verified}


def details_of(details: dict[tuple[str, str, str], ContactDetails], party: Party) -> ContactDetails:
    return details[_key(party)]


def ranked(
    voorkeuren: Voorkeuren, verified: list[DigitaalAdres], *, referentie: str = ""
) -> list[Address]:
    """Verified addresses in the order to try: an address kept for this zaak (``referentie``)
    first, then the standard address of the preferred channel, the other standard address,
    then any other verified e-mail, then phone."""

    def rank(adres: DigitaalAdres) -> tuple[int, int, int]:
        kanaal = _kanaal(adres)
        for_this = 0 if referentie and adres.referentie == referentie else 1
        standard = 0 if adres.is_standaard_adres else 1
        preferred = 0 if kanaal == voorkeuren.voorkeurskanaal else 1
        if not standard:
            return (for_this, 0, preferred)
        return (for_this, 1, 0 if kanaal == Kanaal.EMAIL else 1)

    ordered: list[Address] = []
    for adres in sorted((a for a in verified if _kanaal(a)), key=rank):
        kanaal = _kanaal(adres)
        if kanaal is not None and not any(a.adres == adres.adres for a in ordered):
            ordered.append(Address(kanaal, adres.adres))
    return ordered
