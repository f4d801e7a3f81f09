"""Autorisaties API 1.1.0: ``/applicaties`` (CRUD) and ``/applicaties/consumer``."""

from __future__ import annotations

from typing import Any

from django.db.models import QuerySet
from django.shortcuts import get_object_or_404
from drf_spectacular.utils import OpenApiParameter, extend_schema, extend_schema_view
from rest_framework import status
from rest_framework.decorators import action
from rest_framework.exceptions import ValidationError
from rest_framework.request import Request
from rest_framework.response import Response

from mijnservices.api.scoped import ScopedModelViewSet
from mijnservices.registrations.autorisaties import services
from mijnservices.registrations.autorisaties.api.filters import ApplicatieFilter
from mijnservices.registrations.autorisaties.api.serializers import ApplicatieSerializer
from mijnservices.registrations.autorisaties.models import Applicatie

API_VERSION = "1.1.0"
READ = ("autorisaties.lezen",)
WRITE = ("autorisaties.bijwerken",)


@extend_schema_view(
    list=extend_schema(operation_id="applicatie_list"),
    create=extend_schema(operation_id="applicatie_create"),
    retrieve=extend_schema(operation_id="applicatie_read"),
    update=extend_schema(operation_id="applicatie_update"),
    partial_update=extend_schema(operation_id="applicatie_partial_update"),
    destroy=extend_schema(operation_id="applicatie_delete"),
)
class ApplicatieViewSet(ScopedModelViewSet):
    api_version = API_VERSION
    component = "ac"
    required_scopes = {
        "list": READ,
        "retrieve": READ,
        "consumer": READ,
        "create": WRITE,
        "update": WRITE,
        "partial_update": WRITE,
        "destroy": WRITE,
    }
    extra_query_params = {"consumer": ("clientId",)}
    etag_actions = ()
    reads_personal_data = False
    serializer_class = ApplicatieSerializer
    filterset_class = ApplicatieFilter

    def unscoped(self) -> QuerySet[Applicatie]:
        return Applicatie.objects.prefetch_related("credentials", "autorisaties").order_by("pk")

    def scope(self, queryset: QuerySet[Applicatie]) -> QuerySet[Applicatie]:
        return queryset  # autorisaties.lezen reads every applicatie

    def perform_destroy(self, instance: Applicatie) -> None:
        services.applicatie_delete(applicatie=instance)

    @extend_schema(
        operation_id="applicatie_consumer",
        parameters=[OpenApiParameter("clientId", str, required=True)],
    )
    @action(detail=False, methods=["get"])
    def consumer(self, request: Request, *args: Any, **kwargs: Any) -> Response:
        """The applicatie of one client id (an object, as Open Zaak answers)."""
        client_id = request.query_params.get("clientId")
        if not client_id:
            raise ValidationError({"clientId": ["This field is required."]}, code="required")
        applicatie = get_object_or_404(self.get_queryset(), credentials__client_id=client_id)
        return Response(self.get_serializer(applicatie).data, status=status.HTTP_200_OK)
