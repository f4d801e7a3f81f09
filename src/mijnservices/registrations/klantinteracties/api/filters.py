"""The query parameters of Klantinteracties 0.9.0, per collection, as the spec names them.

Each filterset is declared as ``{parameter: (kind, lookup)}``; kinds: ``str`` (exact),
``icontains``, ``bool``, ``date``/``datetime`` (with the given lookup), ``uuid``, ``url``
(the uuid at the end of a resource URL) and ``isnull`` (true = present)."""

from __future__ import annotations

import uuid as uuid_lib
from typing import Any

from django.db.models import Model
from django_filters import rest_framework as filters

from mijnservices.api.filters import IsoDateTimeFilter
from mijnservices.registrations.klantinteracties import models


class UrlFilter(filters.CharFilter):
    """``…__url``: a resource URL; matched on the uuid it ends with."""

    def filter(self, qs: Any, value: Any) -> Any:
        if not value:
            return qs
        try:
            found = uuid_lib.UUID(str(value).rstrip("/").rsplit("/", 1)[-1])
        except ValueError:
            return qs.none()
        return super().filter(qs, found)


def _filter(kind: str, lookup: str) -> filters.Filter:
    field, _, expr = lookup.partition(":")
    expr = expr or "exact"
    if kind == "bool":
        return filters.BooleanFilter(field_name=field, lookup_expr=expr, distinct=True)
    if kind == "isnull":
        return filters.BooleanFilter(
            field_name=field, lookup_expr="isnull", exclude=True, distinct=True
        )
    if kind == "date":
        return filters.DateFilter(field_name=field, lookup_expr=expr)
    if kind == "datetime":
        return IsoDateTimeFilter(field_name=field, lookup_expr=expr)
    if kind == "uuid":
        return filters.UUIDFilter(field_name=field, lookup_expr=expr, distinct=True)
    if kind == "url":
        return UrlFilter(field_name=field, lookup_expr=expr, distinct=True)
    if kind == "icontains":
        return filters.CharFilter(field_name=field, lookup_expr="icontains", distinct=True)
    return filters.CharFilter(field_name=field, lookup_expr=expr, distinct=True)


def filterset(model: type[Model], spec: dict[str, tuple[str, str]]) -> type[filters.FilterSet]:
    attrs: dict[str, Any] = {name: _filter(kind, lookup) for name, (kind, lookup) in spec.items()}
    attrs["Meta"] = type("Meta", (), {"model": model, "fields": []})
    return type(f"{model.__name__}Filter", (filters.FilterSet,), attrs)


def _identificator(prefix: str, via: str) -> dict[str, tuple[str, str]]:
    return {
        f"{prefix}codeObjecttype": ("str", f"{via}code_objecttype"),
        f"{prefix}codeRegister": ("str", f"{via}code_register"),
        f"{prefix}codeSoortObjectId": ("str", f"{via}code_soort_object_id"),
        f"{prefix}objectId": ("str", f"{via}object_id"),
    }


def _adres(prefix: str, field: str) -> dict[str, tuple[str, str]]:
    names = ("Adresregel1", "Adresregel2", "Adresregel3", "Land", "NummeraanduidingId")
    return {f"{prefix}{n}": ("str", f"{field}__{n[0].lower()}{n[1:]}") for n in names}


def _ref(prefix: str, via: str) -> dict[str, tuple[str, str]]:
    return {f"{prefix}__url": ("url", f"{via}__uuid"), f"{prefix}__uuid": ("uuid", f"{via}__uuid")}


PartijFilter = filterset(
    models.Partij,
    {
        **_adres("bezoekadres", "bezoekadres"),
        **_adres("correspondentieadres", "correspondentieadres"),
        "categorierelatie__categorie__naam": ("str", "categorie_relaties__categorie__naam"),
        "indicatieActief": ("bool", "indicatie_actief"),
        "indicatieGeheimhouding": ("bool", "indicatie_geheimhouding"),
        "nummer": ("str", "nummer"),
        **_identificator("partijIdentificator__", "identificatoren__"),
        "soortPartij": ("str", "soort_partij"),
        **_identificator("subIdentificatorVan__", "identificatoren__sub_identificator_van__"),
        **_ref("vertegenwoordigdePartij", "vertegenwoordigt__vertegenwoordigde_partij"),
    },
)

