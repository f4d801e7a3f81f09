"""Who hears about something, and where: the zaak's initiators and their representatives,
each at the address their preferences and verified contact details give."""

from __future__ import annotations

from collections.abc import Collection
from dataclasses import dataclass

from django.db.models import F

from mijnservices.registrations.klantinteracties.models import DigitaalAdres, Partij
from mijnservices.registrations.klantinteracties.selectors import (
    digitale_adressen_for,
    party_of,
    vertegenwoordigers_of,
)
from mijnservices.registrations.zaken.models import Rol, Zaak
from mijnservices.services.access.principals import Party
from mijnservices.services.notifications.models import Kanaal
from mijnservices.services.profiel.models import Voorkeuren
from mijnservices.services.profiel.selectors import voorkeuren_for_many

INITIATOR = "initiator"


def party_of_rol(rol: Rol) -> Party | None:
    if rol.betrokkene_type == "natuurlijk_persoon" and rol.inp_bsn:
        return Party(kind="bsn", identifier=rol.inp_bsn)
    if rol.betrokkene_type in ("niet_natuurlijk_persoon", "vestiging") and rol.kvk_nummer:
        return Party(kind="kvk", identifier=rol.kvk_nummer)
    return None


def zaak_parties(zaak: Zaak) -> list[Party]:
    """The initiators of the zaak and whoever represents them, each once."""
    return zaak_parties_many([zaak.pk])[zaak.pk]


def zaak_parties_many(zaak_ids: Collection[int]) -> dict[int, list[Party]]:
    """``zaak_parties`` for many zaken in two or three queries (the worker plans a batch of
    status changes at once)."""
    initiators: dict[int, list[Party]] = {pk: [] for pk in zaak_ids}
    for rol in Rol.objects.filter(zaak_id__in=list(zaak_ids), omschrijving_generiek=INITIATOR):
        if (party := party_of_rol(rol)) is not None:
            initiators[rol.zaak_id].append(party)
    representatives = _representatives_many({p for ps in initiators.values() for p in ps})
    result: dict[int, list[Party]] = {}
    for pk, parties in initiators.items():
        found: dict[tuple[str, str], Party] = {}
        for party in parties:
            found.setdefault((party.kind, party.identifier), party)
            for representative in representatives.get(_key(party), []):
                found.setdefault((representative.kind, representative.identifier), representative)
        result[pk] = list(found.values())
    return result


_SOORT = {"bsn": "bsn", "kvk": "kvk_nummer"}
_KIND = {soort: kind for kind, soort in _SOORT.items()}


def _key(party: Party) -> tuple[str, str, str]:
    return (party.kind, party.identifier, party.vestiging or "")


def _representatives_many(parties: set[Party]) -> dict[tuple[str, str, str], list[Party]]:
    """Who represents each party: one query (two when there are some) for all plain BSN / KvK
    parties; a vestiging is looked up on its own (rare)."""
    result: dict[tuple[str, str, str], list[Party]] = {}
    plain = [p for p in parties if not p.vestiging]
    if plain:
        representing = (
            Partij.objects.filter(
                vertegenwoordigt__vertegenwoordigde_partij__identificatoren__code_soort_object_id__in=[
                    _SOORT[p.kind] for p in plain
                ],
                vertegenwoordigt__vertegenwoordigde_partij__identificatoren__object_id__in=[
                    p.identifier for p in plain
                ],
            )
            .annotate(
                _for_soort=F(
                    "vertegenwoordigt__vertegenwoordigde_partij__identificatoren__code_soort_object_id"
                ),
                _for_id=F("vertegenwoordigt__vertegenwoordigde_partij__identificatoren__object_id"),
            )
            .prefetch_related("identificatoren")
        )
        for partij in representing:
            represented = (_KIND.get(partij._for_soort, ""), partij._for_id, "")
            if (party := party_of(partij)) is not None:
                result.setdefault(represented, []).append(party)
    for party in parties:
        if party.vestiging:
            result[_key(party)] = vertegenwoordigers_of(party)
    return result


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
