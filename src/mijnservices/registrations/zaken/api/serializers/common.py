"""Links between resources (by uuid) and the writes-through-services base serializer."""

from __future__ import annotations

import uuid
from collections.abc import Callable
from typing import Any, ClassVar

from django.core.exceptions import ObjectDoesNotExist
from django.db.models import Model, QuerySet
from drf_spectacular.types import OpenApiTypes
from drf_spectacular.utils import extend_schema_field
from rest_framework import serializers
from rest_framework.reverse import reverse

from mijnservices.api.field_cache import CachedFieldsMixin
from mijnservices.api.fields import ResourceLink, parse_iso_duration


def zaken_link(view: str, queryset: QuerySet[Any] | None = None, **kwargs: Any) -> Any:
    if queryset is None:
        kwargs.setdefault("read_only", True)
    return ResourceLink(
        view_name=f"zaken:{view}-detail", lookup_field="uuid", queryset=queryset, **kwargs
    )


def catalogi_link(
    view: str,
    queryset: QuerySet[Any],
    *,
    cached: Callable[[uuid.UUID], Model | None] | None = None,
    **kwargs: Any,
) -> Any:
    if cached is not None:
        kwargs["cached"] = cached
        return CachedLink(
            view_name=f"catalogi:{view}-detail", lookup_field="uuid", queryset=queryset, **kwargs
        )
    return ResourceLink(
        view_name=f"catalogi:{view}-detail", lookup_field="uuid", queryset=queryset, **kwargs
    )


class CachedLink(ResourceLink):
    """A link whose object comes from a per-process cache when it is there
    (``cached(uuid)``, e.g. a published zaaktype) and from the queryset otherwise: the same
    object, the same errors, without a query per request (decision 0045)."""

    def __init__(self, *, cached: Callable[[uuid.UUID], Model | None], **kwargs: Any) -> None:
        self.cached = cached
        super().__init__(**kwargs)

    def get_object(self, view_name: str, view_args: Any, view_kwargs: dict[str, Any]) -> Any:
        try:
            key = uuid.UUID(str(view_kwargs.get(self.lookup_url_kwarg)))
        except ValueError:
            raise ObjectDoesNotExist() from None
        found = self.cached(key)
        if found is not None:
            return found
        return super().get_object(view_name, view_args, view_kwargs)


def self_link(view: str) -> serializers.HyperlinkedIdentityField:
    return serializers.HyperlinkedIdentityField(
        view_name=f"zaken:{view}-detail", lookup_field="uuid"
    )


def absolute(context: dict[str, Any], path: str) -> str:
    request = context.get("request")
    return request.build_absolute_uri(path) if request is not None else path


def eigenschap_url(context: dict[str, Any], zaak_uuid: Any, uuid: Any) -> str:
    return reverse(
        "zaken:zaakeigenschap-detail",
        kwargs={"zaak_uuid": zaak_uuid, "uuid": uuid},
        request=context.get("request"),
    )


@extend_schema_field(OpenApiTypes.DURATION)
class DurationString(serializers.CharField):
    """An ISO 8601 duration kept as text inside a JSON group (``verlenging.duur``)."""

    def to_internal_value(self, data: Any) -> str:
        text = super().to_internal_value(data)
        if parse_iso_duration(text) is None:
            raise serializers.ValidationError("Give an ISO 8601 duration, e.g. P30D.")
        return text


@extend_schema_field({"type": "object", "additionalProperties": True})
class JSONObject(serializers.JSONField):
    def to_internal_value(self, data: Any) -> Any:
        value = super().to_internal_value(data)
        if value is not None and not isinstance(value, dict):
            raise serializers.ValidationError("Give a JSON object.")
        return value


class ServiceSerializer(CachedFieldsMixin, serializers.HyperlinkedModelSerializer):
    """Creates and updates through the zaken service functions, never ``.save()``."""

    # Its fields are built once per class (mijnservices.api.field_cache, decision 0045).

    create_service: ClassVar[Callable[..., Any]]
    update_service: ClassVar[Callable[..., Any] | None] = None
    instance_argument: ClassVar[str]
    # Optional attributes the standard's schema does not allow as null: left out instead.
    omit_when_null: ClassVar[tuple[str, ...]] = ()

    def to_representation(self, instance: Any) -> Any:
        data = super().to_representation(instance)
        for name in self.omit_when_null:
            if data.get(name) in (None, ""):
                data.pop(name, None)
        return data

    def create(self, validated_data: dict[str, Any]) -> Model:
        return type(self).create_service(**validated_data)  # type: ignore[no-any-return]

    def update(self, instance: Model, validated_data: dict[str, Any]) -> Model:
        service = type(self).update_service
        assert service is not None
        return service(**{self.instance_argument: instance}, **validated_data)  # type: ignore[no-any-return]
