"""Query parameters of the Catalogi API 1.3.3 lists, named as the standard names them."""

from __future__ import annotations

from datetime import date
from typing import Any
from urllib.parse import urlparse
from uuid import UUID

from django.db.models import Q, QuerySet
from django.urls import Resolver404, resolve
from django_filters import rest_framework as filters
from rest_framework.exceptions import ValidationError

from mijnservices.registrations.catalogi.models import (
    BesluitType,
    Catalogus,
    Eigenschap,
    InformatieObjectType,
    ResultaatType,
    Richting,
    RolOmschrijving,
    RolType,
    StatusType,
    ZaakObjectType,
    ZaakType,
    ZaakTypeInformatieObjectType,
)

STATUS_CHOICES = [("alles", "alles"), ("concept", "concept"), ("definitief", "definitief")]


def uuid_from_url(value: str, view_name: str, field: str) -> UUID:
    """The uuid of one of our own resources, from its URL (400 if it is not one)."""
    try:
        match = resolve(urlparse(value).path)
    except Resolver404:
        match = None
    if match is None or match.view_name != f"catalogi:{view_name}-detail":
        raise ValidationError({field: ["Give a valid URL of this API."]}, code="invalid")
    return UUID(str(match.kwargs["uuid"]))


class CatalogiFilterSet(filters.FilterSet):
    """``status`` (default ``definitief``) and ``datumGeldigheid`` on a concept field."""

    concept_field = "concept"
    geldigheid_prefix = ""

    status = filters.ChoiceFilter(choices=STATUS_CHOICES, method="filter_status")
    datumGeldigheid = filters.DateFilter(method="filter_geldigheid")

    def filter_queryset(self, queryset: QuerySet[Any]) -> QuerySet[Any]:
        queryset = super().filter_queryset(queryset)
        if not self.form.cleaned_data.get("status"):
            queryset = queryset.filter(**{self.concept_field: False})
        return queryset

    def filter_status(self, queryset: QuerySet[Any], name: str, value: str) -> QuerySet[Any]:
        if value == "alles":
            return queryset
        return queryset.filter(**{self.concept_field: value == "concept"})

    def filter_geldigheid(self, queryset: QuerySet[Any], name: str, value: date) -> QuerySet[Any]:
        prefix = self.geldigheid_prefix
        return queryset.filter(
            Q(**{f"{prefix}begin_geldigheid__lte": value})
            & (
                Q(**{f"{prefix}einde_geldigheid__gte": value})
                | Q(**{f"{prefix}einde_geldigheid__isnull": True})
            )
        )


def _by_url(view_name: str, lookup: str) -> Any:
    def method(self: Any, queryset: QuerySet[Any], name: str, value: str) -> QuerySet[Any]:
        return queryset.filter(**{lookup: uuid_from_url(value, view_name, name)})

    return method


class CatalogusFilter(filters.FilterSet):
    domein__in = filters.BaseInFilter(field_name="domein")
    rsin__in = filters.BaseInFilter(field_name="rsin")

    class Meta:
        model = Catalogus
        fields = ["domein", "rsin"]


class ZaakTypeFilter(CatalogiFilterSet):
    catalogus = filters.CharFilter(method="filter_catalogus")
    identificatie = filters.CharFilter()
    trefwoorden = filters.CharFilter(method="filter_trefwoorden")

    filter_catalogus = _by_url("catalogus", "catalogus__uuid")

    class Meta:
        model = ZaakType
        fields: list[str] = []

    def filter_trefwoorden(self, queryset: QuerySet[Any], name: str, value: str) -> QuerySet[Any]:
        # JSON containment is not portable to SQLite; filter ids in Python over one column.
        wanted = {item.strip() for item in value.split(",") if item.strip()}
        ids = [
            pk
            for pk, trefwoorden in queryset.values_list("pk", "trefwoorden")
            if wanted <= set(trefwoorden or [])
        ]
        return queryset.filter(pk__in=ids)


class ZaaktypeBoundFilter(CatalogiFilterSet):
    concept_field = "zaaktype__concept"
    geldigheid_prefix = "zaaktype__"

    zaaktype = filters.CharFilter(method="filter_zaaktype")
    zaaktypeIdentificatie = filters.CharFilter(field_name="zaaktype__identificatie")

    filter_zaaktype = _by_url("zaaktype", "zaaktype__uuid")


class StatusTypeFilter(ZaaktypeBoundFilter):
    class Meta:
        model = StatusType
        fields: list[str] = []


class ResultaatTypeFilter(ZaaktypeBoundFilter):
    # The standard lists both spellings for this resource (1.3.3 quirk).
    zaaktype_identificatie = filters.CharFilter(field_name="zaaktype__identificatie")
    datum_geldigheid = filters.DateFilter(method="filter_geldigheid")

    class Meta:
        model = ResultaatType
        fields: list[str] = []


