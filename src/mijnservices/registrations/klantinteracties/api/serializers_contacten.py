"""Klantinteracties 0.9.0 representations of klantcontacten and what hangs off them:
betrokkenen, onderwerpobjecten, bijlagen, actoren, actorklantcontacten, internetaken and
the ``maak-klantcontact`` bundle."""

from __future__ import annotations

from typing import Any

from rest_framework import serializers

from mijnservices.api.fields import Rfc3339DateTimeField
from mijnservices.registrations.klantinteracties.api.fields import (
    AdresSerializer,
    ContactnaamSerializer,
    ObjectIdentificatorSerializer,
    Ref,
    RefList,
    WritableRefList,
    naam,
)
from mijnservices.registrations.klantinteracties.api.serializers import Base
from mijnservices.registrations.klantinteracties.models import (
    Actor,
    Internetaak,
    Klantcontact,
    Partij,
    SoortActor,
)

ROLLEN = ("vertegenwoordiger", "klant")
SOORT_ACTOR = ("medewerker", "geautomatiseerde_actor", "organisatorische_eenheid")


class ActorSerializer(Base):
    collection = "actoren"
    naam = serializers.CharField(max_length=200)
    soort_actor = serializers.ChoiceField(choices=SOORT_ACTOR)
    indicatie_actief = serializers.BooleanField(required=False)
    actoridentificator = ObjectIdentificatorSerializer(required=False, allow_null=True)
    actor_identificatie = serializers.DictField(required=False)

    def to_representation(self, instance: Actor) -> dict[str, Any]:
        data: dict[str, Any] = super().to_representation(instance)
        if instance.soort_actor == SoortActor.GENERIEK:
            data["soort_actor"] = SoortActor.GEAUTOMATISEERDE_ACTOR.value
        data["actoridentificator"] = instance.actoridentificator or None
        if not instance.actor_identificatie:
            # medewerker/geautomatiseerde actor identificaties have required members: an
            # actor registered without one is shown without it.
            del data["actor_identificatie"]
        return data

    def validate_actor_identificatie(self, value: dict[str, Any]) -> dict[str, Any]:
        allowed = {"functie", "emailadres", "telefoonnummer", "omschrijving", "faxnummer"}
        unknown = set(value) - allowed
        if unknown:
            raise serializers.ValidationError(f"Unknown members: {', '.join(sorted(unknown))}.")
        return {k: str(v) for k, v in value.items()}

    def validate(self, attrs: dict[str, Any]) -> dict[str, Any]:
        if attrs.get("actoridentificator") is None and "actoridentificator" in attrs:
            attrs["actoridentificator"] = {}
        return attrs


class KlantcontactSerializer(Base):
    collection = "klantcontacten"
    ging_over_onderwerpobjecten = RefList("onderwerpobjecten", source="onderwerpobjecten")
    had_betrokken_actoren = serializers.SerializerMethodField()
    omvatte_bijlagen = RefList("bijlagen", source="bijlagen")
    had_betrokkenen = RefList("betrokkenen", source="betrokkenen")
    leidde_tot_interne_taken = RefList("internetaken", source="internetaken")
    nummer = serializers.CharField(max_length=10, required=False, allow_null=True, allow_blank=True)
    referentienummer = serializers.CharField(
        max_length=10, required=False, allow_null=True, allow_blank=True
    )
    kanaal = serializers.CharField(max_length=50)
    onderwerp = serializers.CharField(max_length=200)
    inhoud = serializers.CharField(max_length=1000, required=False, allow_blank=True)
    reactie = serializers.CharField(max_length=4000, required=False, allow_blank=True)
    indicatie_contact_gelukt = serializers.BooleanField(required=False, allow_null=True)
    hoofd_onderwerp_type = serializers.URLField(max_length=200, required=False, allow_blank=True)
    verdere_actie_ondernomen = serializers.BooleanField(required=False)
    taal = serializers.CharField(max_length=3)
    vertrouwelijk = serializers.BooleanField()
    plaatsgevonden_op = Rfc3339DateTimeField(required=False)
    metadata = serializers.DictField(required=False)

    def get_had_betrokken_actoren(self, obj: Klantcontact) -> list[dict[str, Any]]:
        actors = [link.actor for link in obj.actorklantcontacten.all()]
        return ActorSerializer(actors, many=True, context=self.context).data  # type: ignore[return-value]

    def to_representation(self, instance: Klantcontact) -> dict[str, Any]:
        data: dict[str, Any] = super().to_representation(instance)
        if not instance.hoofd_onderwerp_type:
            del data["hoofd_onderwerp_type"]
        data["referentienummer"] = instance.referentienummer or None
        return data

    def validate(self, attrs: dict[str, Any]) -> dict[str, Any]:
        if attrs.get("referentienummer") is None:
            attrs.pop("referentienummer", None)
        if attrs.get("nummer") is None:
            attrs.pop("nummer", None)
        elif (
            Klantcontact.objects.filter(nummer=attrs["nummer"])
            .exclude(pk=getattr(self.instance, "pk", 0))
            .exists()
        ):
            raise serializers.ValidationError({"nummer": ["This nummer is taken."]}, code="unique")
        return attrs


