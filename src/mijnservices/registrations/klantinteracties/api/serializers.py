"""Klantinteracties 0.9.0 representations of partijen and what hangs off them:
partij-identificatoren, digitale adressen, rekeningnummers, vertegenwoordigingen,
categorieën and categorie-relaties."""

from __future__ import annotations

from typing import Any

from django.utils import timezone
from drf_spectacular.utils import extend_schema_field
from rest_framework import serializers

from mijnservices.registrations.klantinteracties.api.fields import (
    AdresSerializer,
    ContactnaamSerializer,
    Ref,
    RefList,
    naam,
    resource_url,
)
from mijnservices.registrations.klantinteracties.models import (
    Betrokkene,
    Categorie,
    CategorieRelatie,
    DigitaalAdres,
    Partij,
    PartijIdentificator,
    Rekeningnummer,
    SoortDigitaalAdres,
    SoortPartij,
    Vertegenwoordiging,
)

CODE_OBJECTTYPE = ("natuurlijk_persoon", "niet_natuurlijk_persoon", "vestiging")
CODE_SOORT_OBJECT_ID = ("bsn", "vestigingsnummer", "kvk_nummer", "rsin")
CODE_REGISTER = ("brp", "hr")


class Base(serializers.Serializer):  # type: ignore[type-arg]
    collection: str = ""
    uuid = serializers.UUIDField(read_only=True)
    url = serializers.SerializerMethodField()

    def get_url(self, obj: Any) -> str:
        return resource_url(self.context, self.collection, obj.uuid)


class PartijIdentificatorGroepSerializer(serializers.Serializer):  # type: ignore[type-arg]
    code_objecttype = serializers.ChoiceField(choices=CODE_OBJECTTYPE)
    code_soort_object_id = serializers.ChoiceField(choices=CODE_SOORT_OBJECT_ID)
    object_id = serializers.CharField(max_length=200)
    code_register = serializers.ChoiceField(choices=CODE_REGISTER)


class PartijIdentificatorSerializer(Base):
    collection = "partij-identificatoren"
    identificeerde_partij = Ref(
        Partij, "partijen", source="partij", required=False, allow_null=True
    )
    andere_partij_identificator = serializers.CharField(
        source="anderen_partij_identificator", max_length=200, required=False, allow_blank=True
    )
    partij_identificator = PartijIdentificatorGroepSerializer(source="*")
    sub_identificator_van = Ref(
        PartijIdentificator, "partij-identificatoren", required=False, allow_null=True
    )

    def validate(self, attrs: dict[str, Any]) -> dict[str, Any]:
        sub = attrs.get("sub_identificator_van")
        soort = attrs.get("code_soort_object_id")
        if sub is not None and (
            soort != "vestigingsnummer" or sub.code_soort_object_id != "kvk_nummer"
        ):
            raise serializers.ValidationError(
                {"sub_identificator_van": ["Only a vestigingsnummer hangs under a kvk_nummer."]},
                code="invalid",
            )
        return attrs


class NestedIdentificatorSerializer(PartijIdentificatorSerializer):
    """Inside a partij: the partij itself is implied."""

    identificeerde_partij = Ref(Partij, "partijen", source="partij", read_only=True)


@extend_schema_field({"type": "object", "additionalProperties": True})
class PartijIdentificatieField(serializers.Field):  # type: ignore[type-arg]
    """``partijIdentificatie``: its shape follows ``soortPartij`` (persoon: contactnaam;
    organisatie: naam; contactpersoon: contactnaam and werkteVoorPartij)."""

    def get_attribute(self, instance: Partij) -> Partij:
        return instance

    def to_representation(self, partij: Partij) -> dict[str, Any]:
        stored = partij.partij_identificatie or {}
        if partij.soort_partij == SoortPartij.ORGANISATIE:
            return {"naam": str(stored.get("naam", ""))}
        contactnaam = ContactnaamSerializer().to_representation(stored.get("contactnaam"))
        data: dict[str, Any] = {
            "contactnaam": contactnaam,
            "volledige_naam": naam(stored.get("contactnaam")),
        }
        if partij.soort_partij == SoortPartij.CONTACTPERSOON:
            data["uuid"] = str(partij.uuid)
            werkt_voor = partij.werkt_voor_partij
            data["werkte_voor_partij"] = (
                {
                    "uuid": str(werkt_voor.uuid),
                    "url": resource_url(self.context, "partijen", werkt_voor.uuid),
                }
                if werkt_voor is not None
                else None
            )
        return data

    def to_internal_value(self, data: Any) -> dict[str, Any]:
        if not isinstance(data, dict):
            raise serializers.ValidationError("Expected an object.", code="invalid")
        values: dict[str, Any] = {}
        if "naam" in data:
            naam_value = serializers.CharField(max_length=200, allow_blank=True)
            values["naam"] = naam_value.run_validation(data["naam"])
        if data.get("contactnaam") is not None:
            values["contactnaam"] = ContactnaamSerializer().run_validation(data["contactnaam"])
        if data.get("werkte_voor_partij") is not None:
            values["werkt_voor_partij"] = Ref(Partij, "partijen").run_validation(
                data["werkte_voor_partij"]
            )
        return values


