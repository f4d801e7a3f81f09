"""Documenten API 1.7 representations. Writes go through the documenten services."""

from __future__ import annotations

from typing import Any

from drf_spectacular.utils import extend_schema_field
from rest_framework import serializers
from rest_framework.reverse import reverse

from mijnservices.api.audit import AuditTrailSerializer as BaseAuditTrailSerializer
from mijnservices.api.fields import ResourceLink
from mijnservices.api.remote import remote_field_check
from mijnservices.registrations.catalogi.models import InformatieObjectType, Vertrouwelijkheid
from mijnservices.registrations.documenten import services
from mijnservices.registrations.documenten.models import (
    AardRelatie,
    AuditTrail,
    BestandsDeel,
    DocumentStatus,
    EnkelvoudigInformatieObject,
    Gebruiksrechten,
    InformatieObjectVersie,
    ObjectInformatieObject,
    ObjectType,
    Verzending,
)
from mijnservices.registrations.documenten.services.verzendingen import ADDRESSES

DOCUMENT_VIEW = "documenten:enkelvoudiginformatieobject-detail"


def document_link(**kwargs: Any) -> serializers.HyperlinkedRelatedField:  # type: ignore[type-arg]
    return ResourceLink(
        view_name=DOCUMENT_VIEW,
        lookup_field="uuid",
        queryset=EnkelvoudigInformatieObject.objects.select_related(
            "huidige_versie__informatieobjecttype"
        ),
        **kwargs,
    )


@extend_schema_field({"type": "object", "nullable": True, "additionalProperties": True})
class JSONObject(serializers.JSONField):
    def to_internal_value(self, data: Any) -> Any:
        value = super().to_internal_value(data)
        if value is not None and not isinstance(value, dict):
            raise serializers.ValidationError("Give a JSON object.")
        return value


@extend_schema_field({"type": "string", "nullable": True})
class Inhoud(serializers.CharField):
    """Written as base64 (inline upload); read as the URL of the version's download."""

    def get_attribute(self, instance: Any) -> Any:
        return instance

    def to_representation(self, value: Any) -> Any:
        if not value.inhoud:
            return None
        url = reverse(DOCUMENT_VIEW, kwargs={"uuid": value.document.uuid})
        full = f"{url}/download?versie={value.versie}"
        request = self.context.get("request")
        return request.build_absolute_uri(full) if request is not None else full


class HiddenLock(serializers.CharField):
    """Written with each part; read back empty: the lock is the uploader's, not every reader's."""

    def get_attribute(self, instance: Any) -> str:
        return ""


class BestandsDeelSerializer(serializers.ModelSerializer):  # type: ignore[type-arg]
    url = serializers.HyperlinkedIdentityField(
        view_name="documenten:bestandsdeel-detail", lookup_field="uuid"
    )
    voltooid = serializers.BooleanField(read_only=True)
    inhoud = serializers.FileField(required=False)  # no per-part download: left out
    lock = HiddenLock()

    class Meta:
        model = BestandsDeel
        fields = ["url", "volgnummer", "omvang", "voltooid", "inhoud", "lock"]
        read_only_fields = ["volgnummer", "omvang"]

    def to_representation(self, instance: BestandsDeel) -> Any:
        data = super().to_representation(instance)
        data.pop("inhoud", None)
        return data


