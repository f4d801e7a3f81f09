"""Query parameters of the Zaken API 1.7 lists, named as the standard names them."""

from __future__ import annotations

from typing import Any
from urllib.parse import urlparse
from uuid import UUID

from django.db.models import Q, QuerySet
from django.urls import Resolver404, resolve
from django_filters import rest_framework as filters
from rest_framework.exceptions import ValidationError

from mijnservices.registrations.catalogi.models import Vertrouwelijkheid
from mijnservices.registrations.zaken.models import (
    Archiefnominatie,
    Archiefstatus,
    BetrokkeneType,
    Resultaat,
    Rol,
    Status,
    Zaak,
    ZaakInformatieObject,
    ZaakObject,
)
from mijnservices.services.access.policy import allowed_levels


def uuid_from_url(value: str, view_name: str, field: str) -> UUID:
    """The uuid of one of our own resources, from its URL (400 if it is not one)."""
    try:
        match = resolve(urlparse(value).path)
    except Resolver404:
        match = None
    if match is None or match.view_name != view_name:
        raise ValidationError({field: ["Give a valid URL of this API."]}, code="invalid")
    try:
        return UUID(str(match.kwargs["uuid"]))
    except ValueError:
        raise ValidationError({field: ["Give a valid URL of this API."]}, code="invalid") from None


def _by_url(view_name: str, lookup: str) -> Any:
    def method(self: Any, queryset: QuerySet[Any], name: str, value: str) -> QuerySet[Any]:
        return queryset.filter(**{lookup: uuid_from_url(value, view_name, name)})

    return method


# rol__… query parameter → Rol column. All rol conditions of one request must hold for the
# same rol, so they are gathered into one subquery (indexed on the identifying column).
ROL_PARAMS = {
    "betrokkeneType": "betrokkene_type",
    "betrokkene": "betrokkene",
    "omschrijvingGeneriek": "omschrijving_generiek",
    "betrokkeneIdentificatie__natuurlijkPersoon__inpBsn": "inp_bsn",
    "betrokkeneIdentificatie__natuurlijkPersoon__anpIdentificatie": "anp_identificatie",
    "betrokkeneIdentificatie__natuurlijkPersoon__inpA_nummer": "inp_a_nummer",
    "betrokkeneIdentificatie__nietNatuurlijkPersoon__innNnpId": "inn_nnp_id",
    "betrokkeneIdentificatie__nietNatuurlijkPersoon__annIdentificatie": "ann_identificatie",
    "betrokkeneIdentificatie__vestiging__vestigingsNummer": "vestigingsnummer",
    "betrokkeneIdentificatie__medewerker__identificatie": "identificatie",
    "betrokkeneIdentificatie__organisatorischeEenheid__identificatie": "identificatie",
}
_ROL_TYPE_OF = {
    "natuurlijkPersoon": BetrokkeneType.NATUURLIJK_PERSOON,
    "nietNatuurlijkPersoon": BetrokkeneType.NIET_NATUURLIJK_PERSOON,
    "vestiging": BetrokkeneType.VESTIGING,
    "medewerker": BetrokkeneType.MEDEWERKER,
    "organisatorischeEenheid": BetrokkeneType.ORGANISATORISCHE_EENHEID,
}


def _rol_condition(param: str, value: str) -> Q:
    condition = Q(**{ROL_PARAMS[param]: value})
    parts = param.split("__")
    if len(parts) == 3:
        condition &= Q(betrokkene_type=_ROL_TYPE_OF[parts[1]])
    return condition


def _date_filters(field: str, name: str, lookups: tuple[str, ...]) -> dict[str, Any]:
    found: dict[str, Any] = {name: filters.DateFilter(field_name=field)}
    for lookup in lookups:
        found[f"{name}__{lookup}"] = filters.DateFilter(field_name=field, lookup_expr=lookup)
    return found


