"""Reads for the portal timeline, the KCC klantbeeld and the admin."""

from __future__ import annotations

from django.db.models import QuerySet

from mijnservices.core.identity import Party
from mijnservices.services.notifications.models import ContactSignal, Notification


def notifications_for(party: Party) -> QuerySet[Notification]:
    """The notifications sent (or being sent) to the party, newest first."""
    return Notification.objects.filter(
        party_kind=party.kind, party_identifier=party.identifier
    ).order_by("-created_at", "-pk")


def signals_for(party: Party) -> list[ContactSignal]:
    """Unresolved "contact details need checking" signals for the KCC."""
    return list(
        ContactSignal.objects.filter(
            party_kind=party.kind, party_identifier=party.identifier, resolved_at__isnull=True
        ).order_by("-created_at")
    )