class InformatieObjectSerializer(serializers.ModelSerializer):  # type: ignore[type-arg]
    """A version of a document, as the standard shows it (the resource is the document)."""

    url = serializers.SerializerMethodField()
    informatieobjecttype = ResourceLink(
        view_name="catalogi:informatieobjecttype-detail",
        lookup_field="uuid",
        queryset=InformatieObjectType.objects.all(),
    )
    vertrouwelijkheidaanduiding = serializers.ChoiceField(
        choices=Vertrouwelijkheid.choices, required=False, allow_blank=True
    )
    status = serializers.ChoiceField(
        choices=DocumentStatus.choices, required=False, allow_blank=True
    )
    inhoud = Inhoud(required=False, allow_null=True, trim_whitespace=False)
    locked = serializers.SerializerMethodField()
    bestandsdelen = serializers.SerializerMethodField()
    ondertekening = JSONObject(required=False, allow_null=True)
    integriteit = JSONObject(required=False, allow_null=True)
    trefwoorden = serializers.ListField(child=serializers.CharField(max_length=100), required=False)
    lock = serializers.CharField(required=False, write_only=True, allow_blank=True)
    # Optional attributes the official schema does not allow as null: left out instead.
    omit_when_null = ("ondertekening", "integriteit", "inhoud", "link")

    class Meta:
        model = InformatieObjectVersie
        fields = [
            "url",
            "identificatie",
            "bronorganisatie",
            "creatiedatum",
            "titel",
            "vertrouwelijkheidaanduiding",
            "is_gereed_voor_publicatie",
            "tonen_aan_initiator",
            "auteur",
            "status",
            "inhoud_is_vervallen",
            "formaat",
            "taal",
            "versie",
            "begin_registratie",
            "bestandsnaam",
            "inhoud",
            "bestandsomvang",
            "link",
            "beschrijving",
            "ontvangstdatum",
            "verzenddatum",
            "indicatie_gebruiksrecht",
            "verschijningsvorm",
            "ondertekening",
            "integriteit",
            "informatieobjecttype",
            "locked",
            "bestandsdelen",
            "trefwoorden",
            "lock",
        ]
        read_only_fields = ["versie", "begin_registratie"]
        extra_kwargs = {"identificatie": {"required": False}}

    def to_representation(self, instance: InformatieObjectVersie) -> Any:
        data = super().to_representation(instance)
        for name in self.omit_when_null:
            if data.get(name) in (None, ""):
                data.pop(name, None)
        return data

    @extend_schema_field({"type": "string", "format": "uri"})
    def get_url(self, obj: InformatieObjectVersie) -> str:
        url = reverse(DOCUMENT_VIEW, kwargs={"uuid": obj.document.uuid})
        request = self.context.get("request")
        return request.build_absolute_uri(url) if request is not None else url

    @extend_schema_field({"type": "boolean"})
    def get_locked(self, obj: InformatieObjectVersie) -> bool:
        return bool(obj.document.lock)

    @extend_schema_field(BestandsDeelSerializer(many=True))
    def get_bestandsdelen(self, obj: InformatieObjectVersie) -> list[Any]:
        if obj.pk != obj.document.huidige_versie_id:
            return []  # parts belong to the version being uploaded
        parts = obj.document.bestandsdelen.all()
        return list(BestandsDeelSerializer(parts, many=True, context=self.context).data)

    def validate_inhoud(self, value: Any) -> Any:
        return value or None

    def get_fields(self) -> dict[str, Any]:
        fields = super().get_fields()
        # drc-009: a PUT carries the lock (EnkelvoudigInformatieObjectWithLockRequest requires
        # it; Open Zaak answers "lock: required"); a PATCH without it is missing-lock-id.
        if self.instance is not None and not self.partial:
            fields["lock"].required = True
        return fields


class CreatedInformatieObjectSerializer(InformatieObjectSerializer):
    """The 201 answer also shows the (empty) lock, as the standard's CreateLock does."""

    lock = serializers.SerializerMethodField()  # type: ignore[assignment]

    @extend_schema_field({"type": "string"})
    def get_lock(self, obj: InformatieObjectVersie) -> str:
        return obj.document.lock


class LockSerializer(serializers.Serializer):  # type: ignore[type-arg]
    lock = serializers.CharField(read_only=True)


class UnlockSerializer(serializers.Serializer):  # type: ignore[type-arg]
    lock = serializers.CharField(required=False, allow_blank=True)


class ObjectInformatieObjectSerializer(serializers.HyperlinkedModelSerializer):
    url = serializers.HyperlinkedIdentityField(
        view_name="documenten:objectinformatieobject-detail", lookup_field="uuid"
    )
    informatieobject = document_link()
    object_type = serializers.ChoiceField(choices=ObjectType.choices)

    class Meta:
        model = ObjectInformatieObject
        fields = ["url", "informatieobject", "object", "object_type"]
        validators: list[Any] = []  # uniqueness is checked by the service

    def validate(self, attrs: dict[str, Any]) -> dict[str, Any]:
        # drc-002: an object of another installation must answer as a zaak / besluit.
        kind = attrs.get("object_type")
        keys = ("url", "besluittype") if kind == ObjectType.BESLUIT else ("url", "zaaktype")
        try:
            remote_field_check(attrs.get("object", ""), kind=str(kind), keys=keys)
        except serializers.ValidationError as exc:
            raise serializers.ValidationError({"object": exc.detail}) from None
        return attrs

    def create(self, validated_data: dict[str, Any]) -> ObjectInformatieObject:
        return services.objectinformatieobject_create(**validated_data)


