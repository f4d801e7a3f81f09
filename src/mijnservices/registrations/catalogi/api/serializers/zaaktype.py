from __future__ import annotations

from datetime import date
from typing import Any

from drf_spectacular.utils import extend_schema_field
from rest_framework import serializers

from mijnservices.registrations.catalogi import services
from mijnservices.registrations.catalogi.api import selectielijst
from mijnservices.registrations.catalogi.api.serializers.base import (
    URL_LIST,
    ResolvedRelation,
    ServiceModelSerializer,
    catalogi_index,
    link,
    links,
    self_link,
    url_of,
)
from mijnservices.registrations.catalogi.models import Catalogus, ZaakType


class ReferentieProcesSerializer(serializers.Serializer):  # type: ignore[type-arg]
    naam = serializers.CharField(max_length=80)
    link = serializers.URLField(max_length=200, required=False, allow_blank=True)

    def to_representation(self, instance: dict[str, str]) -> dict[str, str]:
        found = {"naam": instance.get("naam", "")}
        if instance.get("link"):  # optional; "" is not a URI
            found["link"] = instance["link"]
        return found


class BronCatalogusSerializer(serializers.Serializer):  # type: ignore[type-arg]
    url = serializers.URLField(max_length=200)
    domein = serializers.CharField(max_length=5)
    rsin = serializers.CharField(max_length=9)


class BronZaaktypeSerializer(serializers.Serializer):  # type: ignore[type-arg]
    url = serializers.URLField(max_length=200)
    identificatie = serializers.CharField(max_length=50)
    omschrijving = serializers.CharField(max_length=80)


class ZaakTypenRelatieSerializer(serializers.Serializer):  # type: ignore[type-arg]
    """Written with the related zaaktype's identificatie (Catalogi 1.3), read with the URL
    of its version that overlaps this zaaktype (else its latest version)."""

    zaaktype = serializers.CharField(max_length=50)
    aard_relatie = serializers.ChoiceField(choices=["vervolg", "bijdrage", "onderwerp"])
    toelichting = serializers.CharField(max_length=255, required=False, allow_blank=True)

    def to_representation(self, instance: dict[str, str]) -> dict[str, str] | None:  # type: ignore[override]
        zaaktype: ZaakType = getattr(self.parent, "instance_being_represented")  # noqa: B009
        index = catalogi_index(self.context)
        identificatie = instance["zaaktype"]
        versions = index.versions(
            "zaaktype", zaaktype.catalogus_id, "identificatie", [identificatie], zaaktype
        ) or index.versions(
            "zaaktype", zaaktype.catalogus_id, "identificatie", [identificatie], _ALWAYS
        )
        if not versions:
            return None
        latest = max(versions, key=lambda version: version.begin_geldigheid)
        return {
            "zaaktype": url_of(self.context, "zaaktype", latest),
            "zaaktype_identificatie": identificatie,
            "aard_relatie": instance["aard_relatie"],
            "toelichting": instance.get("toelichting", ""),
        }


class _Always:
    """A holder geldig on every day: any version of the related zaaktype matches."""

    begin_geldigheid: date = date.min
    einde_geldigheid: date | None = None


_ALWAYS = _Always()


class GerelateerdeZaaktypenSerializer(serializers.ListSerializer):  # type: ignore[type-arg]
    def get_attribute(self, instance: ZaakType) -> list[dict[str, str]]:
        self.instance_being_represented = instance
        return list(instance.gerelateerde_zaaktypen)

    def to_representation(self, data: Any) -> list[dict[str, str]]:  # type: ignore[override]
        rows = [self.child.to_representation(item) for item in data]  # type: ignore[union-attr]
        return [row for row in rows if row is not None]


