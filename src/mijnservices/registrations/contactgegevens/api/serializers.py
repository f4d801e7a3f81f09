"""Contactgegevens 1.1.1 representations."""

from __future__ import annotations

from typing import Any

from rest_framework import serializers

from mijnservices.registrations.contactgegevens.models import Geslacht
from mijnservices.registrations.klantinteracties.api.fields import AdresSerializer


class _Base(serializers.Serializer):  # type: ignore[type-arg]
    resource = ""
    uuid = serializers.UUIDField(read_only=True)
    url = serializers.SerializerMethodField()
    adres = AdresSerializer(required=False, allow_null=True)

    def get_url(self, obj: Any) -> str:
        return self.context["request"].build_absolute_uri(  # type: ignore[no-any-return]
            f"/contactgegevens/api/v1/{self.resource}/{obj.uuid}"
        )

    def validate(self, attrs: dict[str, Any]) -> dict[str, Any]:
        if "adres" in attrs and attrs["adres"] is None:
            attrs["adres"] = {}
        return attrs


class PersoonSerializer(_Base):
    resource = "persoon"
    geboortedatum = serializers.DateField()
    overlijdensdatum = serializers.DateField(required=False, allow_null=True)
    geslachtsnaam = serializers.CharField(max_length=200)
    geslacht = serializers.ChoiceField(choices=Geslacht.choices, required=False, allow_blank=True)
    voorvoegsel = serializers.CharField(max_length=10, required=False, allow_blank=True)
    voornamen = serializers.CharField(max_length=200, required=False, allow_blank=True)

    def validate(self, attrs: dict[str, Any]) -> dict[str, Any]:
        attrs = super().validate(attrs)
        born = attrs.get("geboortedatum", getattr(self.instance, "geboortedatum", None))
        died = attrs.get("overlijdensdatum", getattr(self.instance, "overlijdensdatum", None))
        if born and died and died < born:
            raise serializers.ValidationError(
                {"overlijdensdatum": ["Cannot be before the geboortedatum."]}, code="invalid"
            )
        return attrs


class OrganisatieSerializer(_Base):
    resource = "organisatie"
    handelsnaam = serializers.CharField(max_length=255)
    oprichtingsdatum = serializers.DateField(required=False, allow_null=True)
    opheffingsdatum = serializers.DateField(required=False, allow_null=True)