PartijIdentificatorFilter = filterset(
    models.PartijIdentificator,
    {
        "anderePartijIdentificator": ("str", "anderen_partij_identificator"),
        "partijIdentificatorCodeObjecttype": ("str", "code_objecttype"),
        "partijIdentificatorCodeRegister": ("str", "code_register"),
        "partijIdentificatorCodeSoortObjectId": ("str", "code_soort_object_id"),
        "partijIdentificatorObjectId": ("str", "object_id"),
    },
)

DigitaalAdresFilter = filterset(
    models.DigitaalAdres,
    {
        "adres": ("str", "adres"),
        "adres__icontains": ("icontains", "adres"),
        "isGeverifieerd": ("isnull", "verificatie_datum"),
        "isStandaardAdres": ("bool", "is_standaard_adres"),
        "omschrijving": ("str", "omschrijving"),
        "referentie": ("str", "referentie"),
        "soortDigitaalAdres": ("str", "soort_digitaal_adres"),
        "verificatieDatum": ("date", "verificatie_datum__date"),
        "verificatieDatum__gt": ("date", "verificatie_datum__date:gt"),
        "verificatieDatum__gte": ("date", "verificatie_datum__date:gte"),
        "verificatieDatum__lt": ("date", "verificatie_datum__date:lt"),
        "verificatieDatum__lte": ("date", "verificatie_datum__date:lte"),
        "verstrektDoorBetrokkene__rol": ("str", "betrokkene__rol"),
        **_ref("verstrektDoorBetrokkene", "betrokkene"),
        **_identificator("verstrektDoorPartij__partijIdentificator__", "partij__identificatoren__"),
        "verstrektDoorPartij__soortPartij": ("str", "partij__soort_partij"),
        **_ref("verstrektDoorPartij", "partij"),
    },
)

RekeningnummerFilter = filterset(
    models.Rekeningnummer,
    {"bic": ("str", "bic"), "iban": ("str", "iban"), "uuid": ("uuid", "uuid")},
)

VertegenwoordigingFilter = filterset(
    models.Vertegenwoordiging,
    {
        **_ref("vertegenwoordigdePartij", "vertegenwoordigde_partij"),
        **_ref("vertegenwoordigendePartij", "vertegenwoordigende_partij"),
    },
)

CategorieRelatieFilter = filterset(
    models.CategorieRelatie,
    {
        "beginDatum": ("date", "begin_datum"),
        "eindDatum": ("date", "eind_datum"),
        "categorie__naam": ("str", "categorie__naam"),
        **_ref("categorie", "categorie"),
        "partij__nummer": ("str", "partij__nummer"),
        **_ref("partij", "partij"),
    },
)

_ONDERWERP = {
    "CodeObjecttype": "code_objecttype",
    "CodeRegister": "code_register",
    "CodeSoortObjectId": "code_soort_object_id",
    "ObjectId": "object_id",
}

