from __future__ import annotations

from rest_framework import serializers

from mijnservices.registrations.catalogi import services
from mijnservices.registrations.catalogi.api.serializers.base import (
    EmptyList,
    ServiceModelSerializer,
    link,
    links,
    self_link,
)
from mijnservices.registrations.catalogi.models import Catalogus, InformatieObjectType


class OmschrijvingGeneriekSerializer(serializers.Serializer):  # type: ignore[type-arg]
    informatieobjecttype_omschrijving_generiek = serializers.CharField(max_length=80)
    definitie_informatieobjecttype_omschrijving_generiek = serializers.CharField(max_length=255)
    herkomst_informatieobjecttype_omschrijving_generiek = serializers.CharField(max_length=12)
    hierarchie_informatieobjecttype_omschrijving_generiek = serializers.CharField(max_length=80)
    opmerking_informatieobjecttype_omschrijving_generiek = serializers.CharField(
        max_length=255, required=False, allow_blank=True
    )


class InformatieObjectTypeSerializer(ServiceModelSerializer):
    create_service = services.informatieobjecttype_create
    update_service = services.informatieobjecttype_update
    instance_argument = "informatieobjecttype"

    url = self_link("informatieobjecttype")
    catalogus = link("catalogus", queryset=Catalogus.objects.all())
    zaaktypen = links("zaaktype")
    zaaktype_identificaties = serializers.SerializerMethodField()
    besluittypen = EmptyList()
    besluittype_omschrijving = EmptyList()
    begin_object = serializers.DateField(source="begin_geldigheid", read_only=True)
    einde_object = serializers.DateField(source="einde_geldigheid", read_only=True)
    trefwoord = serializers.ListField(child=serializers.CharField(max_length=30), required=False)
    omschrijving_generiek = OmschrijvingGeneriekSerializer(required=False)

    class Meta:
        model = InformatieObjectType
        fields = [
            "url",
            "catalogus",
            "omschrijving",
            "vertrouwelijkheidaanduiding",
            "begin_geldigheid",
            "einde_geldigheid",
            "begin_object",
            "einde_object",
            "concept",
            "zaaktypen",
            "zaaktype_identificaties",
            "besluittypen",
            "besluittype_omschrijving",
            "informatieobjectcategorie",
            "trefwoord",
            "omschrijving_generiek",
        ]
        read_only_fields = ["concept"]
        extra_kwargs = {
            "vertrouwelijkheidaanduiding": {"required": True},
            "informatieobjectcategorie": {"required": True, "allow_blank": False},
        }

    def get_zaaktype_identificaties(self, obj: InformatieObjectType) -> list[str]:
        return sorted({zaaktype.identificatie for zaaktype in obj.zaaktypen.all()})

    def to_representation(self, instance: InformatieObjectType) -> dict[str, object]:
        data = dict(super().to_representation(instance))
        if data.get("omschrijving_generiek") is None:
            data.pop("omschrijving_generiek", None)
        return data
