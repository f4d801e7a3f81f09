"""Eigenschappen: properties zaken of a zaaktype carry, with their specificatie."""

from __future__ import annotations

from rest_framework import serializers

from mijnservices.registrations.catalogi import services
from mijnservices.registrations.catalogi.api.serializers.base import link, self_link
from mijnservices.registrations.catalogi.api.serializers.subtypes import DERIVED, ZaaktypeDerived
from mijnservices.registrations.catalogi.models import Eigenschap, Formaat, StatusType

SPECIFICATIE_FIELDS = ("groep", "formaat", "lengte", "kardinaliteit", "waardenverzameling")


class EigenschapSpecificatieSerializer(serializers.Serializer):  # type: ignore[type-arg]
    groep = serializers.CharField(max_length=32, required=False, allow_blank=True)
    formaat = serializers.ChoiceField(choices=Formaat.choices)
    lengte = serializers.CharField(max_length=14)
    kardinaliteit = serializers.CharField(max_length=3)
    waardenverzameling = serializers.ListField(
        child=serializers.CharField(max_length=100), required=False
    )


class EigenschapSerializer(ZaaktypeDerived):
    create_service = services.eigenschap_create
    update_service = services.eigenschap_update
    instance_argument = "eigenschap"

    url = self_link("eigenschap")
    specificatie = EigenschapSpecificatieSerializer(source="*")
    statustype = link(
        "statustype", queryset=StatusType.objects.all(), required=False, allow_null=True
    )

    class Meta:
        model = Eigenschap
        fields = [
            "url",
            "naam",
            "definitie",
            "specificatie",
            "toelichting",
            "zaaktype",
            "zaaktype_identificatie",
            "catalogus",
            "statustype",
            *DERIVED,
        ]
