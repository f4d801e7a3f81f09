"""Reads for MijnZaken. Every queryset starts from the access policy."""

from __future__ import annotations

from uuid import UUID

from django.db.models import Prefetch, QuerySet
from django.http import Http404

from mijnservices.registrations.catalogi.models import StatusType
from mijnservices.registrations.zaken.models import Status, SubStatus, Zaak
from mijnservices.services.access.policy import zaken_scope
from mijnservices.services.access.principals import Citizen


def zaken_for_overview(principal: Citizen) -> QuerySet[Zaak]:
    """The principal's zaken, newest activity first, with what a list row shows."""
    return (
        zaken_scope(principal)
        .select_related("zaaktype", "status__statustype")
        .order_by("-laatste_activiteit", "-pk")
    )


def zaak_for_detail(principal: Citizen, zaak_uuid: UUID) -> Zaak:
    """One zaak with its steps, statuses and citizen-visible sub-statuses, or 404."""
    queryset = (
        zaken_scope(principal)
        .select_related("zaaktype", "status__statustype", "resultaat__resultaattype")
        .prefetch_related(
            Prefetch("zaaktype__statustypen", queryset=StatusType.objects.order_by("volgnummer")),
            Prefetch(
                "statussen",
                queryset=Status.objects.select_related("statustype").order_by("datum_status_gezet"),
            ),
            Prefetch(
                "substatussen",
                queryset=SubStatus.objects.filter(doelgroep="betrokkenen").order_by("tijdstip"),
            ),
        )
    )
    try:
        return queryset.get(uuid=zaak_uuid)
    except Zaak.DoesNotExist as exc:
        # Same answer for "does not exist" and "not yours": nothing leaks.
        raise Http404 from exc
