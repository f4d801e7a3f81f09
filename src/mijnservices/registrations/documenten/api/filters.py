"""Query parameters of the Documenten API 1.7 lists, named as the standard names them."""

from __future__ import annotations

from typing import Any

from django.db.models import QuerySet
from django_filters import rest_framework as filters

from mijnservices.registrations.documenten.models import (
    EnkelvoudigInformatieObject,
    Gebruiksrechten,
    ObjectInformatieObject,
    ObjectType,
)
from mijnservices.registrations.zaken.api.filters import uuid_from_url

DOCUMENT_VIEW = "documenten:enkelvoudiginformatieobject-detail"


def _by_document(queryset: QuerySet[Any], name: str, value: str) -> QuerySet[Any]:
    return queryset.filter(informatieobject__uuid=uuid_from_url(value, DOCUMENT_VIEW, name))


class InformatieObjectFilter(filters.FilterSet):
    identificatie = filters.CharFilter(field_name="huidige_versie__identificatie")
    bronorganisatie = filters.CharFilter(field_name="huidige_versie__bronorganisatie")
    objectinformatieobjecten_object = filters.CharFilter(method="_by_object")
    objectinformatieobjecten_objectType = filters.ChoiceFilter(
        choices=ObjectType.choices, method="_by_object_type"
    )

    class Meta:
        model = EnkelvoudigInformatieObject
        fields: list[str] = []

    def _by_object(self, queryset: QuerySet[Any], name: str, value: str) -> QuerySet[Any]:
        return queryset.filter(
            pk__in=ObjectInformatieObject.objects.filter(object=value).values("informatieobject_id")
        )

    def _by_object_type(self, queryset: QuerySet[Any], name: str, value: str) -> QuerySet[Any]:
        return queryset.filter(
            pk__in=ObjectInformatieObject.objects.filter(object_type=value).values(
                "informatieobject_id"
            )
        )


class ObjectInformatieObjectFilter(filters.FilterSet):
    object = filters.CharFilter(field_name="object")
    informatieobject = filters.CharFilter(method=_by_document)

    class Meta:
        model = ObjectInformatieObject
        fields: list[str] = []


class GebruiksrechtenFilter(filters.FilterSet):
    informatieobject = filters.CharFilter(method=_by_document)
    startdatum__lt = filters.IsoDateTimeFilter(field_name="startdatum", lookup_expr="lt")
    startdatum__lte = filters.IsoDateTimeFilter(field_name="startdatum", lookup_expr="lte")
    startdatum__gt = filters.IsoDateTimeFilter(field_name="startdatum", lookup_expr="gt")
    startdatum__gte = filters.IsoDateTimeFilter(field_name="startdatum", lookup_expr="gte")
    einddatum__lt = filters.IsoDateTimeFilter(field_name="einddatum", lookup_expr="lt")
    einddatum__lte = filters.IsoDateTimeFilter(field_name="einddatum", lookup_expr="lte")
    einddatum__gt = filters.IsoDateTimeFilter(field_name="einddatum", lookup_expr="gt")
    einddatum__gte = filters.IsoDateTimeFilter(field_name="einddatum", lookup_expr="gte")

    class Meta:
        model = Gebruiksrechten
        fields: list[str] = []
