"""Query parameters of the Documenten API 1.7 lists, named as the standard names them."""

from __future__ import annotations

from typing import Any

from django.db import connections
from django.db.models import Q, QuerySet
from django.db.models.expressions import RawSQL
from django_filters import rest_framework as filters

from mijnservices.api.filters import IsoDateTimeFilter
from mijnservices.registrations.documenten.models import (
    AardRelatie,
    EnkelvoudigInformatieObject,
    Gebruiksrechten,
    InformatieObjectVersie,
    ObjectInformatieObject,
    ObjectType,
    Verzending,
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
    trefwoorden = filters.CharFilter(method="_by_trefwoorden")

    class Meta:
        model = EnkelvoudigInformatieObject
        fields: list[str] = []

    def _by_trefwoorden(self, queryset: QuerySet[Any], name: str, value: str) -> QuerySet[Any]:
        """Documents whose current version has at least one of the comma-separated trefwoorden
        (exact, as Open Zaak's ``overlap``)."""
        words = [word.strip() for word in value.split(",") if word.strip()]
        if not words:
            return queryset
        if connections[queryset.db].features.supports_json_field_contains:
            any_of = Q()
            for word in words:
                any_of |= Q(huidige_versie__trefwoorden__contains=[word])
            return queryset.filter(any_of)
        # SQLite has no JSON containment: look inside the array with json_each.
        table = InformatieObjectVersie._meta.db_table
        marks = ", ".join(["%s"] * len(words))
        sql = (
            f"SELECT v.id FROM {table} v, json_each(v.trefwoorden) w "  # noqa: S608
            f"WHERE w.value IN ({marks})"
        )
        return queryset.filter(huidige_versie_id__in=RawSQL(sql, words))  # noqa: S611

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
    startdatum__lt = IsoDateTimeFilter(field_name="startdatum", lookup_expr="lt")
    startdatum__lte = IsoDateTimeFilter(field_name="startdatum", lookup_expr="lte")
    startdatum__gt = IsoDateTimeFilter(field_name="startdatum", lookup_expr="gt")
    startdatum__gte = IsoDateTimeFilter(field_name="startdatum", lookup_expr="gte")
    einddatum__lt = IsoDateTimeFilter(field_name="einddatum", lookup_expr="lt")
    einddatum__lte = IsoDateTimeFilter(field_name="einddatum", lookup_expr="lte")
    einddatum__gt = IsoDateTimeFilter(field_name="einddatum", lookup_expr="gt")
    einddatum__gte = IsoDateTimeFilter(field_name="einddatum", lookup_expr="gte")

    class Meta:
        model = Gebruiksrechten
        fields: list[str] = []


class VerzendingFilter(filters.FilterSet):
    aardRelatie = filters.ChoiceFilter(field_name="aard_relatie", choices=AardRelatie.choices)
    informatieobject = filters.CharFilter(method=_by_document)
    betrokkene = filters.CharFilter(field_name="betrokkene")

    class Meta:
        model = Verzending
        fields: list[str] = []
