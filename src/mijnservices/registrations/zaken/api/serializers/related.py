"""Statussen, resultaten, rollen, zaakobjecten, zaakinformatieobjecten, zaakeigenschappen
and the audit trail."""

from __future__ import annotations

from typing import Any

from drf_spectacular.utils import extend_schema_field
from rest_framework import serializers

from mijnservices.api.audit import AuditTrailSerializer as BaseAuditTrailSerializer
from mijnservices.api.remote import INFORMATIEOBJECT_KEYS, remote_field_check
from mijnservices.registrations.catalogi.models import (
    Eigenschap,
    ResultaatType,
    RolType,
    StatusType,
    ZaakObjectType,
)
from mijnservices.registrations.zaken import services
from mijnservices.registrations.zaken.api.serializers.common import (
    JSONObject,
    ServiceSerializer,
    catalogi_link,
    eigenschap_url,
    self_link,
    zaken_link,
)
from mijnservices.registrations.zaken.models import (
    AuditTrail,
    BetrokkeneType,
    Resultaat,
    Rol,
    Status,
    Zaak,
    ZaakEigenschap,
    ZaakInformatieObject,
    ZaakObject,
)
from mijnservices.registrations.zaken.services.rollen import check_roltype
from mijnservices.registrations.zaken.services.rules import check_informatieobjecttype_of_zaaktype


class StatusSerializer(ServiceSerializer):
    url = self_link("status")
    zaak = zaken_link("zaak", Zaak.objects.select_related("zaaktype"))
    statustype = catalogi_link("statustype", StatusType.objects.all())
    indicatie_laatst_gezette_status = serializers.SerializerMethodField()
    gezetdoor = zaken_link("rol", Rol.objects.all(), required=False, allow_null=True)
    zaakinformatieobjecten = zaken_link("zaakinformatieobject", many=True)

    create_service = services.status_set
    omit_when_null = ("gezetdoor",)

    class Meta:
        model = Status
        fields = [
            "url",
            "uuid",
            "zaak",
            "statustype",
            "datum_status_gezet",
            "statustoelichting",
            "indicatie_laatst_gezette_status",
            "gezetdoor",
            "zaakinformatieobjecten",
        ]
        read_only_fields = ["uuid"]

    def get_indicatie_laatst_gezette_status(self, status: Status) -> bool:
        return status.zaak.status_id == status.pk


class ResultaatSerializer(ServiceSerializer):
    url = self_link("resultaat")
    zaak = zaken_link("zaak", Zaak.objects.select_related("zaaktype"))
    resultaattype = catalogi_link("resultaattype", ResultaatType.objects.all())

    create_service = services.resultaat_create
    update_service = services.resultaat_update
    instance_argument = "resultaat"

    class Meta:
        model = Resultaat
        fields = ["url", "uuid", "zaak", "resultaattype", "toelichting"]
        read_only_fields = ["uuid"]

    def validate(self, attrs: dict[str, Any]) -> dict[str, Any]:
        zaak = attrs.get("zaak")
        if self.instance is None and zaak is not None and hasattr(zaak, "resultaat"):
            # zrc-007e: the body is checked before the rights on a closed zaak (as Open Zaak's
            # unique validator on Resultaat.zaak), so a second resultaat answers 400 unique.
            raise serializers.ValidationError(
                {"zaak": "The zaak already has a resultaat."}, code="unique"
            )
        if self.instance is not None and "zaak" in attrs:  # noqa: SIM102 - pop only then
            if attrs.pop("zaak").pk != self.instance.zaak_id:
                raise serializers.ValidationError(
                    {"zaak": "A resultaat cannot move to another zaak."},
                    code="wijzigen-niet-toegelaten",
                )
        return attrs


class ContactPersoonRolSerializer(serializers.Serializer):  # type: ignore[type-arg]
    emailadres = serializers.EmailField(max_length=254, required=False, allow_blank=True)
    functie = serializers.CharField(max_length=50, required=False, allow_blank=True)
    telefoonnummer = serializers.CharField(max_length=20, required=False, allow_blank=True)
    naam = serializers.CharField(max_length=40)


# The identifying attribute each betrokkeneType needs (one of them).
_IDENTIFYING = {
    BetrokkeneType.NATUURLIJK_PERSOON: ("inp_bsn", "anp_identificatie", "inp_a_nummer"),
    BetrokkeneType.NIET_NATUURLIJK_PERSOON: ("inn_nnp_id", "ann_identificatie", "kvk_nummer"),
    BetrokkeneType.VESTIGING: ("vestigings_nummer", "kvk_nummer"),
    BetrokkeneType.MEDEWERKER: ("identificatie",),
    BetrokkeneType.ORGANISATORISCHE_EENHEID: ("identificatie",),
}


