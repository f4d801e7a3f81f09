"""Berichten API 0.1.0 representations. Writes go through the berichten services."""

from __future__ import annotations

from typing import Any

from django.urls import reverse
from rest_framework import serializers

from mijnservices.registrations.berichten.models import Bericht
from mijnservices.registrations.taken.models import HandelingsPerspectief

URN = r"^urn:[A-Za-z0-9][A-Za-z0-9-]{0,30}[A-Za-z0-9]:.+$"


class UrnField(serializers.RegexField):
    def __init__(self, **kwargs: Any) -> None:
        kwargs.setdefault("max_length", 255)
        super().__init__(URN, **kwargs)


class IsGerelateerdAanSerializer(serializers.Serializer):  # type: ignore[type-arg]
    urn = UrnField()

    def to_representation(self, instance: Any) -> dict[str, str]:
        return {"urn": str(instance)}


class BijlageSerializer(serializers.Serializer):  # type: ignore[type-arg]
    informatie_object = UrnField()
    omschrijving = serializers.CharField(max_length=40, required=False, allow_blank=True)
    is_bericht_type_bijlage = serializers.BooleanField(required=False, default=False)


class BerichtSerializer(serializers.Serializer):  # type: ignore[type-arg]
    url = serializers.SerializerMethodField()
    urn = serializers.CharField(read_only=True)
    uuid = serializers.UUIDField(read_only=True)
    onderwerp = serializers.CharField(max_length=50)
    bericht_tekst = serializers.CharField(max_length=4000)
    publicatiedatum = serializers.DateTimeField(required=False, allow_null=True)
    referentie = serializers.CharField(max_length=25, required=False, allow_blank=True)
    ontvanger = UrnField()
    geopend_op = serializers.DateTimeField(read_only=True, allow_null=True)
    bericht_type = serializers.CharField(max_length=8, required=False, allow_blank=True)
    is_gerelateerd_aan = IsGerelateerdAanSerializer(many=True, required=False)
    handelings_perspectief = serializers.ChoiceField(
        choices=HandelingsPerspectief.choices, required=False, allow_blank=True
    )
    einddatum_handelings_termijn = serializers.DateField(required=False, allow_null=True)
    mijn_overheid_berichtenbox = serializers.BooleanField()
    bijlagen = BijlageSerializer(many=True, required=False)

    def get_url(self, obj: Bericht) -> str:
        path = reverse("berichten:bericht-detail", kwargs={"uuid": obj.uuid})
        return self.context["request"].build_absolute_uri(path)  # type: ignore[no-any-return]

    def to_representation(self, instance: Bericht) -> dict[str, Any]:
        data = super().to_representation(instance)
        data["bijlagen"] = BijlageSerializer(instance.bijlagen.all(), many=True).data
        data["is_gerelateerd_aan"] = [{"urn": urn} for urn in instance.is_gerelateerd_aan]
        return data  # type: ignore[no-any-return]


class BerichtGeopendOpSerializer(serializers.Serializer):  # type: ignore[type-arg]
    geopend_op = serializers.DateTimeField(allow_null=True)
