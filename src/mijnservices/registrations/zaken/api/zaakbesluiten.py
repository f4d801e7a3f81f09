"""Zaken API 1.7.0 ``/zaken/{zaak_uuid}/besluiten`` (zaakbesluiten), derived from
``Besluit.zaak``: the besluit is the source of truth (brc-006), so there is no second copy.
A zaakbesluit's uuid is its besluit's. ``POST`` only acknowledges a besluit of our
Besluiten registration that already names this zaak; ``DELETE`` refuses while it still
does, and finds nothing once it does not (the relation is gone with it)."""

from __future__ import annotations

from collections.abc import Sequence
from typing import Any

from django.http import Http404
from drf_spectacular.utils import (
    OpenApiParameter,
    extend_schema,
    extend_schema_field,
    extend_schema_view,
)
from rest_framework import serializers, status
from rest_framework.exceptions import PermissionDenied, ValidationError
from rest_framework.request import Request
from rest_framework.response import Response
from rest_framework.reverse import reverse

from mijnservices.api.schema import uuid_path
from mijnservices.api.scoped import Expanded, ScopedReadOnlyViewSet
from mijnservices.core.identity import Party
from mijnservices.registrations.besluiten.models import Besluit
from mijnservices.registrations.zaken.api.base import API_VERSION, FORCED, READ, UPDATE
from mijnservices.registrations.zaken.api.filters import uuid_from_url
from mijnservices.registrations.zaken.api.renderers import ZakenJSONRenderer
from mijnservices.registrations.zaken.api.verwerkingen import persons_of_zaken
from mijnservices.registrations.zaken.api.viewsets import ZaakNestedMixin
from mijnservices.registrations.zaken.models import Zaak
from mijnservices.services.access import policy

EXPAND = OpenApiParameter(
    "expand",
    str,
    description="`besluit` lives in the Besluiten API and is not expanded (400).",
)


@extend_schema_field({"type": "string", "format": "uri", "maxLength": 1000})
class UriField(serializers.CharField):
    """A URL checked by resolving it (``uuid_from_url``), so hosts like ``testserver``
    pass the field and fail only if they are not one of our besluiten."""


class ZaakBesluitSerializer(serializers.Serializer):  # type: ignore[type-arg]
    url = serializers.SerializerMethodField()
    uuid = serializers.UUIDField(read_only=True)
    besluit = UriField(max_length=1000)

    def get_url(self, obj: Besluit) -> str:
        return str(
            reverse(
                "zaken:zaakbesluit-detail",
                kwargs={"zaak_uuid": obj.zaak.uuid, "uuid": obj.uuid},  # type: ignore[union-attr]
                request=self.context.get("request"),
            )
        )

    def to_representation(self, instance: Besluit) -> Any:
        return {
            "url": self.get_url(instance),
            "uuid": str(instance.uuid),
            "besluit": reverse(
                "besluiten:besluit-detail",
                kwargs={"uuid": instance.uuid},
                request=self.context.get("request"),
            ),
        }


@uuid_path("zaak_uuid")
@extend_schema_view(
    list=extend_schema(operation_id="zaakbesluit_list", parameters=[EXPAND]),
    create=extend_schema(operation_id="zaakbesluit_create"),
    retrieve=extend_schema(operation_id="zaakbesluit_retrieve", parameters=[EXPAND]),
    destroy=extend_schema(operation_id="zaakbesluit_destroy"),
)
class ZaakBesluitViewSet(ZaakNestedMixin, ScopedReadOnlyViewSet):  # type: ignore[misc]
    api_version = API_VERSION
    component = "zrc"
    http_method_names = ["get", "post", "delete", "head"]
    required_scopes = {
        "list": READ,
        "retrieve": READ,
        "create": UPDATE,
        "destroy": UPDATE,
    }
    extra_query_params = {"list": ("expand",), "retrieve": ("expand",)}
    serializer_class = ZaakBesluitSerializer
    renderer_classes = [ZakenJSONRenderer]
    pagination_class = None
    # A besluit of the zaak concerns the zaak's persons (as the Besluiten API logs).
    reads_personal_data = True
    verwerking_objecttype = "zaakbesluit"

    def unscoped(self) -> Any:
        besluiten = Besluit.objects.select_related("zaak")
        if getattr(self, "swagger_fake_view", False):
            return besluiten
        return besluiten.filter(zaak=self.parent_zaak())

    def scope(self, queryset: Any) -> Any:
        return queryset  # of the zaak, found through zaken_scope

    def persons_of(self, objects: Sequence[Any], expanded: Expanded) -> list[Party]:
        return persons_of_zaken({self.parent_zaak().pk})

    def initial(self, request: Request, *args: Any, **kwargs: Any) -> None:
        super().initial(request, *args, **kwargs)
        # The only relation, `besluit`, lives in the Besluiten API (decision 0011).
        value = request.query_params.get("expand", "")
        for path in (part.strip() for part in value.split(",")):
            if path:
                raise ValidationError({"expand": [f"{path} cannot be expanded."]}, code="invalid")

    def check_write(self, zaak: Zaak) -> None:
        principal: Any = self.request.user
        if not policy.may_on_zaak(principal, zaak, *UPDATE):
            raise PermissionDenied("No rights for the zaaktype of this zaak.")
        if zaak.einddatum is not None and not policy.may_on_zaak(principal, zaak, FORCED):
            raise PermissionDenied("The zaak is closed: this needs zaken.geforceerd-bijwerken.")

    def create(self, request: Request, *args: Any, **kwargs: Any) -> Response:
        zaak = self.parent_zaak()
        self.check_write(zaak)
        serializer = self.get_serializer(data=request.data)
        serializer.is_valid(raise_exception=True)
        uuid = uuid_from_url(
            serializer.validated_data["besluit"], "besluiten:besluit-detail", "besluit"
        )
        besluit = Besluit.objects.select_related("zaak").filter(uuid=uuid).first()
        if besluit is None or besluit.zaak_id != zaak.pk:
            raise ValidationError(
                {"besluit": ["The besluit does not name this zaak (brc-006)."]},
                code="inconsistent-relation",
            )
        return Response(self.get_serializer(besluit).data, status=status.HTTP_201_CREATED)

    def destroy(self, request: Request, *args: Any, **kwargs: Any) -> Response:
        zaak = self.parent_zaak()
        self.check_write(zaak)
        if self.get_queryset().filter(uuid=self.kwargs["uuid"]).exists():
            raise ValidationError(
                {"besluit": ["The besluit still names this zaak; change the besluit first."]},
                code="inconsistent-relation",
            )
        raise Http404
