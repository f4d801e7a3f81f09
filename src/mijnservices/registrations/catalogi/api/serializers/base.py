"""Shared pieces of the Catalogi serializers: links by uuid, writes through services."""

from __future__ import annotations

import uuid
from collections.abc import Callable
from typing import Any, ClassVar
from urllib.parse import urlparse

from django.apps import apps
from django.db.models import Model
from django.urls import Resolver404, resolve
from drf_spectacular.utils import extend_schema_field
from rest_framework import serializers
from rest_framework.reverse import reverse

from mijnservices.api.fields import ISODurationField, ResourceLink
from mijnservices.core.errors import DomainError
from mijnservices.core.identity import ApiClient
from mijnservices.registrations.catalogi.selectors import CatalogusIndex, catalogus_id_of
from mijnservices.registrations.catalogi.services._rules import OTHER_CATALOGUS
from mijnservices.services.access import policy


def link(view: str, **kwargs: Any) -> serializers.HyperlinkedRelatedField:  # type: ignore[type-arg]
    return ResourceLink(view_name=f"catalogi:{view}-detail", lookup_field="uuid", **kwargs)


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
    # Whether the service applies ztc-010/011 (``concept_relations``) to this client.
    relation_rules: ClassVar[bool] = False
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

    def _options(self) -> dict[str, Any]:
        if not self.relation_rules:
            return {}
        return {"refuse_published_relations": not forced_write(self.context)}

    def create(self, validated_data: dict[str, Any]) -> Model:
        return type(self).create_service(**validated_data, **self._options())  # type: ignore[no-any-return]

    def update(self, instance: Model, validated_data: dict[str, Any]) -> Model:
        return type(self).update_service(  # type: ignore[no-any-return]
            **{self.instance_argument: instance}, **validated_data, **self._options()
        )


def forced_write(context: dict[str, Any]) -> bool:
    """Whether the client holds ``catalogi.geforceerd-schrijven`` (Catalogi 1.2+): as in Open
    Zaak it lifts the rules about relations to published types (``concept_relations``)."""
    request = context.get("request")
    principal = getattr(request, "user", None)
    return isinstance(principal, ApiClient) and policy.has_scope(
        principal, "ztc", "catalogi.geforceerd-schrijven"
    )


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


def catalogi_object(url: str, view: str) -> Any:
    """The Catalogi object a URL of this API names, or a ``bad-url`` / ``does-not-exist`` error."""
    try:
        match = resolve(urlparse(url).path)
    except (Resolver404, ValueError):
        match = None
    if match is None or match.view_name != f"catalogi:{view}-detail":
        raise serializers.ValidationError(
            f"Give the URL of a {view} in this Catalogi API.", code="bad-url"
        )
    try:
        key = uuid.UUID(str(match.kwargs.get("uuid")))
    except ValueError:
        raise serializers.ValidationError("This URL names no object.", code="bad-url") from None
    model = apps.get_model("catalogi", view)
    found = model._default_manager.filter(uuid=key).first()
    if found is None:
        raise serializers.ValidationError(f"This {view} does not exist.", code="does-not-exist")
    return found


def holder_catalogus_id(serializer: Any) -> int | None:
    """The catalogus of the object a serializer writes: its instance's, or the one its
    ``catalogus`` or ``zaaktype`` URL names."""
    instance = getattr(serializer, "instance", None)
    if isinstance(instance, Model):
        return catalogus_id_of(instance)
    initial = getattr(serializer, "initial_data", None)
    if not isinstance(initial, dict):
        return None
    for name, view in (("catalogus", "catalogus"), ("zaaktype", "zaaktype")):
        if isinstance(initial.get(name), str):
            try:
                return catalogus_id_of(catalogi_object(initial[name], view))
            except serializers.ValidationError:
                return None  # the holder's own field reports it
    return None


def ensure_same_catalogus(serializer: Any, related: Any, view: str) -> None:
    """ztc-013: a relation given as a URL names a type of the holder's own catalogus. The rule
    concerns the whole request, so it answers under nonFieldErrors, as Open Zaak's does."""
    holder = holder_catalogus_id(serializer)
    if holder is not None and catalogus_id_of(related) != holder:
        raise DomainError(f"This {view} belongs to another catalogus.", code=OTHER_CATALOGUS)


@extend_schema_field(URL_LIST)
class ResolvedRelation(serializers.ListField):  # type: ignore[type-arg]
    """A Catalogi 1.3 version-independent relation: written as keys (omschrijvingen or
    identificaties of types in the same catalogus) or as URLs of versions (typed ``uri`` in
    the 1.3.3 schema; Open Zaak takes them), read as the URLs of the versions those keys
    resolve to (see :mod:`mijnservices.registrations.catalogi.selectors`)."""

    def __init__(self, *, kind: str, attr: str, view: str, **kwargs: Any) -> None:
        kwargs.setdefault("child", serializers.CharField(max_length=1000))
        super().__init__(**kwargs)
        self.kind, self.attr, self.view = kind, attr, view

    def to_internal_value(self, data: Any) -> list[str]:
        keys: list[str] = []
        for value in super().to_internal_value(data):
            if not value.startswith(("http://", "https://")):
                keys.append(value)
                continue
            # A URL names one version; the relation keeps its key (version-independent).
            related = catalogi_object(value, self.view)
            ensure_same_catalogus(self.parent, related, self.view)
            keys.append(getattr(related, self.attr))
        return keys

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
