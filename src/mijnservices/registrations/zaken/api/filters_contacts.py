"""Query filters of klantcontacten, zaakcontactmomenten, zaakverzoeken and zaaknotities,
named as the Zaken API 1.7 spec names them."""

from __future__ import annotations

from django_filters import rest_framework as filters

from mijnservices.api.filters import IsoDateTimeFilter
from mijnservices.registrations.zaken.api.filters import _by_url
from mijnservices.registrations.zaken.models import (
    KlantContact,
    NotitieStatus,
    NotitieType,
    ZaakContactMoment,
    ZaakNotitie,
    ZaakVerzoek,
)

BY_ZAAK = _by_url("zaken:zaak-detail", "zaak__uuid")


class KlantContactFilter(filters.FilterSet):
    zaak = filters.CharFilter(method="filter_zaak")
    filter_zaak = BY_ZAAK

    class Meta:
        model = KlantContact
        fields: list[str] = []


class ZaakContactMomentFilter(filters.FilterSet):
    zaak = filters.CharFilter(method="filter_zaak")
    contactmoment = filters.CharFilter()
    filter_zaak = BY_ZAAK

    class Meta:
        model = ZaakContactMoment
        fields: list[str] = []


class ZaakVerzoekFilter(filters.FilterSet):
    zaak = filters.CharFilter(method="filter_zaak")
    verzoek = filters.CharFilter()
    filter_zaak = BY_ZAAK

    class Meta:
        model = ZaakVerzoek
        fields: list[str] = []


def _at(field: str, lookup: str = "exact") -> IsoDateTimeFilter:
    return IsoDateTimeFilter(field_name=field, lookup_expr=lookup)


class ZaakNotitieFilter(filters.FilterSet):
    gerelateerdAan = filters.CharFilter(method="filter_zaak")
    aangemaaktDoor = filters.CharFilter(field_name="aangemaakt_door")
    aangemaaktDoor__icontains = filters.CharFilter(
        field_name="aangemaakt_door", lookup_expr="icontains"
    )
    notitieType = filters.ChoiceFilter(field_name="notitie_type", choices=NotitieType.choices)
    onderwerp = filters.CharFilter()
    onderwerp__icontains = filters.CharFilter(field_name="onderwerp", lookup_expr="icontains")
    status = filters.ChoiceFilter(choices=NotitieStatus.choices)
    tekst = filters.CharFilter()
    tekst__icontains = filters.CharFilter(field_name="tekst", lookup_expr="icontains")
    aanmaakdatum = _at("aanmaakdatum")
    aanmaakdatum__gt = _at("aanmaakdatum", "gt")
    aanmaakdatum__gte = _at("aanmaakdatum", "gte")
    aanmaakdatum__lt = _at("aanmaakdatum", "lt")
    aanmaakdatum__lte = _at("aanmaakdatum", "lte")
    wijzigingsdatum = _at("wijzigingsdatum")
    wijzigingsdatum__gt = _at("wijzigingsdatum", "gt")
    wijzigingsdatum__gte = _at("wijzigingsdatum", "gte")
    wijzigingsdatum__lt = _at("wijzigingsdatum", "lt")
    wijzigingsdatum__lte = _at("wijzigingsdatum", "lte")
    filter_zaak = BY_ZAAK

    class Meta:
        model = ZaakNotitie
        fields: list[str] = []
