"""The Zaak resource (ZGW Zaken 1.7)."""

from __future__ import annotations

from typing import Any
from urllib.parse import urlparse

from django.urls import Resolver404, resolve
from drf_spectacular.utils import extend_schema_field
from rest_framework import serializers
from rest_framework.reverse import reverse

from mijnservices.api.field_cache import CachedFieldsMixin
from mijnservices.api.remote import remote_field_check
from mijnservices.registrations.catalogi import selectors as catalogi_selectors
from mijnservices.registrations.catalogi.models import Vertrouwelijkheid, ZaakType
from mijnservices.registrations.zaken import services
from mijnservices.registrations.zaken.api.serializers.common import (
    DurationString,
    JSONObject,
    ServiceSerializer,
    catalogi_link,
    eigenschap_url,
    self_link,
    zaken_link,
)
from mijnservices.registrations.zaken.models import Archiefnominatie, Zaak

URL_LIST = {"type": "array", "items": {"type": "string", "format": "uri"}}
EMPTY_GROUPS: dict[str, dict[str, Any]] = {
    "opschorting": {"indicatie": False, "reden": ""},
    "processobject": {"datumkenmerk": "", "identificatie": "", "objecttype": "", "registratie": ""},
}


class VerlengingSerializer(CachedFieldsMixin, serializers.Serializer):  # type: ignore[type-arg]
    reden = serializers.CharField(max_length=200)
    duur = DurationString()


class OpschortingSerializer(CachedFieldsMixin, serializers.Serializer):  # type: ignore[type-arg]
    indicatie = serializers.BooleanField()
    reden = serializers.CharField(max_length=200, allow_blank=True)


class ProcessobjectSerializer(CachedFieldsMixin, serializers.Serializer):  # type: ignore[type-arg]
    datumkenmerk = serializers.CharField(max_length=250)
    identificatie = serializers.CharField(max_length=250)
    objecttype = serializers.CharField(max_length=250)
    registratie = serializers.CharField(max_length=250)


class RelevanteZaakSerializer(CachedFieldsMixin, serializers.Serializer):  # type: ignore[type-arg]
    url = serializers.URLField(max_length=1000)
    aard_relatie = serializers.ChoiceField(choices=["vervolg", "onderwerp", "bijdrage"])

    def validate_url(self, value: str) -> str:
        # zrc-011: the zaak must exist; only zaken of this registration can be checked.
        try:
            match = resolve(urlparse(value).path)
        except Resolver404:
            match = None
        if match is None or match.view_name != "zaken:zaak-detail":
            raise serializers.ValidationError("Give the URL of a zaak in this API.", code="bad-url")
        if not Zaak.objects.filter(uuid=match.kwargs["uuid"]).exists():
            raise serializers.ValidationError("This zaak does not exist.", code="bad-url")
        return value


class KenmerkSerializer(CachedFieldsMixin, serializers.Serializer):  # type: ignore[type-arg]
    kenmerk = serializers.CharField(max_length=40)
    bron = serializers.CharField(max_length=40)


@extend_schema_field({"$ref": "#/components/schemas/GeoJSONGeometry"})
class GeometryField(JSONObject):
    pass


@extend_schema_field(URL_LIST)
class EigenschappenField(serializers.ReadOnlyField):
    def __init__(self, **kwargs: Any) -> None:
        super().__init__(source="zaakeigenschappen", **kwargs)

    def to_representation(self, value: Any) -> list[str]:
        return [eigenschap_url(self.context, e.zaak.uuid, e.uuid) for e in value.all()]


