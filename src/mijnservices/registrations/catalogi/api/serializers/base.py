"""Shared pieces of the Catalogi serializers: links by uuid, writes through services."""

from __future__ import annotations

from collections.abc import Callable
from typing import Any, ClassVar

from django.db.models import Model
from drf_spectacular.utils import extend_schema_field
from rest_framework import serializers

from mijnservices.api.fields import ISODurationField


def link(view: str, **kwargs: Any) -> serializers.HyperlinkedRelatedField:  # type: ignore[type-arg]
    return serializers.HyperlinkedRelatedField(
        view_name=f"catalogi:{view}-detail", lookup_field="uuid", **kwargs
    )


def links(view: str) -> serializers.HyperlinkedRelatedField:  # type: ignore[type-arg]
    return link(view, many=True, read_only=True)


def self_link(view: str) -> serializers.HyperlinkedIdentityField:
    return serializers.HyperlinkedIdentityField(
        view_name=f"catalogi:{view}-detail", lookup_field="uuid"
    )


URL_LIST = {"type": "array", "items": {"type": "string", "format": "uri"}}


@extend_schema_field(URL_LIST)
class EmptyList(serializers.ReadOnlyField):
    """A relation the standard has and we do not model yet: always ``[]``."""

    def __init__(self, **kwargs: Any) -> None:
        super().__init__(source="pk", **kwargs)

    def to_representation(self, value: Any) -> list[str]:
        return []


class ServiceModelSerializer(serializers.HyperlinkedModelSerializer):
    """Creates and updates through the catalogi service functions, never ``.save()``."""

    create_service: ClassVar[Callable[..., Any]]
    update_service: ClassVar[Callable[..., Any]]
    instance_argument: ClassVar[str]
    serializer_field_mapping = {
        **serializers.HyperlinkedModelSerializer.serializer_field_mapping,
    }

    def build_standard_field(
        self, field_name: str, model_field: Any
    ) -> tuple[type, dict[str, Any]]:
        from django.db import models

        if isinstance(model_field, models.DurationField):
            kwargs: dict[str, Any] = {"required": not (model_field.null or model_field.blank)}
            if model_field.null:
                kwargs["allow_null"] = True
            return ISODurationField, kwargs
        return super().build_standard_field(field_name, model_field)  # type: ignore[no-any-return]

    def create(self, validated_data: dict[str, Any]) -> Model:
        return type(self).create_service(**validated_data)  # type: ignore[no-any-return]

    def update(self, instance: Model, validated_data: dict[str, Any]) -> Model:
        return type(self).update_service(**{self.instance_argument: instance}, **validated_data)  # type: ignore[no-any-return]


class UnsupportedRelation(serializers.ListField):  # type: ignore[type-arg]
    """A writable relation we do not model yet: reads ``[]``, accepts only ``[]``."""

    def get_attribute(self, instance: Any) -> list[str]:
        return []

    def to_internal_value(self, data: Any) -> list[Any]:
        value = super().to_internal_value(data)
        if value:
            raise serializers.ValidationError(
                "This relation is not supported yet; give an empty list.", code="not-supported"
            )
        return value
