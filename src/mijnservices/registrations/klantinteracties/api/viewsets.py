"""Klantinteracties 0.9.0: partijen and what hangs off them (partij-identificatoren,
digitale adressen, rekeningnummers, vertegenwoordigingen, categorieën, categorie-relaties)."""

from __future__ import annotations

from collections.abc import Iterable, Sequence
from typing import Any

from django.db.models import Prefetch
from drf_spectacular.utils import extend_schema, extend_schema_view

from mijnservices.api.scoped import Expanded
from mijnservices.core.identity import Party
from mijnservices.registrations.klantinteracties import selectors, services
from mijnservices.registrations.klantinteracties.api import filters, serializers
from mijnservices.registrations.klantinteracties.api.base import (
    API_VERSION,
    KlantinteractiesViewSet,
    as_datetime,
    expand_parameter,
)
from mijnservices.registrations.klantinteracties.api.serializers_contacten import (
    BetrokkeneSerializer,
    KlantcontactSerializer,
)
from mijnservices.registrations.klantinteracties.models import (
    Betrokkene,
    Categorie,
    CategorieRelatie,
    DigitaalAdres,
    Partij,
    PartijIdentificator,
    Rekeningnummer,
    Vertegenwoordiging,
)
from mijnservices.services.access import klantinteracties as access

__all__ = ["API_VERSION"]

OPS = {
    "list": "List",
    "create": "Create",
    "retrieve": "Retrieve",
    "update": "Update",
    "partial_update": "PartialUpdate",
    "destroy": "Destroy",
}


def operations(prefix: str, **extra: Any) -> Any:
    """Name the operations as the spec does (``partijenList``, …)."""
    return extend_schema_view(
        **{
            action: extend_schema(operation_id=f"{prefix}{op}", **extra.get(action, {}))
            for action, op in OPS.items()
        }
    )


def parties_of_partijen(partijen: Iterable[Partij | None]) -> list[Party]:
    """The portal parties of partijen whose identificatoren are prefetched."""
    found: dict[tuple[str, str, str], Party] = {}
    for partij in partijen:
        party = selectors.party_of(partij) if partij is not None else None
        if party is not None:
            found[(party.kind, party.identifier, party.vestiging)] = party
    return list(found.values())


PARTIJ_EXPAND = (
    "betrokkenen",
    "betrokkenen.hadKlantcontact",
    "categorieRelaties",
    "digitaleAdressen",
)


@operations(
    "partijen",
    list={"parameters": [expand_parameter(*PARTIJ_EXPAND)]},
    retrieve={"parameters": [expand_parameter(*PARTIJ_EXPAND)]},
)
class PartijViewSet(KlantinteractiesViewSet):
    reads_personal_data = True
    model = Partij
    serializer_class = serializers.PartijSerializer
    filterset_class = filters.PartijFilter
    verwerking_activiteit = "partij raadplegen"
    verwerking_objecttype = "partij"
    select = ("voorkeurs_digitaal_adres", "voorkeurs_rekeningnummer", "werkt_voor_partij")
    expandable = {
        "betrokkenen": (),
        "betrokkenen.hadKlantcontact": (),
        "categorieRelaties": (),
        "digitaleAdressen": (),
    }

    def prefetch_for_client(self) -> Iterable[Any]:
        nested = ["digitale_adressen"]
        if (
            self.action in ("list", "retrieve")
            and "betrokkenen.hadKlantcontact" in self.expand_paths()
        ):
            nested.extend(klantcontact_prefetch("klantcontact__"))
        betrokkenen = access.klantcontacten_visible_to_client(
            Betrokkene.objects.select_related("klantcontact", "partij").prefetch_related(*nested),
            self.principal,
            via="klantcontact",
        )
        return (
            Prefetch("betrokkenen", queryset=betrokkenen),
            Prefetch(
                "identificatoren",
                queryset=PartijIdentificator.objects.select_related(
                    "partij", "sub_identificator_van"
                ),
            ),
            Prefetch(
                "categorie_relaties",
                queryset=CategorieRelatie.objects.select_related("categorie", "partij"),
            ),
            Prefetch(
                "digitale_adressen",
                queryset=DigitaalAdres.objects.select_related("partij", "betrokkene"),
            ),
            "rekeningnummers",
            "vertegenwoordigt__vertegenwoordigde_partij",
        )

    def persons_of(self, objects: Sequence[Any], expanded: Expanded) -> list[Party]:
        return parties_of_partijen(objects)

    def expansion(self, obj: Partij, paths: list[str]) -> dict[str, Any]:
        context = self.get_serializer_context()
        out: dict[str, Any] = {}
        if "digitaleAdressen" in paths:
            out["digitale_adressen"] = serializers.DigitaalAdresSerializer(
                obj.digitale_adressen.all(), many=True, context=context
            ).data
        if "categorieRelaties" in paths:
            out["categorie_relaties"] = serializers.CategorieRelatieSerializer(
                obj.categorie_relaties.all(), many=True, context=context
            ).data
        if "betrokkenen" in paths or "betrokkenen.hadKlantcontact" in paths:
            betrokkenen = list(obj.betrokkenen.all())
            rendered = BetrokkeneSerializer(betrokkenen, many=True, context=context).data
            if "betrokkenen.hadKlantcontact" in paths:
                for betrokkene, item in zip(betrokkenen, rendered, strict=True):
                    item["_expand"] = {
                        "had_klantcontact": _klantcontact_plain(betrokkene.klantcontact, context)
                    }
            out["betrokkenen"] = rendered
        return out

    def to_values(self, validated: dict[str, Any]) -> dict[str, Any]:
        if self.action != "create":
            # Nested partijIdentificatoren are written on create; later through
            # /partij-identificatoren (docs/standards.md).
            validated.pop("identificatoren", None)
        return validated

    def perform_write(self, obj: Any, values: dict[str, Any], many: dict[str, list[Any]]) -> Any:
        if obj is None:
            identificatoren = values.pop("identificatoren", [])
            return services.partij_create(values=values, identificatoren=identificatoren)
        return super().perform_write(obj, values, many)


