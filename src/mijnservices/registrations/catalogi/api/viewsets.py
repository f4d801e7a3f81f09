"""Catalogi API 1.3.3 endpoints. Writes go through the catalogi services."""

from __future__ import annotations

from functools import partial
from typing import Any

from django.db.models import Model, Prefetch, QuerySet
from drf_spectacular.utils import extend_schema, extend_schema_view
from rest_framework import mixins, status, viewsets
from rest_framework.decorators import action
from rest_framework.request import Request
from rest_framework.response import Response

from mijnservices.api.scoped import ScopedModelViewSet, ScopedViewMixin
from mijnservices.core.identity import ApiClient
from mijnservices.registrations.catalogi import services
from mijnservices.registrations.catalogi.api import filters, serializers
from mijnservices.registrations.catalogi.api.reading import EXPAND_PARAMETER, CatalogiReadMixin
from mijnservices.registrations.catalogi.models import (
    BesluitType,
    Catalogus,
    Eigenschap,
    InformatieObjectType,
    ResultaatType,
    RolType,
    StatusType,
    ZaakObjectType,
    ZaakType,
    ZaakTypeInformatieObjectType,
)
from mijnservices.services.access import policy

API_VERSION = "1.3.3"
READ = ("catalogi.lezen",)
WRITE = ("catalogi.schrijven",)
DELETE = ("catalogi.schrijven", "catalogi.geforceerd-verwijderen")
SCOPES = {
    "list": READ,
    "retrieve": READ,
    "create": WRITE,
    "update": WRITE,
    "partial_update": WRITE,
    "destroy": DELETE,
    "publish": WRITE,
}


def _operations(noun: str, *, destroy: bool = True, publish: bool = False) -> dict[str, Any]:
    """operationIds as the standard names them (``zaaktype_list``, ...)."""
    names = ["list", "create", "retrieve", "update", "partial_update"]
    names += ["destroy"] if destroy else []
    names += ["publish"] if publish else []
    return {
        name: extend_schema(
            operation_id=f"{noun}_{name}",
            parameters=[EXPAND_PARAMETER] if name in ("list", "retrieve") else None,
        )
        for name in names
    }


class CatalogiViewSet(CatalogiReadMixin, ScopedModelViewSet):  # type: ignore[misc]
    api_version = API_VERSION
    component = "ztc"
    required_scopes = SCOPES
    delete_service: Any = None
    instance_argument = ""

    def perform_destroy(self, instance: Model) -> None:
        # catalogi.geforceerd-verwijderen deletes published types too (as Open Zaak does).
        principal = self.request.user
        force = isinstance(principal, ApiClient) and policy.has_scope(
            principal, "ztc", "catalogi.geforceerd-verwijderen"
        )
        type(self).delete_service(**{self.instance_argument: instance}, force=force)

    def _publish(self, service: Any, argument: str) -> Response:
        obj = service(**{argument: self.get_object()})
        fresh = self.get_queryset().get(pk=obj.pk)
        return Response(self.get_serializer(fresh).data, status=status.HTTP_200_OK)


@extend_schema_view(**_operations("catalogus", destroy=False))
class CatalogusViewSet(  # type: ignore[misc]
    CatalogiReadMixin,
    ScopedViewMixin,
    mixins.CreateModelMixin,
    mixins.UpdateModelMixin,
    viewsets.GenericViewSet,  # type: ignore[type-arg]
):
    api_version = API_VERSION
    component = "ztc"
    required_scopes = SCOPES
    lookup_field = "uuid"
    lookup_value_converter = "uuid"
    serializer_class = serializers.CatalogusSerializer
    filterset_class = filters.CatalogusFilter
    queryset = Catalogus.objects.prefetch_related(
        "zaaktypen", "informatieobjecttypen", "besluittypen"
    ).order_by("pk")


@extend_schema_view(**_operations("zaaktype", publish=True))
class ZaakTypeViewSet(CatalogiViewSet):
    serializer_class = serializers.ZaakTypeSerializer
    filterset_class = filters.ZaakTypeFilter
    delete_service = services.zaaktype_delete
    instance_argument = "zaaktype"
    queryset = (
        ZaakType.objects.select_related("catalogus")
        .prefetch_related(
            "statustypen",
            "resultaattypen",
            "roltypen",
            "eigenschappen",
            "zaakobjecttypen",
            "zaaktype_informatieobjecttypen",
        )
        .order_by("pk")
    )

    @action(detail=True, methods=["post"])
    def publish(self, request: Request, *args: Any, **kwargs: Any) -> Response:
        # The Catalogi API publishes without the completeness minimum, as Open Zaak's does.
        return self._publish(partial(services.zaaktype_publish, require_complete=False), "zaaktype")


