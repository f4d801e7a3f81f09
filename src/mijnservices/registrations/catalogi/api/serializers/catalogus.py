from __future__ import annotations

from typing import Any

from rest_framework import serializers

from mijnservices.registrations.catalogi import services
from mijnservices.registrations.catalogi.api.serializers.base import (
    ServiceModelSerializer,
    links,
    self_link,
)
from mijnservices.registrations.catalogi.models import Catalogus


class CatalogusSerializer(ServiceModelSerializer):
    create_service = services.catalogus_create
    update_service = services.catalogus_update
    instance_argument = "catalogus"

    url = self_link("catalogus")
    zaaktypen = links("zaaktype")
    besluittypen = links("besluittype")
    besluittype_omschrijving = serializers.SerializerMethodField()
    informatieobjecttypen = links("informatieobjecttype")
    informatieobjecttype_omschrijving = serializers.SerializerMethodField()
    naam = serializers.CharField(max_length=200, allow_null=True, required=False, allow_blank=True)
    versie = serializers.CharField(max_length=20, allow_null=True, required=False, allow_blank=True)

    class Meta:
        model = Catalogus
        fields = [
            "url",
            "domein",
            "rsin",
            "contactpersoon_beheer_naam",
            "contactpersoon_beheer_telefoonnummer",
            "contactpersoon_beheer_emailadres",
            "zaaktypen",
            "besluittypen",
            "besluittype_omschrijving",
            "informatieobjecttypen",
            "informatieobjecttype_omschrijving",
            "naam",
            "versie",
            "begindatum_versie",
        ]

    def get_besluittype_omschrijving(self, obj: Catalogus) -> list[str]:
        return sorted({besluittype.omschrijving for besluittype in obj.besluittypen.all()})

    def get_informatieobjecttype_omschrijving(self, obj: Catalogus) -> list[str]:
        return sorted({iot.omschrijving for iot in obj.informatieobjecttypen.all()})

    def to_representation(self, instance: Catalogus) -> dict[str, Any]:
        data = dict(super().to_representation(instance))
        # format: email does not allow "": an unknown address is left out (not required).
        if not data.get("contactpersoon_beheer_emailadres"):
            data.pop("contactpersoon_beheer_emailadres", None)
        return data

    def create(self, validated_data: dict[str, Any]) -> Catalogus:
        data = dict(validated_data)
        return services.catalogus_create(
            domein=data.pop("domein"),
            rsin=data.pop("rsin"),
            naam=data.pop("naam", ""),
            contactpersoon=data.pop("contactpersoon_beheer_naam"),
            **data,
        )

    def validate(self, attrs: dict[str, object]) -> dict[str, object]:
        for key in ("naam", "versie"):
            if attrs.get(key, "") is None:
                attrs[key] = ""
        return attrs