KLANTCONTACT_RELATIONS = (
    "onderwerpobjecten",
    "bijlagen",
    "betrokkenen",
    "internetaken",
    "actorklantcontacten__actor",
)


def klantcontact_prefetch(prefix: str) -> tuple[str, ...]:
    """What rendering the klantcontact at ``prefix`` needs, prefetched."""
    return tuple(f"{prefix}{relation}" for relation in KLANTCONTACT_RELATIONS)


def _klantcontact_plain(klantcontact: Any, context: dict[str, Any]) -> dict[str, Any]:
    return dict(KlantcontactSerializer(klantcontact, context=context).data)


@operations("partijIdentificatoren")
class PartijIdentificatorViewSet(KlantinteractiesViewSet):
    model = PartijIdentificator
    serializer_class = serializers.PartijIdentificatorSerializer
    filterset_class = filters.PartijIdentificatorFilter
    select = ("partij", "sub_identificator_van")


DIGITAAL_ADRES_EXPAND = (
    "verstrektDoorBetrokkene",
    "verstrektDoorBetrokkene.hadKlantcontact",
    "verstrektDoorBetrokkene.hadKlantcontact.leiddeTotInterneTaken",
)


@operations(
    "digitaleadressen",
    list={"parameters": [expand_parameter(*DIGITAAL_ADRES_EXPAND)]},
    retrieve={"parameters": [expand_parameter(*DIGITAAL_ADRES_EXPAND)]},
)
class DigitaalAdresViewSet(KlantinteractiesViewSet):
    reads_personal_data = True
    model = DigitaalAdres
    serializer_class = serializers.DigitaalAdresSerializer
    filterset_class = filters.DigitaalAdresFilter
    verwerking_activiteit = "digitaal adres raadplegen"
    verwerking_objecttype = "digitaaladres"
    select = ("partij", "betrokkene", "betrokkene__klantcontact", "betrokkene__partij")
    prefetch = ("partij__identificatoren", "betrokkene__partij__identificatoren")
    expandable = {
        "verstrektDoorBetrokkene": ("betrokkene__digitale_adressen",),
        "verstrektDoorBetrokkene.hadKlantcontact": (
            "betrokkene__digitale_adressen",
            *klantcontact_prefetch("betrokkene__klantcontact__"),
        ),
        "verstrektDoorBetrokkene.hadKlantcontact.leiddeTotInterneTaken": (
            "betrokkene__digitale_adressen",
            *klantcontact_prefetch("betrokkene__klantcontact__"),
            "betrokkene__klantcontact__internetaken__toegewezen_aan_actoren",
            "betrokkene__klantcontact__internetaken__klantcontact",
        ),
    }

    def persons_of(self, objects: Sequence[Any], expanded: Expanded) -> list[Party]:
        return parties_of_partijen(
            [a.partij or (a.betrokkene.partij if a.betrokkene else None) for a in objects]
        )

    def expansion(self, obj: DigitaalAdres, paths: list[str]) -> dict[str, Any]:
        betrokkene = obj.betrokkene
        if betrokkene is None or not access.klantcontact_visible_to_client(
            betrokkene.klantcontact.vertrouwelijk, self.principal
        ):
            return {"verstrekt_door_betrokkene": None}
        context = self.get_serializer_context()
        item: dict[str, Any] = dict(BetrokkeneSerializer(betrokkene, context=context).data)
        if any(p.startswith("verstrektDoorBetrokkene.hadKlantcontact") for p in paths):
            contact = _klantcontact_plain(betrokkene.klantcontact, context)
            if "verstrektDoorBetrokkene.hadKlantcontact.leiddeTotInterneTaken" in paths:
                from mijnservices.registrations.klantinteracties.api.serializers_contacten import (
                    InternetaakSerializer,
                )

                taken = list(betrokkene.klantcontact.internetaken.all())
                contact["_expand"] = {
                    "leidde_tot_interne_taken": InternetaakSerializer(
                        taken, many=True, context=context
                    ).data
                }
            item["_expand"] = {"had_klantcontact": contact}
        return {"verstrekt_door_betrokkene": item}

    def to_values(self, validated: dict[str, Any]) -> dict[str, Any]:
        if "verificatie_datum" in validated:
            validated["verificatie_datum"] = as_datetime(validated["verificatie_datum"])
        return validated


@operations("rekeningnummers")
class RekeningnummerViewSet(KlantinteractiesViewSet):
    model = Rekeningnummer
    serializer_class = serializers.RekeningnummerSerializer
    filterset_class = filters.RekeningnummerFilter
    select = ("partij",)


@operations("vertegenwoordigingen")
class VertegenwoordigingViewSet(KlantinteractiesViewSet):
    model = Vertegenwoordiging
    serializer_class = serializers.VertegenwoordigingSerializer
    filterset_class = filters.VertegenwoordigingFilter
    select = ("vertegenwoordigende_partij", "vertegenwoordigde_partij")


@operations("categorieen")
class CategorieViewSet(KlantinteractiesViewSet):
    model = Categorie
    serializer_class = serializers.CategorieSerializer


@operations("categorieRelaties")
class CategorieRelatieViewSet(KlantinteractiesViewSet):
    model = CategorieRelatie
    serializer_class = serializers.CategorieRelatieSerializer
    filterset_class = filters.CategorieRelatieFilter
    select = ("partij", "categorie")