def _zaaktype_bound(model: type[Model]) -> QuerySet[Any]:
    """Prefetch the zaaktype with its statustypen, so derived fields cost no query per row."""
    return (
        model._default_manager.select_related("zaaktype__catalogus")
        .prefetch_related(
            Prefetch(
                "zaaktype__statustypen",
                queryset=StatusType.objects.only("pk", "volgnummer", "zaaktype_id"),
            )
        )
        .order_by("pk")
    )


@extend_schema_view(**_operations("statustype"))
class StatusTypeViewSet(CatalogiViewSet):
    serializer_class = serializers.StatusTypeSerializer
    filterset_class = filters.StatusTypeFilter
    delete_service = services.statustype_delete
    instance_argument = "statustype"
    queryset = _zaaktype_bound(StatusType).prefetch_related("eigenschappen")


@extend_schema_view(**_operations("resultaattype"))
class ResultaatTypeViewSet(CatalogiViewSet):
    serializer_class = serializers.ResultaatTypeSerializer
    filterset_class = filters.ResultaatTypeFilter
    delete_service = services.resultaattype_delete
    instance_argument = "resultaattype"
    queryset = ResultaatType.objects.select_related("zaaktype__catalogus").order_by("pk")


@extend_schema_view(**_operations("roltype"))
class RolTypeViewSet(CatalogiViewSet):
    serializer_class = serializers.RolTypeSerializer
    filterset_class = filters.RolTypeFilter
    delete_service = services.roltype_delete
    instance_argument = "roltype"
    queryset = RolType.objects.select_related("zaaktype__catalogus").order_by("pk")


@extend_schema_view(**_operations("informatieobjecttype", publish=True))
class InformatieObjectTypeViewSet(CatalogiViewSet):
    serializer_class = serializers.InformatieObjectTypeSerializer
    filterset_class = filters.InformatieObjectTypeFilter
    delete_service = services.informatieobjecttype_delete
    instance_argument = "informatieobjecttype"
    queryset = InformatieObjectType.objects.select_related("catalogus").order_by("pk")

    @action(detail=True, methods=["post"])
    def publish(self, request: Request, *args: Any, **kwargs: Any) -> Response:
        return self._publish(services.informatieobjecttype_publish, "informatieobjecttype")


@extend_schema_view(**_operations("eigenschap"))
class EigenschapViewSet(CatalogiViewSet):
    serializer_class = serializers.EigenschapSerializer
    filterset_class = filters.EigenschapFilter
    delete_service = services.eigenschap_delete
    instance_argument = "eigenschap"
    queryset = Eigenschap.objects.select_related("zaaktype__catalogus", "statustype").order_by("pk")


@extend_schema_view(**_operations("zaakobjecttype"))
class ZaakObjectTypeViewSet(CatalogiViewSet):
    serializer_class = serializers.ZaakObjectTypeSerializer
    filterset_class = filters.ZaakObjectTypeFilter
    delete_service = services.zaakobjecttype_delete
    instance_argument = "zaakobjecttype"
    queryset = ZaakObjectType.objects.select_related("zaaktype__catalogus").order_by("pk")


@extend_schema_view(**_operations("zaakinformatieobjecttype"))
class ZaakTypeInformatieObjectTypeViewSet(CatalogiViewSet):
    serializer_class = serializers.ZaakTypeInformatieObjectTypeSerializer
    filterset_class = filters.ZaakTypeInformatieObjectTypeFilter
    delete_service = services.zaaktype_informatieobjecttype_delete
    instance_argument = "zaaktype_informatieobjecttype"
    queryset = ZaakTypeInformatieObjectType.objects.select_related(
        "zaaktype__catalogus", "statustype"
    ).order_by("pk")


@extend_schema_view(**_operations("besluittype", publish=True))
class BesluitTypeViewSet(CatalogiViewSet):
    serializer_class = serializers.BesluitTypeSerializer
    filterset_class = filters.BesluitTypeFilter
    delete_service = services.besluittype_delete
    instance_argument = "besluittype"
    queryset = BesluitType.objects.select_related("catalogus").order_by("pk")

    @action(detail=True, methods=["post"])
    def publish(self, request: Request, *args: Any, **kwargs: Any) -> Response:
        return self._publish(services.besluittype_publish, "besluittype")
