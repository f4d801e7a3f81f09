"""The viewset every Klantinteracties 0.9.0 collection shares: ``kic`` scopes, the
vertrouwelijk rule from ``services.access.klantinteracties``, ``expand`` (only the paths the
spec lists, rendered from prefetched rows) and writes through the registration's services."""

from __future__ import annotations

import builtins
from collections.abc import Iterable
from datetime import date, datetime, time
from typing import Any, ClassVar

from django.db import models
from django.http import Http404
from django.utils import timezone
from drf_spectacular.types import OpenApiTypes
from drf_spectacular.utils import OpenApiParameter
from rest_framework import status
from rest_framework.exceptions import PermissionDenied, ValidationError
from rest_framework.request import Request
from rest_framework.response import Response

from mijnservices.api.pagination import ZGWSizedPagination
from mijnservices.api.viewsets import ZGWModelViewSet
from mijnservices.core.identity import ApiClient
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


class KlantinteractiesViewSet(ZGWModelViewSet):
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

    @property
    def principal(self) -> ApiClient:
        return self.request.user  # type: ignore[return-value]

    # --- reads -------------------------------------------------------------------------
    def unscoped(self) -> Any:
        return self.model._default_manager.all()

    def scoped(self, queryset: Any) -> Any:
        if not access.client_may(self.principal, access.LEZEN):
            return queryset.none()
        if self.via is None:
            return queryset
        return access.klantcontacten_visible_to_client(queryset, self.principal, via=self.via)

    def get_queryset(self) -> Any:
        if getattr(self, "swagger_fake_view", False):
            return self.model._default_manager.none()
        queryset = self.scoped(self.unscoped()).order_by("pk")
        if self.select:
            queryset = queryset.select_related(*self.select)
        prefetch: list[Any] = list(self.prefetch_for_client())
        if self.action in ("list", "retrieve"):
            for path in self.expand_paths():
                prefetch.extend(self.expandable[path])
        return queryset.prefetch_related(*prefetch) if prefetch else queryset

    def prefetch_for_client(self) -> Iterable[Any]:
        return self.prefetch

    def get_object(self) -> Any:
        uuid = self.kwargs["uuid"]
        obj = self.get_queryset().filter(uuid=uuid).first()
        if obj is None:
            if self.unscoped().filter(uuid=uuid).exists():
                raise PermissionDenied("No rights to read this object.")
            raise Http404
        return obj

    def allowed_query_params(self) -> set[str]:
        allowed = super().allowed_query_params()
        if self.expandable and self.action in ("list", "retrieve"):
            allowed.add("expand")
        return allowed

    def expand_paths(self) -> list[str]:
        value = self.request.query_params.get("expand", "") if self.expandable else ""
        paths = [path.strip() for path in value.split(",") if path.strip()]
        for path in paths:
            if path not in self.expandable:
                raise ValidationError({"expand": [f"{path} cannot be expanded."]}, code="invalid")
        return paths

    def expansion(self, obj: Any, paths: list[str]) -> dict[str, Any]:
        """``_expand`` of one object (from prefetched rows: no queries)."""
        return {}

    def render(self, objects: list[Any]) -> Any:
        data = self.get_serializer(objects, many=True).data
        paths = self.expand_paths() if self.action in ("list", "retrieve") else []
        if paths:
            for obj, item in zip(objects, data, strict=True):
                item["_expand"] = self.expansion(obj, paths)
        return data

    def list(self, request: Request, *args: Any, **kwargs: Any) -> Response:
        queryset = self.filter_queryset(self.get_queryset())
        page = self.paginate_queryset(queryset)
        objects = list(page if page is not None else queryset)
        data = self.render(objects)
        self.after_read(objects)
        if page is not None:
            return self.get_paginated_response(data)
        return Response(data)

    def retrieve(self, request: Request, *args: Any, **kwargs: Any) -> Response:
        obj = self.get_object()
        data = self.render([obj])[0]
        self.after_read([obj])
        return Response(data)

    def after_read(self, objects: builtins.list[Any]) -> None:
        log = getattr(self, "log_personal_reads", None)
        if log is not None:
            log(objects)

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
        return Response(self.render([self.reread(obj)])[0], status=status.HTTP_201_CREATED)

    def update(self, request: Request, *args: Any, **kwargs: Any) -> Response:
        obj = self.get_object()
        serializer = self.get_serializer(
            obj, data=request.data, partial=kwargs.get("partial", False)
        )
        serializer.is_valid(raise_exception=True)
        values, many = self.split_many(self.to_values(dict(serializer.validated_data)))
        obj = self.perform_write(obj, values, many)
        return Response(self.render([self.reread(obj)])[0])

    def perform_write(
        self, obj: Any, values: dict[str, Any], many: dict[str, builtins.list[Any]]
    ) -> Any:
        if obj is None:
            return services.record_create(model=self.model, values=values, many=many)
        return services.record_update(record=obj, values=values, many=many)

    def destroy(self, request: Request, *args: Any, **kwargs: Any) -> Response:
        services.record_delete(record=self.get_object())
        return Response(status=status.HTTP_204_NO_CONTENT)