class PartijSerializer(Base):
    collection = "partijen"
    nummer = serializers.CharField(max_length=10, required=False, allow_null=True, allow_blank=True)
    interne_notitie = serializers.CharField(max_length=1000, required=False, allow_blank=True)
    betrokkenen = RefList("betrokkenen")
    categorie_relaties = serializers.SerializerMethodField()
    digitale_adressen = RefList("digitaleadressen")
    voorkeurs_digitaal_adres = Ref(
        DigitaalAdres, "digitaleadressen", required=False, allow_null=True
    )
    vertegenwoordigden = serializers.SerializerMethodField()
    rekeningnummers = RefList("rekeningnummers")
    voorkeurs_rekeningnummer = Ref(
        Rekeningnummer, "rekeningnummers", required=False, allow_null=True
    )
    partij_identificatoren = NestedIdentificatorSerializer(
        source="identificatoren", many=True, required=False
    )
    soort_partij = serializers.ChoiceField(choices=SoortPartij.choices)
    indicatie_geheimhouding = serializers.BooleanField(required=False, allow_null=True)
    voorkeurstaal = serializers.CharField(max_length=3, required=False, allow_blank=True)
    indicatie_actief = serializers.BooleanField()
    bezoekadres = AdresSerializer(required=False, allow_null=True)
    correspondentieadres = AdresSerializer(required=False, allow_null=True)
    partij_identificatie = PartijIdentificatieField(required=False)

    def get_categorie_relaties(self, obj: Partij) -> list[dict[str, Any]]:
        return [
            {
                "uuid": str(r.uuid),
                "url": resource_url(self.context, "categorie-relaties", r.uuid),
                "categorie_naam": r.categorie.naam if r.categorie else None,
                "begin_datum": r.begin_datum.isoformat() if r.begin_datum else None,
                "eind_datum": r.eind_datum.isoformat() if r.eind_datum else None,
            }
            for r in obj.categorie_relaties.all()
        ]

    def get_vertegenwoordigden(self, obj: Partij) -> list[dict[str, str]]:
        return [
            {
                "uuid": str(v.vertegenwoordigde_partij.uuid),
                "url": resource_url(self.context, "partijen", v.vertegenwoordigde_partij.uuid),
            }
            for v in obj.vertegenwoordigt.all()
        ]

    def validate(self, attrs: dict[str, Any]) -> dict[str, Any]:
        identificatie = attrs.pop("partij_identificatie", None)
        soort = attrs.get("soort_partij") or getattr(self.instance, "soort_partij", "")
        if identificatie is not None:
            werkt_voor = identificatie.pop("werkt_voor_partij", None)
            if soort == SoortPartij.ORGANISATIE:
                identificatie = {"naam": identificatie.get("naam", "")}
            else:
                identificatie.pop("naam", None)
            if soort == SoortPartij.CONTACTPERSOON:
                attrs["werkt_voor_partij"] = werkt_voor
            attrs["partij_identificatie"] = identificatie
        for field in ("bezoekadres", "correspondentieadres"):
            if field in attrs and attrs[field] is None:
                attrs[field] = {}
        if attrs.get("nummer") is None:
            attrs.pop("nummer", None)
        elif (
            Partij.objects.filter(nummer=attrs["nummer"])
            .exclude(pk=getattr(self.instance, "pk", 0))
            .exists()
        ):
            raise serializers.ValidationError({"nummer": ["This nummer is taken."]}, code="unique")
        partij = self.instance
        for field in ("voorkeurs_digitaal_adres", "voorkeurs_rekeningnummer"):
            chosen = attrs.get(field)
            if chosen is not None and (partij is None or chosen.partij_id != partij.pk):
                raise serializers.ValidationError(
                    {field: ["Choose one of this partij's own."]}, code="invalid"
                )
        return attrs


