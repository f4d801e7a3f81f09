"""Verwerkingsacties and verwerkte objecten as the Logging Verwerkingen APIs 0.9 shape them.

Identifiers are stored as pseudonyms: a response names a person by the ``objectId`` the
client asked for, and otherwise by (the first 40 characters of) its pseudonym."""

from __future__ import annotations

from typing import Any

from drf_spectacular.utils import extend_schema_field
from rest_framework import serializers
from rest_framework.reverse import reverse

from mijnservices.api.fields import ISODurationField
from mijnservices.core.identity import ApiClient
from mijnservices.registrations.verwerkingen import services
from mijnservices.registrations.verwerkingen.models import (
    Vertrouwelijkheid,
    Verwerkingsactie,
    VerwerktObject,
)


def _compact(data: dict[str, Any]) -> dict[str, Any]:
    """Optional attributes without a value are left out (the specs allow no null or "")."""
    return {key: value for key, value in data.items() if value not in (None, "")}


class SoortGegevenSerializer(serializers.Serializer):  # type: ignore[type-arg]
    soort_gegeven = serializers.CharField(max_length=242)


class VerwerktObjectSerializer(serializers.Serializer):  # type: ignore[type-arg]
    url = serializers.SerializerMethodField()
    verwerkt_object_id = serializers.UUIDField(read_only=True)
    objecttype = serializers.ChoiceField(choices=[("persoon", "persoon")])
    soort_object_id = serializers.CharField(max_length=242)
    object_id = serializers.CharField(max_length=40)
    betrokkenheid = serializers.CharField(max_length=242, required=False, allow_blank=True)
    verwerkte_soorten_gegevens = SoortGegevenSerializer(many=True, required=False)

    @extend_schema_field({"type": "string", "format": "uri"})
    def get_url(self, obj: VerwerktObject) -> str:
        return reverse(
            "verwerkingen:verwerktobject-detail",
            kwargs={"verwerktObjectId": obj.verwerkt_object_id},
            request=self.context.get("request"),
        )

    def to_representation(self, instance: VerwerktObject) -> dict[str, Any]:
        known: dict[str, str] = self.context.get("known_ids", {})
        return _compact(
            {
                "url": self.get_url(instance),
                "verwerkt_object_id": str(instance.verwerkt_object_id),
                "objecttype": instance.objecttype,
                "soort_object_id": instance.soort_object_id,
                "object_id": known.get(instance.object_pseudonym, instance.object_pseudonym[:40]),
                "betrokkenheid": instance.betrokkenheid,
                "verwerkte_soorten_gegevens": [
                    {"soort_gegeven": item.get("soortGegeven", "")}
                    for item in instance.soorten_gegevens
                ],
            }
        )


ACTIE_FIELDS = [
    "actie_naam",
    "handeling_naam",
    "verwerking_naam",
    "verwerking_id",
    "verwerkingsactiviteit_id",
    "verwerkingsactiviteit_url",
    "vertrouwelijkheid",
    "bewaartermijn",
    "uitvoerder",
    "systeem",
    "gebruiker",
    "gegevensbron",
    "soort_afnemer_id",
    "afnemer_id",
    "verwerkingsactiviteit_id_afnemer",
    "verwerkingsactiviteit_url_afnemer",
    "verwerking_id_afnemer",
    "tijdstip",
]


class VerwerkingsactieSerializer(serializers.ModelSerializer):  # type: ignore[type-arg]
    url = serializers.HyperlinkedIdentityField(
        view_name="verwerkingen:verwerkingsactie-detail",
        lookup_field="actie_id",
        lookup_url_kwarg="actieId",
    )
    bewaartermijn = ISODurationField(required=False)
    uitvoerder = serializers.RegexField(r"^[0-9]{20}$", required=False, allow_blank=True)
    vertrouwelijkheid = serializers.ChoiceField(choices=Vertrouwelijkheid.choices)
    verwerkte_objecten = VerwerktObjectSerializer(many=True)

    class Meta:
        model = Verwerkingsactie
        fields = [
            "url",
            "actie_id",
            *ACTIE_FIELDS,
            "tijdstip_registratie",
            "verwerkte_objecten",
        ]
        read_only_fields = ["actie_id", "tijdstip_registratie"]
        extra_kwargs = {"gebruiker": {"max_length": 40}}

    def to_representation(self, instance: Verwerkingsactie) -> dict[str, Any]:
        data = super().to_representation(instance)
        for key in ("actie_id", "verwerking_id", "verwerkingsactiviteit_id"):
            if data.get(key) is not None:
                data[key] = str(data[key])
        return _compact(dict(data))

    def validate(self, attrs: dict[str, Any]) -> dict[str, Any]:
        """The caller logs only its own actions: ``systeem`` is its client id or label and
        ``gebruiker`` the caller itself; either is filled in from the caller when absent
        (docs/standards.md). Another value answers 400."""
        caller = self.context["request"].user
        if not isinstance(caller, ApiClient):  # pragma: no cover - the view authenticates
            return attrs
        systeem = attrs.get("systeem") or caller.label or caller.client_id
        if systeem not in (caller.client_id, caller.label):
            raise serializers.ValidationError(
                {"systeem": ["Give the calling system (its client id), or leave it out."]},
                code="client-mismatch",
            )
        gebruiker = attrs.get("gebruiker") or f"api_client:{caller.client_id}"
        if gebruiker not in (caller.client_id, f"api_client:{caller.client_id}"):
            raise serializers.ValidationError(
                {"gebruiker": ["Give the calling client (its client id), or leave it out."]},
                code="client-mismatch",
            )
        return {**attrs, "systeem": systeem, "gebruiker": gebruiker}

    def create(self, validated_data: dict[str, Any]) -> Verwerkingsactie:
        return services.verwerkingsactie_create(**validated_data)


class VerwerkingsactieBeperktSerializer(VerwerkingsactieSerializer):
    """Inzage: without systeem, gebruiker and gegevensbron."""

    class Meta(VerwerkingsactieSerializer.Meta):
        fields = [
            name
            for name in VerwerkingsactieSerializer.Meta.fields
            if name not in ("systeem", "gebruiker", "gegevensbron")
        ]


class VerwerktObjectInzageSerializer(VerwerktObjectSerializer):
    verwerkingsactie = VerwerkingsactieBeperktSerializer(source="actie", read_only=True)

    def to_representation(self, instance: VerwerktObject) -> dict[str, Any]:
        data = super().to_representation(instance)
        data["verwerkingsactie"] = VerwerkingsactieBeperktSerializer(
            instance.actie, context=self.context
        ).data
        return data
