"""Klantcontacten, zaakcontactmomenten, zaakverzoeken, zaaknotities and zaaknummer
reservations (Zaken API 1.7)."""

from __future__ import annotations

from typing import Any

from rest_framework import serializers

from mijnservices.core.validators import is_valid_rsin
from mijnservices.registrations.zaken import services
from mijnservices.registrations.zaken.api.serializers.common import (
    ServiceSerializer,
    self_link,
    zaken_link,
)
from mijnservices.registrations.zaken.models import (
    KlantContact,
    Zaak,
    ZaakContactMoment,
    ZaakNotitie,
    ZaakVerzoek,
)

ZAKEN = Zaak.objects.select_related("zaaktype")


class KlantContactSerializer(ServiceSerializer):
    url = self_link("klantcontact")
    zaak = zaken_link("zaak", ZAKEN)

    create_service = services.klantcontact_create
    instance_argument = "klantcontact"

    class Meta:
        model = KlantContact
        fields = [
            "url",
            "uuid",
            "zaak",
            "identificatie",
            "datumtijd",
            "kanaal",
            "onderwerp",
            "toelichting",
        ]
        read_only_fields = ["uuid"]
        extra_kwargs = {"identificatie": {"required": False}}


class ZaakContactMomentSerializer(ServiceSerializer):
    url = self_link("zaakcontactmoment")
    zaak = zaken_link("zaak", ZAKEN)

    create_service = services.zaakcontactmoment_create
    instance_argument = "zaakcontactmoment"

    class Meta:
        model = ZaakContactMoment
        fields = ["url", "uuid", "zaak", "contactmoment"]
        read_only_fields = ["uuid"]


class ZaakVerzoekSerializer(ServiceSerializer):
    url = self_link("zaakverzoek")
    zaak = zaken_link("zaak", ZAKEN)

    create_service = services.zaakverzoek_create
    instance_argument = "zaakverzoek"

    class Meta:
        model = ZaakVerzoek
        fields = ["url", "uuid", "zaak", "verzoek"]
        read_only_fields = ["uuid"]


class ZaakNotitieSerializer(ServiceSerializer):
    url = self_link("zaaknotitie")
    gerelateerd_aan = zaken_link("zaak", ZAKEN, source="zaak")

    create_service = services.zaaknotitie_create
    update_service = services.zaaknotitie_update
    instance_argument = "zaaknotitie"

    class Meta:
        model = ZaakNotitie
        fields = [
            "url",
            "onderwerp",
            "tekst",
            "aangemaakt_door",
            "notitie_type",
            "status",
            "aanmaakdatum",
            "wijzigingsdatum",
            "gerelateerd_aan",
        ]
        read_only_fields = ["aanmaakdatum", "wijzigingsdatum"]


class ReserveZaakIdentificatieSerializer(serializers.Serializer):  # type: ignore[type-arg]
    bronorganisatie = serializers.CharField(min_length=9, max_length=9, write_only=True)
    aantal = serializers.IntegerField(min_value=1, max_value=100, default=1, write_only=True)
    zaaknummer = serializers.CharField(read_only=True)

    def validate_bronorganisatie(self, value: str) -> str:
        if not is_valid_rsin(value):
            raise serializers.ValidationError("Not a valid RSIN.", code="invalid")
        return value

    def to_representation(self, instance: Any) -> dict[str, Any]:
        return {"zaaknummer": instance}