class DigitaalAdresSerializer(Base):
    collection = "digitaleadressen"
    verstrekt_door_betrokkene = Ref(
        Betrokkene, "betrokkenen", source="betrokkene", required=False, allow_null=True
    )
    verstrekt_door_partij = Ref(
        Partij, "partijen", source="partij", required=False, allow_null=True
    )
    adres = serializers.CharField(max_length=80)
    soort_digitaal_adres = serializers.ChoiceField(choices=SoortDigitaalAdres.choices)
    is_standaard_adres = serializers.BooleanField(required=False)
    omschrijving = serializers.CharField(max_length=40, required=False, allow_blank=True)
    referentie = serializers.RegexField(
        r"^[-a-zA-Z0-9_]+$", max_length=50, required=False, allow_blank=True
    )
    verificatie_datum = serializers.DateField(required=False, allow_null=True)

    def to_representation(self, instance: DigitaalAdres) -> dict[str, Any]:
        verified = instance.verificatie_datum
        instance.verificatie_datum = None
        try:
            data: dict[str, Any] = super().to_representation(instance)
        finally:
            instance.verificatie_datum = verified
        data["verificatie_datum"] = timezone.localdate(verified).isoformat() if verified else None
        if not data["referentie"]:
            # The spec's pattern does not admit an empty referentie: left out when blank.
            del data["referentie"]
        return data


class RekeningnummerSerializer(Base):
    collection = "rekeningnummers"
    partij = Ref(Partij, "partijen", required=False, allow_null=True)
    iban = serializers.RegexField(r"^[A-Z]{2}[0-9]{2}[A-Z0-9]{1,30}$", max_length=34)
    bic = serializers.CharField(max_length=11, required=False, allow_blank=True)

    def to_representation(self, instance: Any) -> dict[str, Any]:
        data: dict[str, Any] = super().to_representation(instance)
        if not data.get("bic"):
            del data["bic"]  # optional, and the spec's pattern does not admit an empty one
        return data


class VertegenwoordigingSerializer(Base):
    collection = "vertegenwoordigingen"
    vertegenwoordigende_partij = Ref(Partij, "partijen")
    vertegenwoordigde_partij = Ref(Partij, "partijen")

    def validate(self, attrs: dict[str, Any]) -> dict[str, Any]:
        by = attrs.get(
            "vertegenwoordigende_partij", getattr(self.instance, "vertegenwoordigende_partij", None)
        )
        of = attrs.get(
            "vertegenwoordigde_partij", getattr(self.instance, "vertegenwoordigde_partij", None)
        )
        if by is not None and by == of:
            raise serializers.ValidationError(
                {"vertegenwoordigde_partij": ["A partij cannot represent itself."]}, code="invalid"
            )
        duplicate = Vertegenwoordiging.objects.filter(
            vertegenwoordigende_partij=by, vertegenwoordigde_partij=of
        ).exclude(pk=getattr(self.instance, "pk", 0))
        if duplicate.exists():
            raise serializers.ValidationError(
                {"vertegenwoordigde_partij": ["This vertegenwoordiging exists."]}, code="unique"
            )
        return attrs


class CategorieSerializer(Base):
    collection = "categorieen"
    naam = serializers.CharField(max_length=80)


class CategorieRefField(Ref):
    def to_representation(self, value: Any) -> dict[str, str]:
        return {**super().to_representation(value), "naam": value.naam}


class CategorieRelatieSerializer(Base):
    collection = "categorie-relaties"
    partij = Ref(Partij, "partijen", required=False, allow_null=True)
    categorie = CategorieRefField(Categorie, "categorieen", required=False, allow_null=True)
    begin_datum = serializers.DateField(required=False, allow_null=True)
    eind_datum = serializers.DateField(required=False, allow_null=True)


__all__ = [
    "CategorieRelatie",
    "CategorieRelatieSerializer",
    "CategorieSerializer",
    "DigitaalAdresSerializer",
    "PartijIdentificatorSerializer",
    "PartijSerializer",
    "RekeningnummerSerializer",
    "VertegenwoordigingSerializer",
]
