"""Besluiten API 1.1 representations. Writes go through the besluiten services."""

from __future__ import annotations

from typing import Any

from drf_spectacular.utils import extend_schema_field
from rest_framework import serializers

from mijnservices.api.fields import ResourceLink
from mijnservices.api.remote import INFORMATIEOBJECT_KEYS, remote_field_check
from mijnservices.registrations.besluiten import services
from mijnservices.registrations.besluiten.models import (
    AuditTrail,
    Besluit,
    BesluitInformatieObject,
    Vervalreden,
)
from mijnservices.registrations.catalogi.models import BesluitType
from mijnservices.registrations.documenten.api.serializers import (
    AuditTrailSerializer as DocumentenAuditTrailSerializer,
)
from mijnservices.registrations.zaken.models import Zaak


def _link(view: str, **kwargs: Any) -> Any:
    return ResourceLink(view_name=view, lookup_field="uuid", **kwargs)


class BesluitSerializer(serializers.HyperlinkedModelSerializer):
    url = _link("besluiten:besluit-detail", read_only=True, source="*")
    besluittype = _link("catalogi:besluittype-detail", queryset=BesluitType.objects.all())
    zaak = _link(
        "zaken:zaak-detail",
        queryset=Zaak.objects.select_related("zaaktype"),
        required=False,
        allow_null=True,
    )
    vervalreden = serializers.ChoiceField(
        choices=Vervalreden.choices, required=False, allow_blank=True
    )
    vervalreden_weergave = serializers.SerializerMethodField()
    # Optional attributes the official schema does not allow as null or blank: left out.
    omit_when_empty = ("zaak", "vervalreden", "vervalreden_weergave")

    class Meta:
        model = Besluit
        fields = [
            "url",
            "identificatie",
            "verantwoordelijke_organisatie",
            "besluittype",
            "zaak",
            "datum",
            "toelichting",
            "bestuursorgaan",
            "ingangsdatum",
            "vervaldatum",
            "vervalreden",
            "vervalreden_weergave",
            "publicatiedatum",
            "verzenddatum",
            "uiterlijke_reactiedatum",
        ]
        extra_kwargs = {"identificatie": {"required": False}}
        validators: list[Any] = []  # brc-002 uniqueness is the service's (it generates one)

    def to_representation(self, instance: Besluit) -> Any:
        data = super().to_representation(instance)
        for name in self.omit_when_empty:
            if data.get(name) in (None, ""):
                data.pop(name, None)
        return data

    @extend_schema_field({"type": "string"})
    def get_vervalreden_weergave(self, obj: Besluit) -> str:
        return str(obj.get_vervalreden_display()) if obj.vervalreden else ""

    def create(self, validated_data: dict[str, Any]) -> Besluit:
        return services.besluit_create(**validated_data)

    def update(self, instance: Besluit, validated_data: dict[str, Any]) -> Besluit:
        return services.besluit_update(besluit=instance, **validated_data)


class BesluitInformatieObjectSerializer(serializers.HyperlinkedModelSerializer):
    url = _link("besluiten:besluitinformatieobject-detail", read_only=True, source="*")
    besluit = _link(
        "besluiten:besluit-detail", queryset=Besluit.objects.select_related("besluittype")
    )

    class Meta:
        model = BesluitInformatieObject
        fields = ["url", "informatieobject", "besluit"]
        validators: list[Any] = []  # uniqueness is checked by the service

    def validate_informatieobject(self, value: str) -> str:
        # brc-003: a document of another installation must answer as one.
        remote_field_check(value, kind="informatieobject", keys=INFORMATIEOBJECT_KEYS)
        return value

    def create(self, validated_data: dict[str, Any]) -> BesluitInformatieObject:
        return services.besluitinformatieobject_create(**validated_data)


class AuditTrailSerializer(DocumentenAuditTrailSerializer):  # same shape, own model
    class Meta(DocumentenAuditTrailSerializer.Meta):
        model = AuditTrail  # type: ignore[assignment]
