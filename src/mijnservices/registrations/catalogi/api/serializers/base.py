"""Shared pieces of the Catalogi serializers: links by uuid, writes through services."""

from __future__ import annotations

from collections.abc import Callable
from typing import Any, ClassVar

from django.db.models import Model
from drf_spectacular.utils import extend_schema_field
from rest_framework import serializers
from rest_framework.reverse import reverse

from mijnservices.api.fields import ISODurationField, ResourceLinkField
from mijnservices.registrations.catalogi.selectors import CatalogusIndex, catalogus_id_of


def link(view: str, **kwargs: Any) -> serializers.HyperlinkedRelatedField:  # type: ignore[type-arg]
    return ResourceLinkField(view_name=f"catalogi:{view}-detail", lookup_field="uuid", **kwargs)


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


def catalogi_index(context: dict[str, Any]) -> CatalogusIndex:
    """The request's index of catalogus versions (the viewset primes it per page)."""
    index = context.get("catalogi_index")
    if index is None:
        index = context["catalogi_index"] = CatalogusIndex()
    return index  # type: ignore[no-any-return]


def url_of(context: dict[str, Any], view: str, obj: Any) -> str:
    return reverse(
        f"catalogi:{view}-detail", kwargs={"uuid": obj.uuid}, request=context.get("request")
    )


@extend_schema_field(URL_LIST)
class ResolvedRelation(serializers.ListField):  # type: ignore[type-arg]
    """A Catalogi 1.3 version-independent relation: written as keys (omschrijvingen or
    identificaties of types in the same catalogus), read as the URLs of the versions those
    keys resolve to (see :mod:`mijnservices.registrations.catalogi.selectors`)."""

    def __init__(self, *, kind: str, attr: str, view: str, **kwargs: Any) -> None:
        kwargs.setdefault("child", serializers.CharField(max_length=100))
        super().__init__(**kwargs)
        self.kind, self.attr, self.view = kind, attr, view

    def get_attribute(self, instance: Any) -> Any:
        return instance

    def to_representation(self, instance: Any) -> list[str]:  # type: ignore[override]
        # Types bound to a zaaktype are geldig as long as their zaaktype is.
        holder = instance if hasattr(instance, "begin_geldigheid") else instance.zaaktype
        versions = catalogi_index(self.context).versions(
            self.kind,
            catalogus_id_of(instance),
            self.attr,
            getattr(instance, self.source_attrs[0]) or [],
            holder,
        )
        return [url_of(self.context, self.view, version) for version in versions]