KlantcontactFilter = filterset(
    models.Klantcontact,
    {
        "hadBetrokkene__digitaaladres__adres__icontains": (
            "icontains",
            "betrokkenen__digitale_adressen__adres",
        ),
        **_ref("hadBetrokkene", "betrokkenen"),
        "hadBetrokkene__wasPartij": ("isnull", "betrokkenen__partij"),
        **_identificator(
            "hadBetrokkene__wasPartij__partijIdentificator__",
            "betrokkenen__partij__identificatoren__",
        ),
        **_ref("hadBetrokkene__wasPartij", "betrokkenen__partij"),
        "indicatieContactGelukt": ("bool", "indicatie_contact_gelukt"),
        "inhoud": ("str", "inhoud"),
        "kanaal": ("str", "kanaal"),
        "leiddeTotInterneTaken": ("isnull", "internetaken"),
        "nummer": ("str", "nummer"),
        "onderwerp": ("str", "onderwerp"),
        **{
            f"onderwerpobject__onderwerpobjectidentificator{k}": ("str", f"onderwerpobjecten__{v}")
            for k, v in _ONDERWERP.items()
        },
        **_ref("onderwerpobject", "onderwerpobjecten"),
        "plaatsgevondenOp": ("datetime", "plaatsgevonden_op"),
        "reactie": ("str", "reactie"),
        "referentienummer": ("str", "referentienummer"),
        "vertrouwelijk": ("bool", "vertrouwelijk"),
        # wasOnderwerpobject: the onderwerpobjecten that refer back to this klantcontact.
        **{
            f"wasOnderwerpobject__onderwerpobjectidentificator{k}": (
                "str",
                f"verwijzende_onderwerpobjecten__{v}",
            )
            for k, v in _ONDERWERP.items()
        },
        **_ref("wasOnderwerpobject", "verwijzende_onderwerpobjecten"),
    },
)

BetrokkeneFilter = filterset(
    models.Betrokkene,
    {
        "contactnaamAchternaam": ("str", "contactnaam__achternaam"),
        "contactnaamVoorletters": ("str", "contactnaam__voorletters"),
        "contactnaamVoornaam": ("str", "contactnaam__voornaam"),
        "contactnaamVoorvoegselAchternaam": ("str", "contactnaam__voorvoegselAchternaam"),
        "hadKlantcontact__nummer": ("str", "klantcontact__nummer"),
        "hadKlantcontact__referentienummer": ("str", "klantcontact__referentienummer"),
        **_ref("hadKlantcontact", "klantcontact"),
        "organisatienaam": ("str", "organisatienaam"),
        "verstrektedigitaalAdres__adres": ("str", "digitale_adressen__adres"),
        **_ref("verstrektedigitaalAdres", "digitale_adressen"),
        "wasPartij__nummer": ("str", "partij__nummer"),
        **_identificator("wasPartij__partijIdentificator__", "partij__identificatoren__"),
        **_ref("wasPartij", "partij"),
    },
)

OnderwerpobjectFilter = filterset(
    models.Onderwerpobject,
    {
        **_ref("klantcontact", "klantcontact"),
        **{f"onderwerpobjectidentificator{k}": ("str", v) for k, v in _ONDERWERP.items()},
        **_ref("wasKlantcontact", "was_klantcontact"),
    },
)

BijlageFilter = filterset(
    models.Bijlage,
    {
        **{f"bijlageidentificator{k}": ("str", v) for k, v in _ONDERWERP.items()},
        "klantcontact__uuid": ("uuid", "klantcontact__uuid"),
    },
)

ActorFilter = filterset(
    models.Actor,
    {
        **{
            f"actoridentificator{k}": ("str", f"actoridentificator__{v}")
            for k, v in _ONDERWERP.items()
        },
        "indicatieActief": ("bool", "indicatie_actief"),
        "naam": ("str", "naam"),
        "soortActor": ("str", "soort_actor"),
    },
)

ActorKlantcontactFilter = filterset(
    models.ActorKlantcontact, {**_ref("actor", "actor"), **_ref("klantcontact", "klantcontact")}
)

InternetaakFilter = filterset(
    models.Internetaak,
    {
        **_ref("aanleidinggevendKlantcontact", "klantcontact"),
        "actoren__naam": ("str", "toegewezen_aan_actoren__naam"),
        "klantcontact__nummer": ("str", "klantcontact__nummer"),
        "klantcontact__referentienummer": ("str", "klantcontact__referentienummer"),
        "klantcontact__uuid": ("uuid", "klantcontact__uuid"),
        "nummer": ("str", "nummer"),
        "referentienummer": ("str", "referentienummer"),
        "status": ("str", "status"),
        **_ref("toegewezenAanActor", "toegewezen_aan_actoren"),
        "toegewezenOp": ("datetime", "toegewezen_op"),
    },
)
