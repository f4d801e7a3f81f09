"""Building blocks of the Klantinteracties 0.9.0 representations: references
(``{uuid, url}``), lists of references, addresses and the flat identificator groups."""

from __future__ import annotations

import uuid as uuid_lib
from typing import Any

from django.db import models
from drf_spectacular.utils import extend_schema_field
from rest_framework import serializers

from mijnservices.registrations.klantinteracties.services import MOUNT

REF_SCHEMA: dict[str, Any] = {
    "type": "object",
    "properties": {
        "uuid": {"type": "string", "format": "uuid"},
        "url": {"type": "string", "format": "uri", "readOnly": True},
    },
    "required": ["uuid", "url"],
}


def resource_url(context: dict[str, Any], collection: str, uuid: Any) -> str:
    """The absolute URL of a resource; the request's base is computed once per response."""
    base = context.get("_ki_base")
    if base is None:
        base = context["request"].build_absolute_uri(MOUNT)
        context["_ki_base"] = base
    return f"{base}/{collection}/{uuid}"


@extend_schema_field(REF_SCHEMA)
class Ref(serializers.Field):  # type: ignore[type-arg]
    """A reference to another resource of this API: ``{"uuid": …, "url": …}``. Written as
    ``{"uuid": …}`` (the url is read-only, as the spec says)."""

    def __init__(self, model: type[models.Model], collection: str, **kwargs: Any) -> None:
        self.model = model
        self.collection = collection
        super().__init__(**kwargs)

    def to_representation(self, value: Any) -> dict[str, str]:
        return {
            "uuid": str(value.uuid),
            "url": resource_url(self.context, self.collection, value.uuid),
        }

    def to_internal_value(self, data: Any) -> Any:
        uuid = data.get("uuid") if isinstance(data, dict) else None
        if not uuid:
            raise serializers.ValidationError("Give the uuid of the object.", code="required")
        try:
            parsed = uuid_lib.UUID(str(uuid))
        except ValueError as exc:
            raise serializers.ValidationError("Not a valid uuid.", code="invalid") from exc
        found = self.model._default_manager.filter(uuid=parsed).first()
        if found is None:
            raise serializers.ValidationError("The object does not exist.", code="does_not_exist")
        return found


@extend_schema_field({"type": "array", "items": REF_SCHEMA, "readOnly": True})
class RefList(serializers.Field):  # type: ignore[type-arg]
    """A read-only list of references over a (prefetched) to-many relation."""

    def __init__(self, collection: str, **kwargs: Any) -> None:
        self.collection = collection
        kwargs["read_only"] = True
        super().__init__(**kwargs)

    def to_representation(self, value: Any) -> list[dict[str, str]]:
        items = value.all() if hasattr(value, "all") else value
        return [
            {"uuid": str(item.uuid), "url": resource_url(self.context, self.collection, item.uuid)}
            for item in items
        ]


class WritableRefList(serializers.ListField):  # type: ignore[type-arg]
    """A writable list of references (a many-to-many relation)."""

    def __init__(self, model: type[models.Model], collection: str, **kwargs: Any) -> None:
        self.collection = collection
        super().__init__(child=Ref(model, collection), **kwargs)

    def to_representation(self, data: Any) -> list[Any]:
        items = data.all() if hasattr(data, "all") else data
        return [self.child.to_representation(item) for item in items]  # type: ignore[union-attr]


class AdresSerializer(serializers.Serializer):  # type: ignore[type-arg]
    """Bezoek- and correspondentieadres (stored as JSON, under the spec's own names)."""

    nummeraanduiding_id = serializers.RegexField(r"^[0-9]{16}$", required=False, allow_blank=True)
    straatnaam = serializers.CharField(max_length=255, required=False, allow_blank=True)
    huisnummer = serializers.IntegerField(
        min_value=1, max_value=99999, required=False, allow_null=True
    )
    huisnummertoevoeging = serializers.CharField(max_length=20, required=False, allow_blank=True)
    postcode = serializers.RegexField(
        r"^[1-9][0-9]{3} [A-Z]{2}$", max_length=7, required=False, allow_blank=True
    )
    stad = serializers.CharField(max_length=255, required=False, allow_blank=True)
    adresregel1 = serializers.CharField(max_length=80, required=False, allow_blank=True)
    adresregel2 = serializers.CharField(max_length=80, required=False, allow_blank=True)
    adresregel3 = serializers.CharField(max_length=80, required=False, allow_blank=True)
    land = serializers.CharField(min_length=2, max_length=2, required=False, allow_blank=True)

    def to_representation(self, instance: Any) -> Any:
        if not instance:
            return None
        return {_snake(k): v for k, v in instance.items()}

    def to_internal_value(self, data: Any) -> Any:
        if isinstance(data, dict):
            # The camelCase parser reads ``adresregel1`` as ``adresregel_1``.
            data = {k.replace("adresregel_", "adresregel"): v for k, v in data.items()}
        values = super().to_internal_value(data)
        # Stored as Open Klant stores it: the spec's (camelCase) names; blank ones left out.
        return {_camel(k): v for k, v in values.items() if v not in ("", None)}


class ContactnaamSerializer(serializers.Serializer):  # type: ignore[type-arg]
    voorletters = serializers.CharField(max_length=10, required=False, allow_blank=True)
    voornaam = serializers.CharField(max_length=200, required=False, allow_blank=True)
    voorvoegsel_achternaam = serializers.CharField(max_length=10, required=False, allow_blank=True)
    achternaam = serializers.CharField(max_length=200, required=False, allow_blank=True)

    def to_representation(self, instance: Any) -> Any:
        if not instance:
            return None
        return {_snake(k): v for k, v in instance.items()}

    def to_internal_value(self, data: Any) -> Any:
        return {_camel(k): v for k, v in super().to_internal_value(data).items()}


class ObjectIdentificatorSerializer(serializers.Serializer):  # type: ignore[type-arg]
    """The four flat columns of an onderwerpobject-, bijlage- or actoridentificator."""

    object_id = serializers.CharField(max_length=200, required=False, allow_blank=True)
    code_objecttype = serializers.CharField(max_length=200, required=False, allow_blank=True)
    code_register = serializers.CharField(max_length=200, required=False, allow_blank=True)
    code_soort_object_id = serializers.CharField(max_length=200, required=False, allow_blank=True)


def _camel(name: str) -> str:
    head, *rest = name.split("_")
    return head + "".join(part[:1].upper() + part[1:] for part in rest)


def _snake(name: str) -> str:
    return "".join(f"_{c.lower()}" if c.isupper() else c for c in name)


def naam(contactnaam: dict[str, Any] | None) -> str:
    """``volledigeNaam`` from a contactnaam."""
    parts: tuple[str, ...] = ("voorletters", "voornaam", "voorvoegselAchternaam", "achternaam")
    names = contactnaam or {}
    if names.get("voornaam"):
        parts = ("voornaam", "voorvoegselAchternaam", "achternaam")
    return " ".join(str(names[p]) for p in parts if names.get(p))
