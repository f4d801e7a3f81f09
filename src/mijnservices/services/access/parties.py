"""Whose zaak is this, with representatives: the parties of a zaak (initiators and
mede-initiators, ``registrations.zaken.parties``) and whoever represents them in
Klantinteracties (vertegenwoordigingen). The Notificatieservice tells all of them; the KCC shows
them (decision 0024)."""

from __future__ import annotations

from collections.abc import Collection

from django.db.models import F

from mijnservices.core.identity import Party
from mijnservices.registrations.klantinteracties.models import Partij
from mijnservices.registrations.klantinteracties.selectors import party_of, vertegenwoordigers_of
from mijnservices.registrations.zaken.models import Zaak
from mijnservices.registrations.zaken.parties import parties_of_zaken

PartyKey = tuple[str, str, str]
_SOORT = {"bsn": "bsn", "kvk": "kvk_nummer"}
_KIND = {soort: kind for kind, soort in _SOORT.items()}


def party_key(party: Party) -> PartyKey:
    """A party without its display name: the same person or business gives the same key."""
    return (party.kind, party.identifier, party.vestiging or "")


def zaak_parties(zaak: Zaak) -> list[Party]:
    """The zaak's parties and whoever represents them, each once."""
    return zaak_parties_many([zaak.pk])[zaak.pk]


def party_and_representatives(party: Party) -> list[Party]:
    """The party and whoever represents them (a bewindvoerder, a gemachtigde): tasks and
    messages for the person reach their representatives too, at their own verified address
    (issue 21). The Klantinteracties vertegenwoordiging has no zaaktype scope; a narrower
    machtiging is the broker's, known at login only."""
    found = {party_key(party): party}
    for representative in _representatives_many({party}).get(party_key(party), []):
        found.setdefault(party_key(representative), representative)
    return list(found.values())


def zaak_parties_many(zaak_ids: Collection[int]) -> dict[int, list[Party]]:
    """``zaak_parties`` for many zaken in two or three queries (the worker plans a batch of
    status changes at once)."""
    parties = parties_of_zaken(zaak_ids)
    representatives = _representatives_many({p for ps in parties.values() for p in ps})
    result: dict[int, list[Party]] = {}
    for pk, own in parties.items():
        found: dict[PartyKey, Party] = {}
        for party in own:
            found.setdefault(party_key(party), party)
            for representative in representatives.get(party_key(party), []):
                found.setdefault(party_key(representative), representative)
        result[pk] = list(found.values())
    return result


def _representatives_many(parties: set[Party]) -> dict[PartyKey, list[Party]]:
    """Who represents each party: one query (two when there are some) for all plain BSN / KvK
    parties; a vestiging is looked up on its own (rare)."""
    result: dict[PartyKey, list[Party]] = {}
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
            result[party_key(party)] = vertegenwoordigers_of(party)
    return result