class ZaakSerializer(ServiceSerializer):
    url = self_link("zaak")
    zaaktype = catalogi_link(
        "zaaktype", ZaakType.objects.all(), cached=catalogi_selectors.published_zaaktype
    )
    identificatie = serializers.CharField(max_length=40, required=False, allow_blank=True)
    registratiedatum = serializers.DateField(required=False)
    verantwoordelijke_organisatie = serializers.CharField(max_length=9)
    vertrouwelijkheidaanduiding = serializers.ChoiceField(
        choices=Vertrouwelijkheid.choices, required=False
    )
    producten_of_diensten = serializers.ListField(
        child=serializers.URLField(max_length=1000), required=False
    )
    betalingsindicatie_weergave = serializers.CharField(
        source="get_betalingsindicatie_display", read_only=True
    )
    zaakgeometrie = GeometryField(required=False, allow_null=True)
    verlenging = VerlengingSerializer(required=False, allow_null=True)
    opschorting = OpschortingSerializer(required=False, allow_null=True)
    processobject = ProcessobjectSerializer(required=False, allow_null=True)
    hoofdzaak = zaken_link("zaak", Zaak.objects.all(), required=False, allow_null=True)
    deelzaken = zaken_link("zaak", many=True)
    relevante_andere_zaken = RelevanteZaakSerializer(many=True, required=False)
    kenmerken = KenmerkSerializer(many=True, required=False)
    eigenschappen = EigenschappenField()
    rollen = zaken_link("rol", many=True)
    status = zaken_link("status", allow_null=True)
    zaakinformatieobjecten = zaken_link("zaakinformatieobject", many=True)
    zaakobjecten = zaken_link("zaakobject", many=True)
    resultaat = serializers.SerializerMethodField()
    # nullable in Zaken 1.7.0; stored as "" (no value) and answered as null.
    archiefnominatie = serializers.ChoiceField(
        choices=Archiefnominatie.choices, required=False, allow_blank=True, allow_null=True
    )
    processobjectaard = serializers.CharField(
        max_length=200, required=False, allow_blank=True, allow_null=True
    )

    create_service = services.zaak_create
    update_service = services.zaak_update
    instance_argument = "zaak"
    # Optional URI attributes: "" is not a URI, so an empty one is left out.
    omit_when_null = ("zaakgeometrie", "communicatiekanaal", "selectielijstklasse")

    class Meta:
        model = Zaak
        fields = [
            "url",
            "uuid",
            "identificatie",
            "bronorganisatie",
            "omschrijving",
            "toelichting",
            "zaaktype",
            "registratiedatum",
            "verantwoordelijke_organisatie",
            "startdatum",
            "einddatum",
            "einddatum_gepland",
            "uiterlijke_einddatum_afdoening",
            "publicatiedatum",
            "communicatiekanaal",
            "producten_of_diensten",
            "vertrouwelijkheidaanduiding",
            "betalingsindicatie",
            "betalingsindicatie_weergave",
            "laatste_betaaldatum",
            "zaakgeometrie",
            "verlenging",
            "opschorting",
            "selectielijstklasse",
            "hoofdzaak",
            "deelzaken",
            "relevante_andere_zaken",
            "eigenschappen",
            "rollen",
            "status",
            "zaakinformatieobjecten",
            "zaakobjecten",
            "kenmerken",
            "archiefnominatie",
            "archiefstatus",
            "archiefactiedatum",
            "resultaat",
            "opdrachtgevende_organisatie",
            "processobjectaard",
            "startdatum_bewaartermijn",
            "processobject",
        ]
        read_only_fields = ["uuid", "einddatum"]
        # identificatie is generated when absent: zaak_create checks uniqueness (zrc-002).
        validators: list[Any] = []
        extra_kwargs = {"bronorganisatie": {"max_length": 9}}

    @extend_schema_field({"type": "string", "format": "uri", "nullable": True})
    def get_resultaat(self, zaak: Zaak) -> str | None:
        resultaat = getattr(zaak, "resultaat", None)
        if resultaat is None:
            return None
        return reverse(
            "zaken:resultaat-detail",
            kwargs={"uuid": resultaat.uuid},
            request=self.context.get("request"),
        )

    def to_representation(self, instance: Zaak) -> dict[str, Any]:
        data = super().to_representation(instance)
        # zrc-012: groups are always answered with their nested structure.
        for group, empty in EMPTY_GROUPS.items():
            if data.get(group) is None:
                data[group] = dict(empty)
        if not data.get("archiefnominatie"):
            data["archiefnominatie"] = None
        return data

    def validate_communicatiekanaal(self, value: str) -> str:
        # zrc-010: a communicatiekanaal of a Referentielijsten API must answer as one.
        remote_field_check(value, kind="communicatiekanaal", keys=("url", "naam"))
        return value

    def validate(self, attrs: dict[str, Any]) -> dict[str, Any]:
        for name in ("archiefnominatie", "processobjectaard"):
            if name in attrs and attrs[name] is None:
                attrs[name] = ""
        for group in ("verlenging", "opschorting", "processobject"):
            if attrs.get(group) is not None:
                attrs[group] = dict(attrs[group])
                self._require_whole_group(group, attrs[group])
        for many in ("relevante_andere_zaken", "kenmerken"):
            if many in attrs:
                attrs[many] = [dict(item) for item in attrs[many]]
        if self.instance is None and attrs.get("identificatie") == "":
            attrs.pop("identificatie")
        return attrs

    def _require_whole_group(self, group: str, value: dict[str, Any]) -> None:
        # A PATCH makes nested serializers partial too, but a group is replaced as a whole:
        # every required member must be given (else {"opschorting": {}} would be stored).
        nested = self.fields[group]
        missing = [
            name
            for name, field in nested.fields.items()  # type: ignore[attr-defined]
            if field.required and name not in value
        ]
        if missing:
            raise serializers.ValidationError(
                {
                    group: {
                        name: [serializers.ErrorDetail("This field is required.", code="required")]
                        for name in missing
                    }
                }
            )
