"""Reads of taken for a party; the access rules live in ``core.identity``."""

from __future__ import annotations

from django.db.models import QuerySet

from mijnservices.core.identity import Party, addressed_to
from mijnservices.registrations.taken.models import ExterneTaak, TaakStatus


def taken_for(party: Party, *, open_only: bool = False) -> QuerySet[ExterneTaak]:
    """The party's taken, open ones first and then by deadline (earliest first)."""
    qs = addressed_to(ExterneTaak.objects.all(), party)
    if open_only:
        qs = qs.filter(status=TaakStatus.OPEN)
    return qs.order_by("status", "einddatum_handelings_termijn", "pk")
