"""Berichten API 0.1.0: list, create, read, and PATCH of ``geopendOp``. Reads start from
``services.access.taken``; writes go through the berichten services."""

from __future__ import annotations

import json
from typing import Any

from django_filters import rest_framework as filters
from drf_spectacular.utils import extend_schema, extend_schema_view
from rest_framework import status
from rest_framework.request import Request
from rest_framework.response import Response

from mijnservices.api.filters import IsoDateTimeFilter
from mijnservices.api.pagination import ZGWSizedPagination
from mijnservices.api.scoped import ScopedReadOnlyViewSet
from mijnservices.registrations.berichten import services
from mijnservices.registrations.berichten.api import serializers
from mijnservices.registrations.berichten.models import Bericht
from mijnservices.services.access import taken as access

API_VERSION = "0.1.0"
READ = (access.READ_BERICHTEN,)


class BerichtFilter(filters.FilterSet):
    geopendOp__isnull = filters.BooleanFilter(field_name="geopend_op", lookup_expr="isnull")
    isGerelateerdAan = filters.CharFilter(method="_gerelateerd")
    ontvanger = filters.CharFilter(field_name="ontvanger")
    publicatiedatum = IsoDateTimeFilter(field_name="publicatiedatum")
    publicatiedatum__gt = IsoDateTimeFilter(field_name="publicatiedatum", lookup_expr="gt")
    publicatiedatum__gte = IsoDateTimeFilter(field_name="publicatiedatum", lookup_expr="gte")
    publicatiedatum__lt = IsoDateTimeFilter(field_name="publicatiedatum", lookup_expr="lt")
    publicatiedatum__lte = IsoDateTimeFilter(field_name="publicatiedatum", lookup_expr="lte")

    class Meta:
        model = Bericht
        fields: list[str] = []

    def _gerelateerd(self, queryset: Any, name: str, value: str) -> Any:
        # JSON text match (works on SQLite and PostgreSQL); the quotes keep it to whole URNs.
        return queryset.filter(is_gerelateerd_aan__icontains=json.dumps(value))


@extend_schema_view(
    list=extend_schema(operation_id="berichtenList"),
    create=extend_schema(operation_id="berichtenCreate"),
    retrieve=extend_schema(operation_id="berichtenRetrieve"),
    partial_update=extend_schema(
        operation_id="berichtenPartialUpdate", request=serializers.BerichtGeopendOpSerializer
    ),
)
class BerichtViewSet(ScopedReadOnlyViewSet):
    api_version = API_VERSION
    component = access.VTB
    forbidden_detail = "No rights to read berichten."
    reads_personal_data = True
    verwerking_activiteit = "bericht raadplegen"
    verwerking_doel = "Berichten aan inwoners en ondernemers tonen of verwerken (Berichten API)"
    verwerking_objecttype = "bericht"
    http_method_names = ["get", "post", "patch", "head"]
    serializer_class = serializers.BerichtSerializer
    filterset_class = BerichtFilter
    pagination_class = ZGWSizedPagination
    required_scopes = {
        "list": READ,
        "retrieve": READ,
        "create": ("berichten.aanmaken",),
        "partial_update": ("berichten.bijwerken",),
    }

    def unscoped(self) -> Any:
        return Bericht.objects.prefetch_related("bijlagen").order_by("-publicatiedatum", "-pk")

    def scope(self, queryset: Any) -> Any:
        return access.api_client_scope(self.principal, queryset, access.VTB, *READ)

    def create(self, request: Request, *args: Any, **kwargs: Any) -> Response:
        serializer = self.get_serializer(data=request.data)
        serializer.is_valid(raise_exception=True)
        data = dict(serializer.validated_data)
        data["is_gerelateerd_aan"] = [item["urn"] for item in data.pop("is_gerelateerd_aan", [])]
        bericht = services.bericht_publish(**data)
        return Response(self.get_serializer(bericht).data, status=status.HTTP_201_CREATED)

    def partial_update(self, request: Request, *args: Any, **kwargs: Any) -> Response:
        bericht = self.get_object()
        serializer = serializers.BerichtGeopendOpSerializer(data=request.data)
        serializer.is_valid(raise_exception=True)
        bericht = services.bericht_set_geopend_op(
            bericht=bericht, geopend_op=serializer.validated_data["geopend_op"]
        )
        return Response(self.get_serializer(bericht).data)
