"""Zaken API 1.7 endpoints for klantcontacten, zaakcontactmomenten, zaakverzoeken,
zaaknotities and zaaknummer reservations. Reads go through the access policy like every
other zaak-related resource (:class:`.base.ZakenViewSet`)."""

from __future__ import annotations

from typing import Any

from drf_spectacular.utils import extend_schema, extend_schema_view
from rest_framework import status, viewsets
from rest_framework.request import Request
from rest_framework.response import Response

from mijnservices.api.pagination import ZGWSizedPagination
from mijnservices.api.viewsets import ZGWViewMixin
from mijnservices.registrations.zaken import services
from mijnservices.registrations.zaken.api import filters_contacts as filters
from mijnservices.registrations.zaken.api import serializers
from mijnservices.registrations.zaken.api.base import API_VERSION, READ, UPDATE, ZakenViewSet
from mijnservices.registrations.zaken.api.renderers import ZakenJSONRenderer


def _ids(noun: str, **names: str) -> Any:
    return extend_schema_view(
        **{action: extend_schema(operation_id=f"{noun}_{op}") for action, op in names.items()}
    )


@_ids("klantcontact", list="list", create="create", retrieve="retrieve")
class KlantContactViewSet(ZakenViewSet):
    kind = "klantcontact"
    http_method_names = ["get", "post", "head"]
    serializer_class = serializers.KlantContactSerializer
    filterset_class = filters.KlantContactFilter
    expandable = False
    required_scopes = {"list": READ, "retrieve": READ, "create": UPDATE}


class _LinkViewSet(ZakenViewSet):
    http_method_names = ["get", "post", "delete", "head"]
    pagination_class = None  # the standard answers a plain array
    expandable = False
    required_scopes = {"list": READ, "retrieve": READ, "create": UPDATE, "destroy": UPDATE}
    write_scopes = {"create": UPDATE, "destroy": UPDATE}


@_ids("zaakcontactmoment", list="list", create="create", retrieve="retrieve", destroy="destroy")
class ZaakContactMomentViewSet(_LinkViewSet):
    kind = "zaakcontactmoment"
    serializer_class = serializers.ZaakContactMomentSerializer
    filterset_class = filters.ZaakContactMomentFilter
    delete_service = services.zaakcontactmoment_delete
    instance_argument = "zaakcontactmoment"


@_ids("zaakverzoek", list="list", create="create", retrieve="retrieve", destroy="destroy")
class ZaakVerzoekViewSet(_LinkViewSet):
    kind = "zaakverzoek"
    serializer_class = serializers.ZaakVerzoekSerializer
    filterset_class = filters.ZaakVerzoekFilter
    delete_service = services.zaakverzoek_delete
    instance_argument = "zaakverzoek"


@_ids(
    "zaaknotitie",
    list="list",
    create="create",
    retrieve="read",
    update="update",
    partial_update="partial_update",
    destroy="delete",
)
class ZaakNotitieViewSet(ZakenViewSet):
    kind = "zaaknotitie"
    pagination_class = ZGWSizedPagination
    serializer_class = serializers.ZaakNotitieSerializer
    filterset_class = filters.ZaakNotitieFilter
    expandable = False
    required_scopes = {
        "list": READ,
        "retrieve": READ,
        "create": ("zaken.bijwerken",),
        "update": ("zaken.bijwerken",),
        "partial_update": ("zaken.bijwerken",),
        "destroy": ("zaken.bijwerken",),
    }
    write_scopes = {"create": UPDATE, "destroy": UPDATE}
    delete_service = services.zaaknotitie_delete
    instance_argument = "zaaknotitie"


class ZaaknummerReserverenView(ZGWViewMixin, viewsets.ViewSet):  # type: ignore[misc]
    """``POST /zaaknummer_reserveren``: one object for ``aantal`` 1, else a list."""

    api_version = API_VERSION
    component = "zrc"
    required_scopes = {"create": ("zaken.aanmaken",)}
    renderer_classes = [ZakenJSONRenderer]

    @extend_schema(
        operation_id="zaaknummer_reserveren",
        request=serializers.ReserveZaakIdentificatieSerializer,
        responses={201: serializers.ReserveZaakIdentificatieSerializer(many=True)},
    )
    def create(self, request: Request) -> Response:
        serializer = serializers.ReserveZaakIdentificatieSerializer(data=request.data)
        serializer.is_valid(raise_exception=True)
        numbers = services.zaaknummer_reserveren(
            bronorganisatie=serializer.validated_data["bronorganisatie"],
            aantal=serializer.validated_data["aantal"],
        )
        body: Any = [{"zaaknummer": number} for number in numbers]
        return Response(body[0] if len(body) == 1 else body, status=status.HTTP_201_CREATED)
