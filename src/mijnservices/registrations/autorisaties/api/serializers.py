"""Autorisaties API 1.1 ``Applicatie`` with embedded autorisaties. Secrets never leave."""

from __future__ import annotations

from typing import Any

from rest_framework import serializers

from mijnservices.registrations.autorisaties import services
from mijnservices.registrations.autorisaties.models import (
    TYPED_COMPONENTS,
    ZGW_COMPONENTS,
    Applicatie,
    Autorisatie,
    Component,
)
from mijnservices.registrations.catalogi.models import Vertrouwelijkheid


class AutorisatieSerializer(serializers.Serializer):  # type: ignore[type-arg]
    component = serializers.ChoiceField(
        choices=[(value, label) for value, label in Component.choices if value in ZGW_COMPONENTS]
    )
    component_weergave = serializers.SerializerMethodField()
    scopes = serializers.ListField(child=serializers.CharField(max_length=100, min_length=1))
    zaaktype = serializers.URLField(max_length=1000, required=False, allow_blank=True)
    informatieobjecttype = serializers.URLField(max_length=1000, required=False, allow_blank=True)
    besluittype = serializers.URLField(max_length=1000, required=False, allow_blank=True)
    max_vertrouwelijkheidaanduiding = serializers.ChoiceField(
        choices=Vertrouwelijkheid.choices, required=False, allow_blank=True
    )

    def get_component_weergave(self, obj: Autorisatie) -> str:
        return str(Component(obj.component).label)

    def to_representation(self, instance: Autorisatie) -> dict[str, Any]:
        data = super().to_representation(instance)
        typed_field = TYPED_COMPONENTS.get(Component(instance.component))
        for field in ("zaaktype", "informatieobjecttype", "besluittype"):
            if field != typed_field:
                data.pop(field, None)
        if typed_field is None:
            data.pop("max_vertrouwelijkheidaanduiding", None)
        return dict(data)


class ApplicatieSerializer(serializers.HyperlinkedModelSerializer):
    url = serializers.HyperlinkedIdentityField(
        view_name="autorisaties:applicatie-detail", lookup_field="uuid"
    )
    client_ids = serializers.ListField(
        child=serializers.CharField(max_length=50, min_length=1), source="client_id_list"
    )
    autorisaties = AutorisatieSerializer(many=True, required=False)

    class Meta:
        model = Applicatie
        fields = [
            "url",
            "client_ids",
            "label",
            "heeft_alle_autorisaties",
            "alleen_is_gereed_voor_publicatie",
            "autorisaties",
        ]

    def to_representation(self, instance: Applicatie) -> dict[str, Any]:
        instance.client_id_list = [c.client_id for c in instance.credentials.all()]  # type: ignore[attr-defined]
        data = dict(super().to_representation(instance))
        data["autorisaties"] = [
            item for item in data["autorisaties"] if item["component"] in ZGW_COMPONENTS
        ]
        return data

    @staticmethod
    def _arguments(data: dict[str, Any]) -> dict[str, Any]:
        arguments = dict(data)
        if "client_id_list" in arguments:
            arguments["client_ids"] = arguments.pop("client_id_list")
        if "autorisaties" in arguments:
            arguments["autorisaties"] = [
                {k: v for k, v in item.items() if v not in ("", None)}
                for item in arguments["autorisaties"]
            ]
        return arguments

    def create(self, validated_data: dict[str, Any]) -> Applicatie:
        return services.applicatie_create(**self._arguments(validated_data))

    def update(self, instance: Applicatie, validated_data: dict[str, Any]) -> Applicatie:
        arguments = self._arguments(validated_data)
        if not self.partial:
            arguments.setdefault("autorisaties", [])
            arguments.setdefault("heeft_alle_autorisaties", False)
        if "autorisaties" in arguments:
            # Rights on the non-ZGW APIs are not visible here, so a PUT must not erase them.
            arguments["autorisaties"] = list(arguments["autorisaties"]) + [
                services.autorisatie_as_data(a)
                for a in instance.autorisaties.exclude(component__in=ZGW_COMPONENTS)
            ]
        return services.applicatie_update(applicatie=instance, **arguments)
