"""Contactgegevens 1.1.1: ``/persoon`` and ``/organisatie`` (scopes ``contactgegevens.*`` on
the internal component ``kic``). A Contactgegevens persoon carries no BSN, so its reads
cannot be attributed to a person in the verwerkingenlogging (decision 0017)."""

from __future__ import annotations

from typing import Any, ClassVar

from django.db.models import Model
from drf_spectacular.utils import extend_schema, extend_schema_view
from rest_framework import status
from rest_framework.request import Request
from rest_framework.response import Response

from mijnservices.api.pagination import ZGWSizedPagination
from mijnservices.api.scoped import ScopedModelViewSet
from mijnservices.registrations.contactgegevens import services
from mijnservices.registrations.contactgegevens.api import serializers
from mijnservices.registrations.contactgegevens.models import Organisatie, Persoon
from mijnservices.services.access import klantinteracties as access

API_VERSION = "1.1.1"
READ = (access.CONTACTGEGEVENS_LEZEN,)
WRITE = (access.CONTACTGEGEVENS_BIJWERKEN,)
OPS = {
    "list": "List",
    "create": "Create",
    "retrieve": "Retrieve",
    "update": "Update",
    "partial_update": "PartialUpdate",
    "destroy": "Destroy",
}


def _operations(prefix: str) -> Any:
    return extend_schema_view(
        **{action: extend_schema(operation_id=f"{prefix}{op}") for action, op in OPS.items()}
    )


class ContactgegevensViewSet(ScopedModelViewSet):
    api_version = API_VERSION
    component = access.COMPONENT
    pagination_class = ZGWSizedPagination
    required_scopes: ClassVar[dict[str, tuple[str, ...]]] = {
        "list": READ,
        "retrieve": READ,
        "create": WRITE,
        "update": WRITE,
        "partial_update": WRITE,
        "destroy": WRITE,
    }
    model: ClassVar[type[Model]]

    forbidden_detail = "No rights to read contactgegevens."
    # A Contactgegevens persoon carries no BSN: nobody to name in the verwerkingenlogging.
    reads_personal_data = False

    def unscoped(self) -> Any:
        return self.model._default_manager.order_by("pk")

    def scope(self, queryset: Any) -> Any:
        may = access.client_may(self.principal, access.CONTACTGEGEVENS_LEZEN)
        return queryset if may else queryset.none()

    def create_record(self, values: dict[str, Any]) -> Any:
        raise NotImplementedError

    def create(self, request: Request, *args: Any, **kwargs: Any) -> Response:
        serializer = self.get_serializer(data=request.data)
        serializer.is_valid(raise_exception=True)
        record = self.create_record(dict(serializer.validated_data))
        return Response(self.get_serializer(record).data, status=status.HTTP_201_CREATED)

    def update(self, request: Request, *args: Any, **kwargs: Any) -> Response:
        record = self.get_object()
        serializer = self.get_serializer(
            record, data=request.data, partial=kwargs.get("partial", False)
        )
        serializer.is_valid(raise_exception=True)
        record = services.contactgegeven_update(
            record=record, values=dict(serializer.validated_data)
        )
        return Response(self.get_serializer(record).data)

    def destroy(self, request: Request, *args: Any, **kwargs: Any) -> Response:
        services.contactgegeven_delete(record=self.get_object())
        return Response(status=status.HTTP_204_NO_CONTENT)


@_operations("persoon")
class PersoonViewSet(ContactgegevensViewSet):
    model = Persoon
    serializer_class = serializers.PersoonSerializer

    def create_record(self, values: dict[str, Any]) -> Any:
        return services.persoon_create(values=values)


@_operations("organisatie")
class OrganisatieViewSet(ContactgegevensViewSet):
    model = Organisatie
    serializer_class = serializers.OrganisatieSerializer

    def create_record(self, values: dict[str, Any]) -> Any:
        return services.organisatie_create(values=values)