class ZaakFilter(filters.FilterSet):
    identificatie = filters.CharFilter()
    bronorganisatie = filters.CharFilter()
    bronorganisatie__in = filters.BaseInFilter(field_name="bronorganisatie")
    zaaktype = filters.CharFilter(method="filter_zaaktype")
    archiefnominatie = filters.ChoiceFilter(choices=Archiefnominatie.choices)
    archiefnominatie__in = filters.BaseInFilter(field_name="archiefnominatie")
    archiefactiedatum__isnull = filters.BooleanFilter(
        field_name="archiefactiedatum", lookup_expr="isnull"
    )
    archiefstatus = filters.ChoiceFilter(choices=Archiefstatus.choices)
    archiefstatus__in = filters.BaseInFilter(field_name="archiefstatus")
    einddatum__isnull = filters.BooleanFilter(field_name="einddatum", lookup_expr="isnull")
    maximaleVertrouwelijkheidaanduiding = filters.ChoiceFilter(
        choices=Vertrouwelijkheid.choices, method="filter_vertrouwelijkheid"
    )
    locals().update(_date_filters("archiefactiedatum", "archiefactiedatum", ("lt", "gt")))
    locals().update(_date_filters("startdatum", "startdatum", ("gt", "gte", "lt", "lte")))
    locals().update(_date_filters("registratiedatum", "registratiedatum", ("gt", "lt")))
    locals().update(_date_filters("einddatum", "einddatum", ("gt", "lt")))
    locals().update(_date_filters("einddatum_gepland", "einddatumGepland", ("gt", "lt")))
    locals().update(
        _date_filters(
            "uiterlijke_einddatum_afdoening", "uiterlijkeEinddatumAfdoening", ("gt", "lt")
        )
    )
    locals().update(
        {f"rol__{param}": filters.CharFilter(method="filter_rol") for param in ROL_PARAMS}
    )
    ordering = filters.OrderingFilter(
        fields=(
            ("startdatum", "startdatum"),
            ("einddatum", "einddatum"),
            ("publicatiedatum", "publicatiedatum"),
            ("archiefactiedatum", "archiefactiedatum"),
            ("registratiedatum", "registratiedatum"),
            ("identificatie", "identificatie"),
        )
    )

    filter_zaaktype = _by_url("catalogi:zaaktype-detail", "zaaktype__uuid")

    class Meta:
        model = Zaak
        fields: list[str] = []

    def filter_vertrouwelijkheid(
        self, queryset: QuerySet[Zaak], name: str, value: str
    ) -> QuerySet[Zaak]:
        return queryset.filter(vertrouwelijkheidaanduiding__in=allowed_levels(value))

    def filter_rol(self, queryset: QuerySet[Zaak], name: str, value: str) -> QuerySet[Zaak]:
        return queryset  # applied together in filter_queryset

    def filter_queryset(self, queryset: QuerySet[Zaak]) -> QuerySet[Zaak]:
        queryset = super().filter_queryset(queryset)
        if self.form.cleaned_data.get("ordering"):
            # Many zaken share a date: equal values in one order on every read and page
            # (without it the order of ties followed the query plan).
            queryset = queryset.order_by(*queryset.query.order_by, "pk")
        return with_rol(
            queryset,
            {
                name: value
                for name, value in self.form.cleaned_data.items()
                if name.startswith("rol__") and value not in (None, "")
            },
        )


def with_rol(queryset: QuerySet[Any], values: dict[str, str]) -> QuerySet[Any]:
    """``queryset``'s zaken with one rol that matches every ``rol__…`` parameter in
    ``values`` (non-empty, cleaned): one subquery on the rollen (the list's filter set and
    the lean path's parsing of the same parameters share it)."""
    if not values:
        return queryset
    condition = Q()
    for name, value in values.items():
        condition &= _rol_condition(name.removeprefix("rol__"), value)
    return queryset.filter(pk__in=Rol.objects.filter(condition).values("zaak_id"))


class StatusFilter(filters.FilterSet):
    zaak = filters.CharFilter(method="filter_zaak")
    statustype = filters.CharFilter(method="filter_statustype")
    indicatieLaatstGezetteStatus = filters.BooleanFilter(method="filter_laatst")

    filter_zaak = _by_url("zaken:zaak-detail", "zaak__uuid")
    filter_statustype = _by_url("catalogi:statustype-detail", "statustype__uuid")

    class Meta:
        model = Status
        fields: list[str] = []

    def filter_laatst(self, queryset: QuerySet[Status], name: str, value: bool) -> QuerySet[Status]:
        from django.db.models import F

        current = Q(zaak__status=F("pk"))
        return queryset.filter(current if value else ~current)


class ResultaatFilter(filters.FilterSet):
    zaak = filters.CharFilter(method="filter_zaak")
    resultaattype = filters.CharFilter(method="filter_resultaattype")

    filter_zaak = _by_url("zaken:zaak-detail", "zaak__uuid")
    filter_resultaattype = _by_url("catalogi:resultaattype-detail", "resultaattype__uuid")

    class Meta:
        model = Resultaat
        fields: list[str] = []


class RolFilter(filters.FilterSet):
    zaak = filters.CharFilter(method="filter_zaak")
    roltype = filters.CharFilter(method="filter_roltype")
    omschrijving = filters.CharFilter(field_name="roltype__omschrijving")
    locals().update(
        {
            param: filters.CharFilter(field_name=column)
            if "__" not in param
            else filters.CharFilter(method="filter_identificatie")
            for param, column in ROL_PARAMS.items()
        }
    )

    filter_zaak = _by_url("zaken:zaak-detail", "zaak__uuid")
    filter_roltype = _by_url("catalogi:roltype-detail", "roltype__uuid")

    class Meta:
        model = Rol
        fields: list[str] = []

    def filter_identificatie(self, queryset: QuerySet[Rol], name: str, value: str) -> QuerySet[Rol]:
        return queryset.filter(_rol_condition(name, value))


class ZaakObjectFilter(filters.FilterSet):
    zaak = filters.CharFilter(method="filter_zaak")
    object = filters.CharFilter()
    objectType = filters.CharFilter(field_name="object_type")

    filter_zaak = _by_url("zaken:zaak-detail", "zaak__uuid")

    class Meta:
        model = ZaakObject
        fields: list[str] = []


class ZaakInformatieObjectFilter(filters.FilterSet):
    zaak = filters.CharFilter(method="filter_zaak")
    informatieobject = filters.CharFilter()

    filter_zaak = _by_url("zaken:zaak-detail", "zaak__uuid")

    class Meta:
        model = ZaakInformatieObject
        fields: list[str] = []
