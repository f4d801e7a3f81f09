"""Taken API 0.1.0 representations: one shape for the three kinds, with the kind-specific
``details``. Free-form JSON (formulierDefinitie, *Gegevens) passes through uncased; the
details are stored under the spec's own (camelCase) names."""

from __future__ import annotations

from typing import Any

from django.urls import reverse
from rest_framework import serializers

from mijnservices.registrations.berichten.api.serializers import (
    IsGerelateerdAanSerializer,
    UrnField,
)
from mijnservices.registrations.taken.models import (
    ExterneTaak,
    HandelingsPerspectief,
    TaakSoort,
    TaakStatus,
)
from mijnservices.registrations.taken.services import RESOURCES

FREE_FORM = ("formulier_definitie", "voorinvullen_gegevens", "ontvangen_gegevens")


def _camel(name: str) -> str:
    head, *rest = name.split("_")
    return head + "".join(part.title() for part in rest)


def _snake(name: str) -> str:
    return "".join(f"_{c.lower()}" if c.isupper() else c for c in name)


class DoelrekeningSerializer(serializers.Serializer):  # type: ignore[type-arg]
    naam = serializers.CharField(max_length=200, required=False, allow_blank=True)
    code = serializers.CharField(max_length=100, required=False, allow_blank=True)
    iban = serializers.RegexField(
        r"^[A-Za-z]{2}[0-9]{2}[A-Za-z0-9]{1,30}$", max_length=34, required=False
    )


class BetaalDetailsSerializer(serializers.Serializer):  # type: ignore[type-arg]
    bedrag = serializers.DecimalField(max_digits=12, decimal_places=2, coerce_to_string=True)
    valuta = serializers.CharField(default="EUR")
    transactieomschrijving = serializers.CharField(max_length=80)
    doelrekening = DoelrekeningSerializer()


class BijlageRefSerializer(serializers.Serializer):  # type: ignore[type-arg]
    informatie_object = UrnField()


class URLDetailsSerializer(serializers.Serializer):  # type: ignore[type-arg]
    uitvraag_link = serializers.URLField()
    voorinvullen_gegevens = serializers.DictField(required=False)
    ontvangen_gegevens = serializers.DictField(required=False)
    ontvangen_bijlagen = BijlageRefSerializer(many=True, required=False)


class FormulierDetailsSerializer(serializers.Serializer):  # type: ignore[type-arg]
    formulier_definitie = serializers.DictField()
    voorinvullen_gegevens = serializers.DictField(required=False)
    ontvangen_gegevens = serializers.DictField(required=False)


DETAILS = {
    TaakSoort.BETAALTAAK: BetaalDetailsSerializer,
    TaakSoort.URLTAAK: URLDetailsSerializer,
    TaakSoort.FORMULIERTAAK: FormulierDetailsSerializer,
}


def _camel_keys(value: Any) -> Any:
    if isinstance(value, dict):
        return {_camel(k): (_camel_keys(v) if k not in FREE_FORM else v) for k, v in value.items()}
    if isinstance(value, list):
        return [_camel_keys(v) for v in value]
    return value


def _snake_keys(value: Any) -> Any:
    if isinstance(value, dict):
        return {
            _snake(k): (_snake_keys(v) if _snake(k) not in FREE_FORM else v)
            for k, v in value.items()
        }
    if isinstance(value, list):
        return [_snake_keys(v) for v in value]
    return value


class TaakSerializer(serializers.Serializer):  # type: ignore[type-arg]
    url = serializers.SerializerMethodField()
    urn = serializers.CharField(read_only=True)
    uuid = serializers.UUIDField(read_only=True)
    titel = serializers.CharField(max_length=100)
    verwerker_taak_id = serializers.CharField(max_length=36, required=False, allow_blank=True)
    status = serializers.ChoiceField(choices=TaakStatus.choices, required=False)
    startdatum = serializers.DateField(required=False)
    handelings_perspectief = serializers.ChoiceField(
        choices=HandelingsPerspectief.choices, required=False, allow_blank=True
    )
    einddatum_handelings_termijn = serializers.DateField()
    datum_herinnering = serializers.DateField(required=False, allow_null=True)
    toelichting = serializers.CharField(max_length=80, required=False, allow_blank=True)
    is_toegewezen_aan = UrnField(required=False, allow_blank=True)
    is_gerelateerd_aan = IsGerelateerdAanSerializer(many=True, required=False)
    taak_soort = serializers.ChoiceField(choices=TaakSoort.choices, read_only=True)
    details = serializers.DictField()

    #: set by the viewset for the kind-specific collections
    fixed_soort: TaakSoort | None = None

    def get_url(self, obj: ExterneTaak) -> str:
        name = f"taken:{RESOURCES[TaakSoort(obj.taak_soort)]}-detail"
        return self.context["request"].build_absolute_uri(  # type: ignore[no-any-return]
            reverse(name, kwargs={"uuid": obj.uuid})
        )

    def soort(self, attrs: dict[str, Any]) -> TaakSoort:
        if self.fixed_soort is not None:
            return self.fixed_soort
        if self.instance is not None:
            return TaakSoort(self.instance.taak_soort)
        raw = self.initial_data.get("taak_soort")
        if raw not in TaakSoort.values:
            raise serializers.ValidationError(
                {"taak_soort": ["Choose betaaltaak, urltaak or formuliertaak."]}
            )
        return TaakSoort(raw)

    def validate(self, attrs: dict[str, Any]) -> dict[str, Any]:
        soort = self.soort(attrs)
        attrs["taak_soort"] = soort
        if "details" in attrs:
            details = DETAILS[soort](data=attrs["details"])
            if not details.is_valid():
                raise serializers.ValidationError({"details": details.errors})
            attrs["details"] = _camel_keys(dict(details.validated_data))
            if soort == TaakSoort.BETAALTAAK:
                attrs["details"]["bedrag"] = str(attrs["details"]["bedrag"])
        if "is_gerelateerd_aan" in attrs:
            attrs["is_gerelateerd_aan"] = [item["urn"] for item in attrs["is_gerelateerd_aan"]]
        return attrs

    def to_representation(self, instance: ExterneTaak) -> dict[str, Any]:
        data = super().to_representation(instance)
        data["is_gerelateerd_aan"] = [{"urn": urn} for urn in instance.is_gerelateerd_aan]
        data["details"] = _snake_keys(instance.details)
        if data["datum_herinnering"] is None:
            del data["datum_herinnering"]
        if not data.get("is_toegewezen_aan"):
            del data["is_toegewezen_aan"]  # optional, and "" is no URN (the spec's pattern)
        return data  # type: ignore[no-any-return]


class PolymorphicTaakSerializer(TaakSerializer):
    """``/externetaken``: the kind comes from ``taakSoort`` in the request."""

    taak_soort = serializers.ChoiceField(choices=TaakSoort.choices)
