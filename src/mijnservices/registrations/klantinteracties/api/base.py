"""The viewset every Klantinteracties 0.9.0 collection shares: ``kic`` scopes, the
vertrouwelijk rule from ``services.access.klantinteracties``, ``expand`` (only the paths the
spec lists, rendered from prefetched rows) and writes through the registration's services."""

from __future__ import annotations

import builtins
from collections.abc import Iterable
from datetime import date, datetime, time
from typing import Any, ClassVar

from django.db import models
from django.utils import timezone
from drf_spectacular.types import OpenApiTypes
from drf_spectacular.utils import OpenApiParameter
from rest_framework import status
from rest_framework.request import Request
from rest_framework.response import Response

from mijnservices.api.pagination import ZGWSizedPagination
from mijnservices.api.scoped import Expanded, ScopedModelViewSet
from mijnservices.registrations.klantinteracties import services
from mijnservices.services.access import klantinteracties as access

API_VERSION = "0.9.0"
READ = (access.LEZEN,)
WRITE = (access.BIJWERKEN,)


def expand_parameter(*choices: str) -> OpenApiParameter:
    return OpenApiParameter(
        "expand",
        OpenApiTypes.STR,
        description=(
            "Comma-separated relations to include under `_expand`: " + ", ".join(choices) + "."
        ),
    )


def as_datetime(value: date | datetime | None) -> datetime | None:
    if value is None or isinstance(value, datetime):
        return value
    return timezone.make_aware(datetime.combine(value, time()))


class KlantinteractiesViewSet(ScopedModelViewSet):
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
    model: ClassVar[type[models.Model]]
    #: lookup from this model to its klantcontact (for the vertrouwelijk rule); None: none
    via: ClassVar[str | None] = None
    select: ClassVar[tuple[str, ...]] = ()
    prefetch: ClassVar[tuple[Any, ...]] = ()
    #: expand path -> the prefetches it needs
    expandable: ClassVar[dict[str, tuple[Any, ...]]] = {}
    forbidden_detail = "No rights to read this object."
    # Partijen, digitale adressen, klantcontacten and betrokkenen name a party and log
    # their reads (they say so); the other collections answer with no party of their own.
    reads_personal_data = False
    verwerking_doel = "Klantcontacten en contactgegevens beheren (Klantinteracties API)"

    # --- reads -------------------------------------------------------------------------
    def unscoped(self) -> Any:
        return self.model._default_manager.all()

    def scope(self, queryset: Any) -> Any:
        if not access.client_may(self.principal, access.LEZEN):
            return queryset.none()
        if self.via is None:
            return queryset
        return access.klantcontacten_visible_to_client(queryset, self.principal, via=self.via)

    def get_queryset(self) -> Any:
        if getattr(self, "swagger_fake_view", False):
            return super().get_queryset()
        queryset = super().get_queryset().order_by("pk")
        if self.select:
            queryset = queryset.select_related(*self.select)
        prefetch: list[Any] = list(self.prefetch_for_client())
        if self.action in ("list", "retrieve"):
            for path in self.expand_paths():
                prefetch.extend(self.expandable[path])
        return queryset.prefetch_related(*prefetch) if prefetch else queryset

    def prefetch_for_client(self) -> Iterable[Any]:
        return self.prefetch

    def allowed_query_params(self) -> set[str]:
        allowed = super().allowed_query_params()
        if self.expandable and self.action in ("list", "retrieve"):
            allowed.add("expand")
        return allowed

    def expand_paths(self) -> list[str]:
        return self.expand_request(self.expandable) if self.expandable else []

    def expansion(self, obj: Any, paths: list[str]) -> dict[str, Any]:
        """``_expand`` of one object (from prefetched rows: no queries)."""
        return {}

    def expand_page(self, objects: builtins.list[Any], data: builtins.list[Any]) -> Expanded:
        paths = self.expand_paths() if self.action in ("list", "retrieve") else []
        if paths:
            for obj, item in zip(objects, data, strict=True):
                item["_expand"] = self.expansion(obj, paths)
        return {}

    def rendered(self, obj: Any) -> Any:
        """One object as a read answers it (after a write: not logged, nothing was read)."""
        data = self.serialize_page([obj])
        self.expand_page([obj], data)
        return data[0]

    # --- writes ------------------------------------------------------------------------
    def to_values(self, validated: dict[str, Any]) -> dict[str, Any]:
        """Validated data -> model field values (override for conversions)."""
        return validated

    def split_many(
        self, values: dict[str, Any]
    ) -> tuple[dict[str, Any], dict[str, builtins.list[Any]]]:
        names = {field.name for field in self.model._meta.many_to_many}
        many = {name: values.pop(name) for name in list(values) if name in names}
        return values, many

    def reread(self, obj: Any) -> Any:
        return self.get_queryset().get(pk=obj.pk)

    def create(self, request: Request, *args: Any, **kwargs: Any) -> Response:
        serializer = self.get_serializer(data=request.data)
        serializer.is_valid(raise_exception=True)
        values, many = self.split_many(self.to_values(dict(serializer.validated_data)))
        obj = self.perform_write(None, values, many)
        return Response(self.rendered(self.reread(obj)), status=status.HTTP_201_CREATED)

    def update(self, request: Request, *args: Any, **kwargs: Any) -> Response:
        obj = self.get_object()
        serializer = self.get_serializer(
            obj, data=request.data, partial=kwargs.get("partial", False)
        )
        serializer.is_valid(raise_exception=True)
        values, many = self.split_many(self.to_values(dict(serializer.validated_data)))
        obj = self.perform_write(obj, values, many)
        return Response(self.rendered(self.reread(obj)))

    def perform_write(
        self, obj: Any, values: dict[str, Any], many: dict[str, builtins.list[Any]]
    ) -> Any:
        if obj is None:
            return services.record_create(model=self.model, values=values, many=many)
        return services.record_update(record=obj, values=values, many=many)

    def destroy(self, request: Request, *args: Any, **kwargs: Any) -> Response:
        services.record_delete(record=self.get_object())
        return Response(status=status.HTTP_204_NO_CONTENT)
