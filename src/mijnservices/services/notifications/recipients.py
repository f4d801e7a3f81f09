"""Who hears about something, and where: the zaak's initiators and their representatives,
each at the address their preferences and verified contact details give."""

from __future__ import annotations

from dataclasses import dataclass

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
from mijnservices.services.profiel.selectors import voorkeuren_for

INITIATOR = "initiator"


def party_of_rol(rol: Rol) -> Party | None:
    if rol.betrokkene_type == "natuurlijk_persoon" and rol.inp_bsn:
        return Party(kind="bsn", identifier=rol.inp_bsn)
    if rol.betrokkene_type in ("niet_natuurlijk_persoon", "vestiging") and rol.kvk_nummer:
        return Party(kind="kvk", identifier=rol.kvk_nummer)
    return None


def zaak_parties(zaak: Zaak) -> list[Party]:
    """The initiators of the zaak and whoever represents them, each once."""
    found: dict[tuple[str, str], Party] = {}
    for rol in Rol.objects.filter(zaak=zaak, omschrijving_generiek=INITIATOR):
        party = party_of_rol(rol)
        if party is None:
            continue
        found.setdefault((party.kind, party.identifier), party)
        for representative in _representatives(party):
            found.setdefault((representative.kind, representative.identifier), representative)
    return list(found.values())


_SOORT = {"bsn": "bsn", "kvk": "kvk_nummer"}


def _representatives(party: Party) -> list[Party]:
    """``vertegenwoordigers_of`` in one query (two when there are some): this runs for every
    status change."""
    if party.vestiging:
        return vertegenwoordigers_of(party)
    representing = Partij.objects.filter(
        vertegenwoordigt__vertegenwoordigde_partij__identificatoren__code_soort_object_id=_SOORT[
            party.kind
        ],
        vertegenwoordigt__vertegenwoordigde_partij__identificatoren__object_id=party.identifier,
    ).prefetch_related("identificatoren")
    return [p for p in (party_of(r) for r in representing) if p is not None]


def _verified_addresses(party: Party) -> list[DigitaalAdres]:
    """The party's verified digitale adressen in one query."""
    if party.vestiging:
        return [a for a in digitale_adressen_for(party) if a.verificatie_datum]
    return list(
        DigitaalAdres.objects.filter(
            partij__identificatoren__code_soort_object_id=_SOORT[party.kind],
            partij__identificatoren__object_id=party.identifier,
            verificatie_datum__isnull=False,
        ).order_by("soort_digitaal_adres", "-is_standaard_adres", "pk")
    )


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
    """The person's choices and their verified addresses in the order to try: an address
    kept for this zaak (``referentie``) first, then the standard address of the preferred
    channel, the other standard address, then any other verified e-mail, then phone."""
    voorkeuren = voorkeuren_for(party)
    verified = [a for a in _verified_addresses(party) if _kanaal(a)]

    def rank(adres: DigitaalAdres) -> tuple[int, int, int]:
        kanaal = _kanaal(adres)
        for_this = 0 if referentie and adres.referentie == referentie else 1
        standard = 0 if adres.is_standaard_adres else 1
        preferred = 0 if kanaal == voorkeuren.voorkeurskanaal else 1
        if not standard:
            return (for_this, 0, preferred)
        return (for_this, 1, 0 if kanaal == Kanaal.EMAIL else 1)

    ordered: list[Address] = []
    for adres in sorted(verified, key=rank):
        kanaal = _kanaal(adres)
        if kanaal is not None and not any(a.adres == adres.adres for a in ordered):
            ordered.append(Address(kanaal, adres.adres))
    return voorkeuren, ordered