class RolSerializer(ServiceSerializer):
    url = self_link("rol")
    zaak = zaken_link("zaak", Zaak.objects.select_related("zaaktype"))
    roltype = catalogi_link("roltype", RolType.objects.all())
    omschrijving = serializers.CharField(source="roltype.omschrijving", read_only=True)
    indicatie_machtiging = serializers.ChoiceField(
        choices=[("gemachtigde", "Gemachtigde"), ("machtiginggever", "Machtiginggever")],
        required=False,
        allow_blank=True,
    )
    contactpersoon_rol = ContactPersoonRolSerializer(required=False, allow_null=True)
    statussen = zaken_link("status", many=True)
    betrokkene_identificatie = JSONObject(required=False, allow_null=True)

    create_service = services.rol_create
    omit_when_null = ("betrokkene",)

    class Meta:
        model = Rol
        fields = [
            "url",
            "uuid",
            "zaak",
            "betrokkene",
            "betrokkene_type",
            "afwijkende_naam_betrokkene",
            "roltype",
            "omschrijving",
            "omschrijving_generiek",
            "roltoelichting",
            "registratiedatum",
            "indicatie_machtiging",
            "contactpersoon_rol",
            "statussen",
            "betrokkene_identificatie",
        ]
        read_only_fields = ["uuid", "omschrijving_generiek", "registratiedatum"]

    def validate(self, attrs: dict[str, Any]) -> dict[str, Any]:
        if attrs.get("zaak") is not None and attrs.get("roltype") is not None:
            check_roltype(zaak=attrs["zaak"], roltype=attrs["roltype"])  # zrc-019 first
        identification = attrs.get("betrokkene_identificatie") or {}
        if not attrs.get("betrokkene"):
            needed = _IDENTIFYING[BetrokkeneType(attrs["betrokkene_type"])]
            if not any(identification.get(name) for name in needed):
                raise serializers.ValidationError(
                    {"betrokkene_identificatie": "Give the betrokkene or its identification."},
                    code="invalid-betrokkene",
                )
        bsn = str(identification.get("inp_bsn", ""))
        if bsn and not (bsn.isdigit() and len(bsn) == 9):
            raise serializers.ValidationError(
                {"betrokkene_identificatie.inp_bsn": "A BSN has 9 digits."}, code="invalid"
            )
        attrs["betrokkene_identificatie"] = identification
        if attrs.get("contactpersoon_rol") is not None:
            attrs["contactpersoon_rol"] = dict(attrs["contactpersoon_rol"])
        return attrs

    def to_representation(self, instance: Rol) -> dict[str, Any]:
        data = super().to_representation(instance)
        data["betrokkene_identificatie"] = instance.betrokkene_identificatie or None
        return data


class ZaakObjectSerializer(ServiceSerializer):
    url = self_link("zaakobject")
    zaak = zaken_link("zaak", Zaak.objects.select_related("zaaktype"))
    zaakobjecttype = catalogi_link(
        "zaakobjecttype", ZaakObjectType.objects.all(), required=False, allow_null=True
    )
    object_type_overige_definitie = JSONObject(required=False, allow_null=True)
    object_identificatie = JSONObject(required=False, allow_null=True)

    create_service = services.zaakobject_create
    update_service = services.zaakobject_update
    instance_argument = "zaakobject"
    omit_when_null = (
        "object",
        "zaakobjecttype",
        "object_identificatie",
        "object_type_overige",
        "object_type_overige_definitie",
    )

    class Meta:
        model = ZaakObject
        fields = [
            "url",
            "uuid",
            "zaak",
            "object",
            "zaakobjecttype",
            "object_type",
            "object_type_overige",
            "object_type_overige_definitie",
            "relatieomschrijving",
            "object_identificatie",
        ]
        read_only_fields = ["uuid"]


class ZaakInformatieObjectSerializer(ServiceSerializer):
    url = self_link("zaakinformatieobject")
    zaak = zaken_link("zaak", Zaak.objects.select_related("zaaktype"))
    aard_relatie_weergave = serializers.SerializerMethodField()
    status = zaken_link("status", Status.objects.all(), required=False, allow_null=True)

    create_service = services.zaakinformatieobject_create
    update_service = services.zaakinformatieobject_update
    instance_argument = "zaakinformatieobject"
    omit_when_null = ("status",)

    class Meta:
        model = ZaakInformatieObject
        fields = [
            "url",
            "uuid",
            "informatieobject",
            "zaak",
            "aard_relatie_weergave",
            "titel",
            "beschrijving",
            "registratiedatum",
            "vernietigingsdatum",
            "status",
        ]
        read_only_fields = ["uuid", "registratiedatum"]

    def validate_informatieobject(self, value: str) -> str:
        # zrc-003: a document of another installation must answer as one.
        remote_field_check(value, kind="informatieobject", keys=INFORMATIEOBJECT_KEYS)
        return value

    def validate(self, attrs: dict[str, Any]) -> dict[str, Any]:
        attrs = super().validate(attrs)
        if self.instance is None and "zaak" in attrs and "informatieobject" in attrs:
            # zrc-017: through the API, as Open Zaak (the portal's and KCC's uploads take
            # their informatieobjecttype from the zaaktype themselves).
            check_informatieobjecttype_of_zaaktype(attrs["zaak"], attrs["informatieobject"])
        return attrs

    @extend_schema_field({"type": "string", "enum": ["Hoort bij, omgekeerd: kent"]})
    def get_aard_relatie_weergave(self, obj: ZaakInformatieObject) -> str:
        return "Hoort bij, omgekeerd: kent"


class ZaakEigenschapSerializer(ServiceSerializer):
    url = serializers.SerializerMethodField()
    zaak = zaken_link("zaak", Zaak.objects.select_related("zaaktype"))
    eigenschap = catalogi_link("eigenschap", Eigenschap.objects.all())

    create_service = services.zaakeigenschap_create
    update_service = services.zaakeigenschap_update
    instance_argument = "zaakeigenschap"

    class Meta:
        model = ZaakEigenschap
        fields = ["url", "uuid", "zaak", "eigenschap", "naam", "waarde"]
        read_only_fields = ["uuid", "naam"]

    @extend_schema_field({"type": "string", "format": "uri"})
    def get_url(self, obj: ZaakEigenschap) -> str:
        return eigenschap_url(self.context, obj.zaak.uuid, obj.uuid)


class AuditTrailSerializer(BaseAuditTrailSerializer):
    class Meta(BaseAuditTrailSerializer.Meta):
        model = AuditTrail
