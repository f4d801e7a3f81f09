"""Whose zaak is this: the parties of a zaak, decided once (decision 0024).

A zaak belongs to the people and businesses that hold one of its *party roles*: initiator or
mede-initiator (ZGW ``omschrijvingGeneriek``). A person is matched by BSN on a rol of a
natuurlijk persoon; a business by KvK-nummer on a rol of a niet-natuurlijk persoon or a
vestiging. A business logged in for one vestiging holds the zaken of that vestiging and the
business-wide ones (no vestigingsnummer); logged in for the whole business, all of them.

The access policy (which zaken a citizen sees), the Notificatieservice (who hears about a zaak),
the KCC (whose klantbeeld a zaak opens, whose zaken a klantbeeld lists) and the external sources
all use these functions, so they cannot disagree. Representatives (vertegenwoordigers) are added
on top by ``services.access.parties``: they are recorded in Klantinteracties, not on the rol.
"""

from __future__ import annotations

from collections.abc import Collection
from typing import Any

from django.db.models import Q, QuerySet

from mijnservices.core.identity import Party
from mijnservices.registrations.catalogi.models import RolOmschrijving
from mijnservices.registrations.zaken.models import BetrokkeneType, Rol, Zaak

PARTY_ROLES = (RolOmschrijving.INITIATOR, RolOmschrijving.MEDE_INITIATOR)
BUSINESS_TYPES = (BetrokkeneType.NIET_NATUURLIJK_PERSOON, BetrokkeneType.VESTIGING)
_PARTY_FIELDS = ("zaak_id", "betrokkene_type", "inp_bsn", "kvk_nummer", "vestigingsnummer")


def rollen_of_party(party: Party) -> Q:
    """``Q`` over rollen: the party roles that make a zaak ``party``'s."""
    if party.kind == "bsn":
        match = Q(inp_bsn=party.identifier, betrokkene_type=BetrokkeneType.NATUURLIJK_PERSOON)
    else:
        match = Q(kvk_nummer=party.identifier, betrokkene_type__in=BUSINESS_TYPES)
        if party.vestiging:
            match &= Q(vestigingsnummer__in=[party.vestiging, ""])
    return match & Q(omschrijving_generiek__in=PARTY_ROLES)


def zaak_ids_of(party: Party) -> QuerySet[Rol, Any]:
    """The ids of ``party``'s zaken, as a subquery (``pk__in=``): the planner starts from the
    rol index (a handful of rows) instead of checking every zaak."""
    return Rol.objects.filter(rollen_of_party(party)).values("zaak_id")


def party_of_rol(rol: Rol) -> Party | None:
    """The party a rol names, or None when it is not a party role with an identifier."""
    if rol.omschrijving_generiek not in PARTY_ROLES:
        return None
    if rol.betrokkene_type == BetrokkeneType.NATUURLIJK_PERSOON and rol.inp_bsn:
        return Party(kind="bsn", identifier=rol.inp_bsn)
    if rol.betrokkene_type in BUSINESS_TYPES and rol.kvk_nummer:
        return Party(kind="kvk", identifier=rol.kvk_nummer, vestiging=rol.vestigingsnummer)
    return None


def parties_of_zaken(zaak_ids: Collection[int]) -> dict[int, list[Party]]:
    """The parties of each zaak (initiators first, each once), in one query."""
    found: dict[int, dict[Party, None]] = {pk: {} for pk in zaak_ids}
    rollen = (
        Rol.objects.filter(zaak_id__in=list(zaak_ids), omschrijving_generiek__in=PARTY_ROLES)
        .only("omschrijving_generiek", *_PARTY_FIELDS)
        .order_by("zaak_id", "-omschrijving_generiek", "pk")  # initiator before mede_initiator
    )
    for rol in rollen:
        if (party := party_of_rol(rol)) is not None:
            found[rol.zaak_id].setdefault(party)
    return {pk: list(parties) for pk, parties in found.items()}


def parties_of_zaak(zaak: Zaak) -> list[Party]:
    return parties_of_zaken([zaak.pk])[zaak.pk]


def party_of_zaaknummer(identificatie: str) -> Party | None:
    """The first party of the zaak with this zaaknummer (the KCC opens their klantbeeld)."""
    zaak_id = Zaak.objects.filter(identificatie=identificatie).values_list("pk", flat=True).first()
    if zaak_id is None:
        return None
    parties = parties_of_zaken([zaak_id])[zaak_id]
    return parties[0] if parties else None