class RolTypeFilter(ZaaktypeBoundFilter):
    omschrijvingGeneriek = filters.ChoiceFilter(
        field_name="omschrijving_generiek", choices=RolOmschrijving.choices
    )

    class Meta:
        model = RolType
        fields: list[str] = []


class InformatieObjectTypeFilter(CatalogiFilterSet):
    catalogus = filters.CharFilter(method="filter_catalogus")
    omschrijving = filters.CharFilter()

    filter_catalogus = _by_url("catalogus", "catalogus__uuid")

    class Meta:
        model = InformatieObjectType
        fields: list[str] = []


class EigenschapFilter(ZaaktypeBoundFilter):
    class Meta:
        model = Eigenschap
        fields: list[str] = []


class ZaakTypeInformatieObjectTypeFilter(CatalogiFilterSet):
    """``status`` follows the zaaktype; the standard has no datumGeldigheid here."""

    concept_field = "zaaktype__concept"

    datumGeldigheid = None  # type: ignore[assignment]
    zaaktype = filters.CharFilter(method="filter_zaaktype")
    informatieobjecttype = filters.CharFilter(method="filter_informatieobjecttype")
    richting = filters.ChoiceFilter(choices=Richting.choices)

    filter_zaaktype = _by_url("zaaktype", "zaaktype__uuid")

    class Meta:
        model = ZaakTypeInformatieObjectType
        fields: list[str] = []

    def filter_informatieobjecttype(
        self, queryset: QuerySet[Any], name: str, value: str
    ) -> QuerySet[Any]:
        # Open Zaak accepts the URL of a version; the omschrijving is the 1.3 key.
        if value.startswith(("http://", "https://")):
            version = InformatieObjectType.objects.filter(
                uuid=uuid_from_url(value, "informatieobjecttype", name)
            ).first()
            value = version.omschrijving if version else ""
        return queryset.filter(informatieobjecttype=value)


class ZaakObjectTypeFilter(ZaaktypeBoundFilter):
    """No ``status`` in the standard here: every zaakobjecttype is listed."""

    status = None  # type: ignore[assignment]
    zaaktypeIdentificatie = filters.CharFilter(field_name="zaaktype__identificatie")
    anderObjecttype = filters.BooleanFilter(field_name="ander_objecttype")
    catalogus = filters.CharFilter(method="filter_catalogus")
    datumBeginGeldigheid = filters.DateFilter(field_name="zaaktype__begin_geldigheid")
    datumEindeGeldigheid = filters.DateFilter(field_name="zaaktype__einde_geldigheid")
    objecttype = filters.CharFilter()
    relatieOmschrijving = filters.CharFilter(field_name="relatie_omschrijving")

    filter_catalogus = _by_url("catalogus", "zaaktype__catalogus__uuid")

    class Meta:
        model = ZaakObjectType
        fields: list[str] = []

    def filter_queryset(self, queryset: QuerySet[Any]) -> QuerySet[Any]:
        return filters.FilterSet.filter_queryset(self, queryset)


class BesluitTypeFilter(CatalogiFilterSet):
    catalogus = filters.CharFilter(method="filter_catalogus")
    zaaktypen = filters.CharFilter(method="filter_zaaktypen")
    informatieobjecttypen = filters.CharFilter(method="filter_informatieobjecttypen")
    omschrijving = filters.CharFilter()

    filter_catalogus = _by_url("catalogus", "catalogus__uuid")

    class Meta:
        model = BesluitType
        fields: list[str] = []

    def filter_zaaktypen(self, queryset: QuerySet[Any], name: str, value: str) -> QuerySet[Any]:
        zaaktype = ZaakType.objects.filter(uuid=uuid_from_url(value, "zaaktype", name)).first()
        if zaaktype is None:
            return queryset.none()
        return queryset.filter(
            catalogus_id=zaaktype.catalogus_id, omschrijving__in=list(zaaktype.besluittypen)
        )

    def filter_informatieobjecttypen(
        self, queryset: QuerySet[Any], name: str, value: str
    ) -> QuerySet[Any]:
        iot = InformatieObjectType.objects.filter(
            uuid=uuid_from_url(value, "informatieobjecttype", name)
        ).first()
        if iot is None:
            return queryset.none()
        # JSON containment is not portable to SQLite: filter ids over one column.
        ids = [
            pk
            for pk, omschrijvingen in queryset.filter(catalogus_id=iot.catalogus_id).values_list(
                "pk", "informatieobjecttypen"
            )
            if iot.omschrijving in (omschrijvingen or [])
        ]
        return queryset.filter(pk__in=ids)
