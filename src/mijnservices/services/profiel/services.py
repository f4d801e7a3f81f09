"""Writes of a person's contact preferences."""

from __future__ import annotations

from collections.abc import Iterable

from django.db import transaction

from mijnservices.core.errors import DomainError
from mijnservices.services.access.principals import Party
from mijnservices.services.profiel.models import ACTION_REQUIRED, Kanaal, MeldingSoort, Voorkeuren


@transaction.atomic
def voorkeuren_update(
    *,
    party: Party,
    voorkeurskanaal: str,
    uitgezet: Iterable[str],
    alleen_digitaal: bool,
    taal: str = "nl",
) -> Voorkeuren:
    if voorkeurskanaal not in Kanaal.values:
        raise DomainError("Unknown channel.", code="invalid-channel")
    off = sorted(set(uitgezet))
    unknown = [soort for soort in off if soort not in MeldingSoort.values]
    if unknown:
        raise DomainError("Unknown notification kind.", code="invalid-kind")
    off = [soort for soort in off if soort not in ACTION_REQUIRED]
    voorkeuren, _ = Voorkeuren.objects.update_or_create(
        party_kind=party.kind,
        party_identifier=party.identifier,
        party_vestiging=party.vestiging or "",
        defaults={
            "voorkeurskanaal": voorkeurskanaal,
            "uitgezet": off,
            "alleen_digitaal": alleen_digitaal,
            "taal": taal if taal in ("nl", "en") else "nl",
        },
    )
    return voorkeuren
