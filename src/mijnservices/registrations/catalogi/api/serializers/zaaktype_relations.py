"""Zaakobjecttypen and zaaktype-informatieobjecttypen: bound to one zaaktype version."""

from __future__ import annotations

from typing import Any

from rest_framework import serializers

from mijnservices.registrations.catalogi import services
from mijnservices.registrations.catalogi.api.serializers.base import (
    EmptyList,
    catalogi_object,
    ensure_same_catalogus,
    link,
    self_link,
)
from mijnservices.registrations.catalogi.api.serializers.subtypes import (
    DERIVED,
    ZaaktypeDerived,
)
from mijnservices.registrations.catalogi.models import (
    Richting,
    StatusType,
    ZaakObjectType,
    ZaakTypeInformatieObjectType,
)


class OmschrijvingOrUrl(serializers.CharField):
    """The 1.3 schema asks the informatieobjecttype's omschrijving ("no URL"); the VNG suites
    and Open Zaak's clients send the URL of a version: its omschrijving is taken, as the list
    relations do (the length limit applies to the omschrijving)."""

    def to_internal_value(self, data: Any) -> str:
        if isinstance(data, str) and data.startswith(("http://", "https://")):
            related = catalogi_object(data, "informatieobjecttype")
            ensure_same_catalogus(self.parent, related, "informatieobjecttype")
            return str(related.omschrijving)
        return str(super().to_internal_value(data))


class ZaakTypeInformatieObjectTypeSerializer(ZaaktypeDerived):
    create_service = services.zaaktype_informatieobjecttype_create
    update_service = services.zaaktype_informatieobjecttype_update
    instance_argument = "zaaktype_informatieobjecttype"
    relation_rules = True  # ztc-010/011 (concept_relations)

    url = self_link("zaaktypeinformatieobjecttype")
    informatieobjecttype = OmschrijvingOrUrl(
        max_length=100, help_text="omschrijving of the informatieobjecttype (not a URL)"
    )
    volgnummer = serializers.IntegerField(min_value=1, max_value=999)
    richting = serializers.ChoiceField(choices=Richting.choices)
    statustype = link(
        "statustype", queryset=StatusType.objects.all(), required=False, allow_null=True
    )

    class Meta:
        model = ZaakTypeInformatieObjectType
        # No generated unique-together check: the service answers a taken volgnummer
        # ("unique"), after the rule about published types (ztc-011f, as Open Zaak).
        validators: list[Any] = []
        fields = [
            "url",
            "zaaktype",
            "zaaktype_identificatie",
            "catalogus",
            "informatieobjecttype",
            "volgnummer",
            "richting",
            "statustype",
        ]


class ZaakObjectTypeSerializer(ZaaktypeDerived):
    create_service = services.zaakobjecttype_create
    update_service = services.zaakobjecttype_update
    instance_argument = "zaakobjecttype"

    url = self_link("zaakobjecttype")
    # The 1.3.3 schema has no attribute through which a statustype or resultaattype names
    # a zaakobjecttype, so these relations stay empty.
    objecttype = serializers.URLField(max_length=200)
    resultaattypen = EmptyList()
    resultaattype_omschrijving = EmptyList()
    statustypen = EmptyList()

    class Meta:
        model = ZaakObjectType
        fields = [
            "url",
            "ander_objecttype",
            *DERIVED,
            "objecttype",
            "relatie_omschrijving",
            "zaaktype",
            "zaaktype_identificatie",
            "resultaattypen",
            "resultaattype_omschrijving",
            "statustypen",
            "catalogus",
        ]
        extra_kwargs = {"ander_objecttype": {"required": True}}