class ZaakTypeSerializer(ServiceModelSerializer):
    create_service = services.zaaktype_create
    update_service = services.zaaktype_update
    instance_argument = "zaaktype"
    # ztc-010/011: the Catalogi API refuses relations to published types (concept_relations).
    relation_rules = True

    url = self_link("zaaktype")
    catalogus = link("catalogus", queryset=Catalogus.objects.all())
    trefwoorden = serializers.ListField(child=serializers.CharField(max_length=30), required=False)
    verantwoordingsrelatie = serializers.ListField(
        child=serializers.CharField(max_length=40), required=False
    )
    producten_of_diensten = serializers.ListField(child=serializers.URLField(max_length=1000))
    referentieproces = ReferentieProcesSerializer()
    broncatalogus = BronCatalogusSerializer(required=False)
    bronzaaktype = BronZaaktypeSerializer(required=False)
    gerelateerde_zaaktypen = GerelateerdeZaaktypenSerializer(child=ZaakTypenRelatieSerializer())
    zaakobjecttypen = links("zaakobjecttype")
    statustypen = links("statustype")
    resultaattypen = links("resultaattype")
    # Required by the 1.3.3 schema without a property definition; Open Zaak sends this list.
    resultaattype_omschrijving = serializers.SerializerMethodField()
    eigenschappen = links("eigenschap")
    informatieobjecttypen = serializers.SerializerMethodField()
    informatieobjecttype_omschrijving = serializers.SerializerMethodField()
    roltypen = links("roltype")
    besluittypen = ResolvedRelation(kind="besluittype", attr="omschrijving", view="besluittype")
    besluittype_omschrijving = serializers.ListField(
        source="besluittypen", child=serializers.CharField(), read_only=True
    )
    deelzaaktypen = ResolvedRelation(
        kind="zaaktype", attr="identificatie", view="zaaktype", required=False
    )
    deelzaaktype_identificaties = serializers.ListField(
        source="deelzaaktypen", child=serializers.CharField(), read_only=True
    )
    begin_object = serializers.SerializerMethodField()
    einde_object = serializers.SerializerMethodField()

    class Meta:
        model = ZaakType
        # No generated unique-together check: the service answers an overlapping version
        # ("overlap", as Open Zaak), after the rules about relations (ztc-010/011).
        validators: list[Any] = []
        fields = [
            "url",
            "identificatie",
            "omschrijving",
            "omschrijving_generiek",
            "vertrouwelijkheidaanduiding",
            "doel",
            "aanleiding",
            "toelichting",
            "indicatie_intern_of_extern",
            "handeling_initiator",
            "onderwerp",
            "handeling_behandelaar",
            "doorlooptijd",
            "servicenorm",
            "opschorting_en_aanhouding_mogelijk",
            "verlenging_mogelijk",
            "verlengingstermijn",
            "trefwoorden",
            "publicatie_indicatie",
            "publicatietekst",
            "verantwoordingsrelatie",
            "producten_of_diensten",
            "selectielijst_procestype",
            "referentieproces",
            "verantwoordelijke",
            "zaakobjecttypen",
            "broncatalogus",
            "bronzaaktype",
            "catalogus",
            "statustypen",
            "resultaattypen",
            "resultaattype_omschrijving",
            "eigenschappen",
            "informatieobjecttypen",
            "informatieobjecttype_omschrijving",
            "roltypen",
            "besluittypen",
            "besluittype_omschrijving",
            "deelzaaktypen",
            "deelzaaktype_identificaties",
            "gerelateerde_zaaktypen",
            "begin_geldigheid",
            "einde_geldigheid",
            "begin_object",
            "einde_object",
            "versiedatum",
            "concept",
        ]
        read_only_fields = ["concept"]
        extra_kwargs = {
            "doel": {"required": True, "allow_blank": False},
            "aanleiding": {"required": True, "allow_blank": False},
            "handeling_initiator": {"required": True, "allow_blank": False},
            "onderwerp": {"required": True, "allow_blank": False},
            "handeling_behandelaar": {"required": True, "allow_blank": False},
            "verantwoordelijke": {"required": True, "allow_blank": False},
            "vertrouwelijkheidaanduiding": {"required": True},
            "indicatie_intern_of_extern": {"required": True},
            "opschorting_en_aanhouding_mogelijk": {"required": True},
            "verlenging_mogelijk": {"required": True},
            "publicatie_indicatie": {"required": True},
            "versiedatum": {"required": False},
        }

    def _ziot_omschrijvingen(self, obj: ZaakType) -> list[str]:
        return sorted(
            {ziot.informatieobjecttype for ziot in obj.zaaktype_informatieobjecttypen.all()}
        )

    @extend_schema_field(URL_LIST)
    def get_informatieobjecttypen(self, obj: ZaakType) -> list[str]:
        versions = catalogi_index(self.context).versions(
            "informatieobjecttype",
            obj.catalogus_id,
            "omschrijving",
            self._ziot_omschrijvingen(obj),
            obj,
        )
        return [url_of(self.context, "informatieobjecttype", version) for version in versions]

    def get_informatieobjecttype_omschrijving(self, obj: ZaakType) -> list[str]:
        return self._ziot_omschrijvingen(obj)

    def get_resultaattype_omschrijving(self, obj: ZaakType) -> list[str]:
        return sorted({r.omschrijving for r in obj.resultaattypen.all()})

    def get_begin_object(self, obj: ZaakType) -> str | None:
        return obj.begin_geldigheid.isoformat() if obj.begin_geldigheid else None

    def get_einde_object(self, obj: ZaakType) -> str | None:
        return obj.einde_geldigheid.isoformat() if obj.einde_geldigheid else None

    def to_representation(self, instance: ZaakType) -> dict[str, Any]:
        data = dict(super().to_representation(instance))
        for group in ("broncatalogus", "bronzaaktype"):
            if data.get(group) is None:
                data.pop(group, None)
        if not data.get("selectielijst_procestype"):  # optional; "" is not a URI
            data.pop("selectielijst_procestype", None)
        if data.get("versiedatum") is None:
            data["versiedatum"] = instance.begin_geldigheid.isoformat()
        return data

    def validate(self, attrs: dict[str, Any]) -> dict[str, Any]:
        selectielijst.procestype_check(attrs.get("selectielijst_procestype") or "")  # ztc-001b
        if attrs.get("verlenging_mogelijk") and not attrs.get("verlengingstermijn"):
            instance_termijn = getattr(self.instance, "verlengingstermijn", None)
            if instance_termijn is None:
                raise serializers.ValidationError(
                    {"verlengingstermijn": ["Required when verlengingMogelijk is true."]},
                    code="required",
                )
        return attrs
