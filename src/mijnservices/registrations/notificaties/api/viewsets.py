"""Notificaties API 1.0.1: kanalen, abonnementen and publishing notificaties.

Scopes as the standard gives them (``notificaties.consumeren`` / ``notificaties.publiceren``
on component nrc), decided by the access policy. Writes go through the notificaties services:
an abonnement's callback must answer a test notificatie, and a published notificatie is
stored with one delivery per matching abonnement that the worker sends (0009).
"""

from __future__ import annotations

import uuid
from typing import Any

from django.db import transaction
from django.db.models import QuerySet
from django_filters import rest_framework as filters
from drf_spectacular.utils import extend_schema, extend_schema_view
from rest_framework import mixins, status, viewsets
from rest_framework.request import Request
from rest_framework.response import Response

from mijnservices.api.scoped import ScopedModelViewSet
from mijnservices.api.viewsets import ZGWViewMixin
from mijnservices.core.errors import DomainError
from mijnservices.core.outbox import worker_wake
from mijnservices.registrations.notificaties import services
from mijnservices.registrations.notificaties.api import serializers
from mijnservices.registrations.notificaties.api.parsing import (
    KenmerkenJSONParser,
    KenmerkenJSONRenderer,
)
from mijnservices.registrations.notificaties.models import Abonnement, Kanaal

API_VERSION = "1.0.1"
COMPONENT = "nrc"
CONSUME = "notificaties.consumeren"
PUBLISH = "notificaties.publiceren"
EITHER = (CONSUME, PUBLISH)


class KanaalFilter(filters.FilterSet):
    naam = filters.CharFilter(field_name="naam")

    class Meta:
        model = Kanaal
        fields: list[str] = []


@extend_schema_view(
    list=extend_schema(operation_id="kanaal_list", description="Alle KANAALen opvragen."),
    retrieve=extend_schema(
        operation_id="kanaal_read", description="Een specifiek KANAAL opvragen."
    ),
    create=extend_schema(operation_id="kanaal_create", description="Maak een KANAAL aan."),
)
class KanaalViewSet(ScopedModelViewSet):
    api_version = API_VERSION
    component = COMPONENT
    reads_personal_data = False
    http_method_names = ["get", "post", "head"]
    serializer_class = serializers.KanaalSerializer
    filterset_class = KanaalFilter
    pagination_class = None  # the standard answers a plain array
    queryset = Kanaal.objects.all()
    required_scopes = {"list": EITHER, "retrieve": EITHER, "create": (PUBLISH,)}

    def scope(self, queryset: QuerySet[Kanaal]) -> QuerySet[Kanaal]:
        return queryset  # every client with either scope reads every kanaal


@extend_schema_view(
    list=extend_schema(operation_id="abonnement_list", description="Alle ABONNEMENTen opvragen."),
    retrieve=extend_schema(
        operation_id="abonnement_read", description="Een specifiek ABONNEMENT opvragen."
    ),
    create=extend_schema(operation_id="abonnement_create", description="Maak een ABONNEMENT aan."),
    update=extend_schema(
        operation_id="abonnement_update", description="Werk een ABONNEMENT in zijn geheel bij."
    ),
    partial_update=extend_schema(
        operation_id="abonnement_partial_update", description="Werk een ABONNEMENT deels bij."
    ),
    destroy=extend_schema(
        operation_id="abonnement_delete", description="Verwijder een ABONNEMENT."
    ),
)
class AbonnementViewSet(ScopedModelViewSet):
    api_version = API_VERSION
    component = COMPONENT
    reads_personal_data = False
    serializer_class = serializers.AbonnementSerializer
    parser_classes = [KenmerkenJSONParser]  # filter keys are kenmerken names: kept as sent
    renderer_classes = [KenmerkenJSONRenderer]
    pagination_class = None  # the standard answers a plain array
    queryset = Abonnement.objects.prefetch_related("kanalen__kanaal")
    required_scopes = {
        "list": EITHER,
        "retrieve": EITHER,
        "create": (CONSUME,),
        "update": (CONSUME,),
        "partial_update": (CONSUME,),
        "destroy": (CONSUME,),
    }

    def scope(self, queryset: QuerySet[Abonnement]) -> QuerySet[Abonnement]:
        # An abonnement belongs to the client that made it (as in Open Notificaties): another
        # client cannot list, read, redirect or delete it, whatever its scopes.
        client_id = self.principal.client_id
        return queryset.filter(client_id=client_id) if client_id else queryset.none()

    def perform_destroy(self, instance: Abonnement) -> None:
        services.abonnement_delete(abonnement=instance)


@extend_schema_view(
    create=extend_schema(
        operation_id="notificaties_create",
        description="Publiceer een notificatie.",
        responses={200: serializers.MessageSerializer},
    )
)
class NotificatieViewSet(  # type: ignore[misc]
    ZGWViewMixin,
    mixins.CreateModelMixin,
    viewsets.GenericViewSet,  # type: ignore[type-arg]
):
    api_version = API_VERSION
    component = COMPONENT
    serializer_class = serializers.MessageSerializer
    parser_classes = [KenmerkenJSONParser]  # kenmerken are forwarded with their keys unchanged
    renderer_classes = [KenmerkenJSONRenderer]
    required_scopes = {"create": (PUBLISH,)}

    def create(self, request: Request, *args: Any, **kwargs: Any) -> Response:
        serializer = self.get_serializer(data=request.data)
        serializer.is_valid(raise_exception=True)
        data = serializer.validated_data
        if not Kanaal.objects.filter(naam=data["kanaal"]).exists():
            raise DomainError(
                f"Unknown kanaal: {data['kanaal']}.", code="kanaal-not-found", field="kanaal"
            )
        with transaction.atomic():
            services.notificatie_publish(id=uuid.uuid4(), **data)
            worker_wake()
        return Response(serializer.data, status=status.HTTP_200_OK)
