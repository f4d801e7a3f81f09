"""Reads of berichten for a party: only published ones, newest first."""

from __future__ import annotations

from django.db.models import QuerySet
from django.utils import timezone

from mijnservices.registrations.berichten.models import Bericht
from mijnservices.services.access.principals import Party
from mijnservices.services.access.taken import visible_to_party


def berichten_for(party: Party) -> QuerySet[Bericht]:
    return (
        visible_to_party(Bericht.objects.all(), party)
        .filter(publicatiedatum__lte=timezone.now())
        .select_related("taak")
        .prefetch_related("bijlagen")
        .order_by("-publicatiedatum", "-pk")
    )


def unread_count(party: Party) -> int:
    return (
        visible_to_party(Bericht.objects.all(), party)
        .filter(publicatiedatum__lte=timezone.now(), geopend_op__isnull=True)
        .count()
    )
