"""Taken API 0.1.0: betaaltaken, urltaken, formuliertaken and the polymorphic externetaken
over one table. Reads start from ``services.access.taken``; writes go through the taken
services."""

from __future__ import annotations

import json
from typing import Any, ClassVar

from django_filters import rest_framework as filters
from drf_spectacular.utils import extend_schema, extend_schema_view
from rest_framework import status
from rest_framework.request import Request
from rest_framework.response import Response

from mijnservices.api.pagination import ZGWSizedPagination
from mijnservices.api.parsers import ZGWJSONParser
from mijnservices.api.renderers import ZGWJSONRenderer
from mijnservices.api.scoped import ScopedModelViewSet
from mijnservices.registrations.taken import services
from mijnservices.registrations.taken.api import serializers
from mijnservices.registrations.taken.models import ExterneTaak, TaakSoort
from mijnservices.services.access import taken as access

API_VERSION = "0.1.0"
READ = (access.READ_TAKEN,)
UPDATE = ("taken.bijwerken",)
_IGNORE = {"ignore_fields": serializers.FREE_FORM}


class TakenParser(ZGWJSONParser):
    json_underscoreize = {**ZGWJSONParser.json_underscoreize, **_IGNORE}


class TakenRenderer(ZGWJSONRenderer):
    json_underscoreize = {**ZGWJSONRenderer.json_underscoreize, **_IGNORE}


def _dates(name: str, field: str) -> dict[str, filters.Filter]:
    out: dict[str, filters.Filter] = {name: filters.DateFilter(field_name=field)}
    for lookup in ("gt", "gte", "lt", "lte"):
        out[f"{name}__{lookup}"] = filters.DateFilter(field_name=field, lookup_expr=lookup)
    return out


class TaakFilter(filters.FilterSet):
    locals().update(_dates("datumHerinnering", "datum_herinnering"))
    locals().update(_dates("einddatumHandelingsTermijn", "einddatum_handelings_termijn"))
    locals().update(_dates("startdatum", "startdatum"))
    handelingsPerspectief = filters.CharFilter(field_name="handelings_perspectief")
    isGerelateerdAan = filters.CharFilter(method="_gerelateerd")
    isToegewezenAan = filters.CharFilter(field_name="is_toegewezen_aan")
    status = filters.CharFilter(field_name="status")
    taakSoort = filters.CharFilter(field_name="taak_soort")
    titel = filters.CharFilter(field_name="titel", lookup_expr="icontains")
    uuid = filters.UUIDFilter(field_name="uuid")
    verwerkerTaakId = filters.CharFilter(field_name="verwerker_taak_id")

    class Meta:
        model = ExterneTaak
        fields: list[str] = []

    def _gerelateerd(self, queryset: Any, name: str, value: str) -> Any:
        # JSON text match (SQLite and PostgreSQL); the quotes keep it to whole URNs.
        return queryset.filter(is_gerelateerd_aan__icontains=json.dumps(value))


class TaakViewSet(ScopedModelViewSet):
    api_version = API_VERSION
    component = access.VTB
    forbidden_detail = "No rights to read taken."
    reads_personal_data = True
    verwerking_activiteit = "taak raadplegen"
    verwerking_doel = "Taken van inwoners en ondernemers tonen of verwerken (Taken API)"
    verwerking_objecttype = "taak"
    parser_classes = [TakenParser]
    renderer_classes = [TakenRenderer]
    filterset_class = TaakFilter
    pagination_class = ZGWSizedPagination
    serializer_class = serializers.TaakSerializer
    soort: ClassVar[TaakSoort | None] = None
    required_scopes = {
        "list": READ,
        "retrieve": READ,
        "create": ("taken.aanmaken",),
        "update": UPDATE,
        "partial_update": UPDATE,
        "destroy": ("taken.verwijderen",),
    }

    def unscoped(self) -> Any:
        qs = ExterneTaak.objects.order_by("-pk")
        return qs.filter(taak_soort=self.soort) if self.soort else qs

    def scope(self, queryset: Any) -> Any:
        return access.api_client_scope(self.principal, queryset, access.VTB, *READ)

    def get_serializer(self, *args: Any, **kwargs: Any) -> Any:
        serializer = super().get_serializer(*args, **kwargs)
        if not kwargs.get("many"):
            serializer.fixed_soort = self.soort  # type: ignore[attr-defined]
        return serializer

    def create(self, request: Request, *args: Any, **kwargs: Any) -> Response:
        serializer = self.get_serializer(data=request.data)
        serializer.is_valid(raise_exception=True)
        data = dict(serializer.validated_data)
        taak = services.taak_create(**data)
        return Response(self.get_serializer(taak).data, status=status.HTTP_201_CREATED)

    def update(self, request: Request, *args: Any, **kwargs: Any) -> Response:
        taak = self.get_object()
        partial = kwargs.get("partial", False)
        serializer = self.get_serializer(taak, data=request.data, partial=partial)
        serializer.is_valid(raise_exception=True)
        taak = services.taak_update(taak=taak, changes=dict(serializer.validated_data))
        return Response(self.get_serializer(taak).data)

    def destroy(self, request: Request, *args: Any, **kwargs: Any) -> Response:
        services.taak_delete(taak=self.get_object())
        return Response(status=status.HTTP_204_NO_CONTENT)


def _kind(soort: TaakSoort | None, prefix: str) -> type[TaakViewSet]:
    ops = {
        "list": "List",
        "create": "Create",
        "retrieve": "Retrieve",
        "update": "Update",
        "partial_update": "PartialUpdate",
        "destroy": "Destroy",
    }
    attrs: dict[str, Any] = {"soort": soort}
    if soort is None:
        attrs["serializer_class"] = serializers.PolymorphicTaakSerializer
    view: type[TaakViewSet] = type(f"{prefix.title()}ViewSet", (TaakViewSet,), attrs)
    return extend_schema_view(
        **{action: extend_schema(operation_id=f"{prefix}{op}") for action, op in ops.items()}
    )(view)


BetaalTaakViewSet = _kind(TaakSoort.BETAALTAAK, "betaaltaken")
URLTaakViewSet = _kind(TaakSoort.URLTAAK, "urltaken")
FormulierTaakViewSet = _kind(TaakSoort.FORMULIERTAAK, "formuliertaken")
ExterneTaakViewSet = _kind(None, "externetaken")
