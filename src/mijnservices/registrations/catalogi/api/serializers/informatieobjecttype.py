from __future__ import annotations

from typing import Any

from drf_spectacular.utils import extend_schema_field
from rest_framework import serializers

from mijnservices.registrations.catalogi import services
from mijnservices.registrations.catalogi.api.serializers.base import (
    URL_LIST,
    ServiceModelSerializer,
    catalogi_index,
    link,
    self_link,
    url_of,
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
    # ztc-010/011: the Catalogi API refuses relations to published types (concept_relations).
    relation_rules = True

    url = self_link("informatieobjecttype")
    catalogus = link("catalogus", queryset=Catalogus.objects.all())
    zaaktypen = serializers.SerializerMethodField()
    zaaktype_identificaties = serializers.SerializerMethodField()
    besluittypen = serializers.SerializerMethodField()
    besluittype_omschrijving = serializers.SerializerMethodField()
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

    # Catalogi 1.3: zaaktypen name an informatieobjecttype through a ZIOT, besluittypen in
    # their own list, both by omschrijving; resolved per page through the catalogus index.
    def _zaaktypen(self, obj: InformatieObjectType) -> list[Any]:
        return catalogi_index(self.context).zaaktypen_with_ziot(obj)

    def _besluittypen(self, obj: InformatieObjectType) -> list[Any]:
        return catalogi_index(self.context).naming(
            "besluittype", obj.catalogus_id, "informatieobjecttypen", obj.omschrijving, obj
        )

    @extend_schema_field(URL_LIST)
    def get_zaaktypen(self, obj: InformatieObjectType) -> list[str]:
        return [url_of(self.context, "zaaktype", zaaktype) for zaaktype in self._zaaktypen(obj)]

    def get_zaaktype_identificaties(self, obj: InformatieObjectType) -> list[str]:
        return sorted({zaaktype.identificatie for zaaktype in self._zaaktypen(obj)})

    @extend_schema_field(URL_LIST)
    def get_besluittypen(self, obj: InformatieObjectType) -> list[str]:
        return [url_of(self.context, "besluittype", b) for b in self._besluittypen(obj)]

    def get_besluittype_omschrijving(self, obj: InformatieObjectType) -> list[str]:
        return sorted({besluittype.omschrijving for besluittype in self._besluittypen(obj)})

    def to_representation(self, instance: InformatieObjectType) -> dict[str, object]:
        data = dict(super().to_representation(instance))
        if data.get("omschrijving_generiek") is None:
            data.pop("omschrijving_generiek", None)
        return data
