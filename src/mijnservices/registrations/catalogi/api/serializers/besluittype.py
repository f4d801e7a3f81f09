"""Besluittypen: catalogus-level types; informatieobjecttypen named by omschrijving."""

from __future__ import annotations

from typing import Any

from drf_spectacular.utils import extend_schema_field
from rest_framework import serializers

from mijnservices.registrations.catalogi import services
from mijnservices.registrations.catalogi.api.serializers.base import (
    URL_LIST,
    ResolvedRelation,
    ServiceModelSerializer,
    catalogi_index,
    link,
    self_link,
    url_of,
)
from mijnservices.registrations.catalogi.models import BesluitType, Catalogus


class BesluitTypeSerializer(ServiceModelSerializer):
    create_service = services.besluittype_create
    update_service = services.besluittype_update
    instance_argument = "besluittype"
    # ztc-010/011: the Catalogi API refuses relations to published types (concept_relations).
    relation_rules = True

    url = self_link("besluittype")
    catalogus = link("catalogus", queryset=Catalogus.objects.all())
    zaaktypen = serializers.SerializerMethodField()
    zaaktype_identificaties = serializers.SerializerMethodField()
    informatieobjecttypen = ResolvedRelation(
        kind="informatieobjecttype", attr="omschrijving", view="informatieobjecttype"
    )
    informatieobjecttype_omschrijvingen = serializers.ListField(
        source="informatieobjecttypen", child=serializers.CharField(), read_only=True
    )
    vastgelegd_in = serializers.ListField(
        source="informatieobjecttypen", child=serializers.CharField(), read_only=True
    )
    resultaattypen = serializers.SerializerMethodField()
    resultaattypen_omschrijving = serializers.SerializerMethodField()
    begin_object = serializers.DateField(source="begin_geldigheid", read_only=True)
    einde_object = serializers.DateField(source="einde_geldigheid", read_only=True)

    class Meta:
        model = BesluitType
        fields = [
            "url",
            "catalogus",
            "zaaktypen",
            "zaaktype_identificaties",
            "omschrijving",
            "omschrijving_generiek",
            "besluitcategorie",
            "reactietermijn",
            "publicatie_indicatie",
            "publicatietekst",
            "publicatietermijn",
            "toelichting",
            "informatieobjecttypen",
            "informatieobjecttype_omschrijvingen",
            "begin_geldigheid",
            "einde_geldigheid",
            "begin_object",
            "einde_object",
            "concept",
            "resultaattypen",
            "resultaattypen_omschrijving",
            "vastgelegd_in",
        ]
        read_only_fields = ["concept"]
        extra_kwargs = {"publicatie_indicatie": {"required": True}}

    # zaaktypen and resultaattypen name a besluittype by omschrijving (Catalogi 1.3).
    def _zaaktypen(self, obj: BesluitType) -> list[Any]:
        return catalogi_index(self.context).naming(
            "zaaktype", obj.catalogus_id, "besluittypen", obj.omschrijving, obj
        )

    def _resultaattypen(self, obj: BesluitType) -> list[Any]:
        return catalogi_index(self.context).naming(
            "resultaattype", obj.catalogus_id, "besluittypen", obj.omschrijving, obj
        )

    @extend_schema_field(URL_LIST)
    def get_zaaktypen(self, obj: BesluitType) -> list[str]:
        return [url_of(self.context, "zaaktype", zaaktype) for zaaktype in self._zaaktypen(obj)]

    def get_zaaktype_identificaties(self, obj: BesluitType) -> list[str]:
        return sorted({zaaktype.identificatie for zaaktype in self._zaaktypen(obj)})

    @extend_schema_field(URL_LIST)
    def get_resultaattypen(self, obj: BesluitType) -> list[str]:
        return [url_of(self.context, "resultaattype", r) for r in self._resultaattypen(obj)]

    def get_resultaattypen_omschrijving(self, obj: BesluitType) -> list[str]:
        return sorted({r.omschrijving for r in self._resultaattypen(obj)})