class GebruiksrechtenSerializer(serializers.HyperlinkedModelSerializer):
    url = serializers.HyperlinkedIdentityField(
        view_name="documenten:gebruiksrechten-detail", lookup_field="uuid"
    )
    informatieobject = document_link()

    class Meta:
        model = Gebruiksrechten
        fields = ["url", "informatieobject", "startdatum", "einddatum", "omschrijving_voorwaarden"]

    def create(self, validated_data: dict[str, Any]) -> Gebruiksrechten:
        return services.gebruiksrechten_create(**validated_data)

    def update(self, instance: Gebruiksrechten, validated_data: dict[str, Any]) -> Gebruiksrechten:
        return services.gebruiksrechten_update(gebruiksrechten=instance, **validated_data)


class BinnenlandsCorrespondentieadresSerializer(serializers.Serializer):  # type: ignore[type-arg]
    huisletter = serializers.CharField(max_length=1, required=False, allow_blank=True)
    huisnummer = serializers.IntegerField(min_value=1, max_value=99999)
    huisnummer_toevoeging = serializers.CharField(max_length=4, required=False, allow_blank=True)
    naam_openbare_ruimte = serializers.CharField(max_length=80)
    postcode = serializers.CharField(max_length=6, required=False, allow_blank=True)
    woonplaatsnaam = serializers.CharField(max_length=80)


class BuitenlandsCorrespondentieadresSerializer(serializers.Serializer):  # type: ignore[type-arg]
    adres_buitenland_1 = serializers.CharField(max_length=35)
    adres_buitenland_2 = serializers.CharField(max_length=35, required=False, allow_blank=True)
    adres_buitenland_3 = serializers.CharField(max_length=35, required=False, allow_blank=True)
    land_postadres = serializers.URLField(max_length=200)


class CorrespondentiePostadresSerializer(serializers.Serializer):  # type: ignore[type-arg]
    post_bus_of_antwoordnummer = serializers.IntegerField(min_value=1, max_value=9999)
    postadres_postcode = serializers.CharField(max_length=6)
    postadres_type = serializers.ChoiceField(choices=["antwoordnummer", "postbusnummer"])
    woonplaatsnaam = serializers.CharField(max_length=80)


class VerzendingSerializer(serializers.HyperlinkedModelSerializer):
    url = serializers.HyperlinkedIdentityField(
        view_name="documenten:verzending-detail", lookup_field="uuid"
    )
    informatieobject = document_link()
    aard_relatie = serializers.ChoiceField(choices=AardRelatie.choices)
    binnenlands_correspondentieadres = BinnenlandsCorrespondentieadresSerializer(
        required=False, allow_null=True
    )
    buitenlands_correspondentieadres = BuitenlandsCorrespondentieadresSerializer(
        required=False, allow_null=True
    )
    correspondentie_postadres = CorrespondentiePostadresSerializer(required=False, allow_null=True)

    class Meta:
        model = Verzending
        fields = [
            "url",
            "betrokkene",
            "informatieobject",
            "aard_relatie",
            "toelichting",
            "ontvangstdatum",
            "verzenddatum",
            "contact_persoon",
            "contactpersoonnaam",
            "binnenlands_correspondentieadres",
            "buitenlands_correspondentieadres",
            "correspondentie_postadres",
            "faxnummer",
            "emailadres",
            "mijn_overheid",
            "telefoonnummer",
        ]

    def create(self, validated_data: dict[str, Any]) -> Verzending:
        return services.verzending_create(**validated_data)

    def update(self, instance: Verzending, validated_data: dict[str, Any]) -> Verzending:
        if not self.partial:  # PUT replaces: an address group left out is cleared
            for name in ADDRESSES:
                validated_data.setdefault(name, None)
        return services.verzending_update(verzending=instance, **validated_data)


class AuditTrailSerializer(BaseAuditTrailSerializer):
    class Meta(BaseAuditTrailSerializer.Meta):
        model = AuditTrail


# As EIOZoekRequest: written out, because the camelCase schema would rename ``uuid__in``.
ZOEK_REQUEST_SCHEMA: dict[str, Any] = {
    "type": "object",
    "properties": {
        "uuid__in": {"type": "array", "items": {"type": "string", "format": "uuid"}},
        "identificatie": {"type": "string"},
        "bronorganisatie": {"type": "string"},
    },
    "required": ["uuid__in"],
}


class ZoekSerializer(serializers.Serializer):  # type: ignore[type-arg]
    """The body of ``POST /enkelvoudiginformatieobjecten/_zoek`` (EIOZoekRequest)."""

    uuid__in = serializers.ListField(child=serializers.UUIDField(), allow_empty=True)
    identificatie = serializers.CharField(required=False)
    bronorganisatie = serializers.CharField(required=False)
