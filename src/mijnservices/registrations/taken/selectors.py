"""Reads of taken for a party; the access rules live in ``services.access.taken``."""

from __future__ import annotations

from django.db.models import QuerySet

from mijnservices.registrations.taken.models import ExterneTaak, TaakStatus
from mijnservices.services.access.principals import Party
from mijnservices.services.access.taken import visible_to_party


def taken_for(party: Party, *, open_only: bool = False) -> QuerySet[ExterneTaak]:
    """The party's taken, open ones first and then by deadline (earliest first)."""
    qs = visible_to_party(ExterneTaak.objects.all(), party)
    if open_only:
        qs = qs.filter(status=TaakStatus.OPEN)
    return qs.order_by("status", "einddatum_handelings_termijn", "pk")
