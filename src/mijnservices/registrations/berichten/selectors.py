"""Reads of berichten for a party: only published ones, newest first."""

from __future__ import annotations

from datetime import datetime

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


def unread(party: Party, now: datetime) -> QuerySet[Bericht]:
    """The party's published berichten not opened yet."""
    return addressed_to(Bericht.objects.all(), party).filter(
        publicatiedatum__lte=now, geopend_op__isnull=True
    )


def unread_count(party: Party) -> int:
    return unread(party, timezone.now()).count()