class BetrokkeneSerializer(Base):
    collection = "betrokkenen"
    was_partij = Ref(Partij, "partijen", source="partij", required=False, allow_null=True)
    had_klantcontact = Ref(Klantcontact, "klantcontacten", source="klantcontact")
    digitale_adressen = RefList("digitaleadressen")
    bezoekadres = AdresSerializer(required=False, allow_null=True)
    correspondentieadres = AdresSerializer(required=False, allow_null=True)
    contactnaam = ContactnaamSerializer(required=False, allow_null=True)
    volledige_naam = serializers.SerializerMethodField()
    rol = serializers.ChoiceField(choices=ROLLEN)
    organisatienaam = serializers.CharField(max_length=200, required=False, allow_blank=True)
    initiator = serializers.BooleanField()

    def get_volledige_naam(self, obj: Any) -> str:
        return naam(obj.contactnaam) or obj.organisatienaam

    def validate(self, attrs: dict[str, Any]) -> dict[str, Any]:
        for field in ("bezoekadres", "correspondentieadres", "contactnaam"):
            if field in attrs and attrs[field] is None:
                attrs[field] = {}
        return attrs


class BetrokkeneInMaakSerializer(BetrokkeneSerializer):
    """In ``maak-klantcontact`` the klantcontact is the one being made."""

    had_klantcontact = Ref(Klantcontact, "klantcontacten", source="klantcontact", read_only=True)


class OnderwerpobjectSerializer(Base):
    collection = "onderwerpobjecten"
    klantcontact = Ref(Klantcontact, "klantcontacten", required=False, allow_null=True)
    was_klantcontact = Ref(Klantcontact, "klantcontacten", required=False, allow_null=True)
    onderwerpobjectidentificator = ObjectIdentificatorSerializer(
        source="*", required=False, allow_null=True
    )

    def validate(self, attrs: dict[str, Any]) -> dict[str, Any]:
        attrs.update(attrs.pop("onderwerpobjectidentificator", None) or {})
        return attrs


class OnderwerpobjectInMaakSerializer(OnderwerpobjectSerializer):
    klantcontact = Ref(Klantcontact, "klantcontacten", read_only=True)


class BijlageSerializer(Base):
    collection = "bijlagen"
    was_bijlage_van_klantcontact = Ref(
        Klantcontact, "klantcontacten", source="klantcontact", required=False, allow_null=True
    )
    bijlageidentificator = ObjectIdentificatorSerializer(
        source="*", required=False, allow_null=True
    )

    def validate(self, attrs: dict[str, Any]) -> dict[str, Any]:
        attrs.update(attrs.pop("bijlageidentificator", None) or {})
        return attrs


class ActorKlantcontactSerializer(Base):
    collection = "actorklantcontacten"
    actor = Ref(Actor, "actoren")
    klantcontact = Ref(Klantcontact, "klantcontacten")


class FirstActorRef(Ref):
    """The deprecated single ``toegewezenAanActor``: the first of the actoren."""

    def get_attribute(self, instance: Any) -> Any:
        actoren = list(instance.toegewezen_aan_actoren.all())
        return actoren[0] if actoren else None


class InternetaakSerializer(Base):
    collection = "internetaken"
    nummer = serializers.CharField(max_length=10, required=False, allow_null=True, allow_blank=True)
    referentienummer = serializers.CharField(
        max_length=10, required=False, allow_null=True, allow_blank=True
    )
    gevraagde_handeling = serializers.CharField(max_length=200)
    aanleidinggevend_klantcontact = Ref(Klantcontact, "klantcontacten", source="klantcontact")
    toegewezen_aan_actor = FirstActorRef(Actor, "actoren", required=False)
    toegewezen_aan_actoren = WritableRefList(Actor, "actoren", required=False)
    toelichting = serializers.CharField(max_length=1000, required=False, allow_blank=True)
    status = serializers.ChoiceField(choices=Internetaak.Status.choices)
    toegewezen_op = Rfc3339DateTimeField(read_only=True)
    afgehandeld_op = Rfc3339DateTimeField(required=False, allow_null=True)

    def to_representation(self, instance: Internetaak) -> dict[str, Any]:
        data: dict[str, Any] = super().to_representation(instance)
        data["referentienummer"] = instance.referentienummer or None
        if data.get("toegewezen_aan_actor") is None:
            data.pop("toegewezen_aan_actor", None)
        return data

    def validate(self, attrs: dict[str, Any]) -> dict[str, Any]:
        single = attrs.pop("toegewezen_aan_actor", None)
        if single is not None and "toegewezen_aan_actoren" not in attrs:
            attrs["toegewezen_aan_actoren"] = [single]
        for field in ("nummer", "referentienummer"):
            if attrs.get(field) is None:
                attrs.pop(field, None)
        if attrs.get("status") == Internetaak.Status.VERWERKT and not attrs.get("afgehandeld_op"):
            from django.utils import timezone

            attrs["afgehandeld_op"] = timezone.now()
        return attrs


class MaakKlantcontactSerializer(serializers.Serializer):  # type: ignore[type-arg]
    klantcontact = KlantcontactSerializer()
    betrokkene = BetrokkeneInMaakSerializer(required=False)
    onderwerpobject = OnderwerpobjectInMaakSerializer(required=False)
