"""Reads of berichten for a party: only published ones, newest first."""

from __future__ import annotations

from django.db.models import QuerySet
from django.utils import timezone

from mijnservices.core.identity import Party, addressed_to
from mijnservices.registrations.berichten.models import Bericht


def berichten_for(party: Party) -> QuerySet[Bericht]:
    return (
        addressed_to(Bericht.objects.all(), party)
        .filter(publicatiedatum__lte=timezone.now())
        .select_related("taak")
        .prefetch_related("bijlagen")
        .order_by("-publicatiedatum", "-pk")
    )


def unopened(party: Party) -> QuerySet[Bericht]:
    """The party's berichten not opened yet (published or not)."""
    return addressed_to(Bericht.objects.all(), party).filter(geopend_op__isnull=True)


def unread_count(party: Party) -> int:
    return unopened(party).filter(publicatiedatum__lte=timezone.now()).count()
