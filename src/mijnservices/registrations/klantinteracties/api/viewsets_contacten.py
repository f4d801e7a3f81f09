"""Klantinteracties 0.9.0: klantcontacten and what hangs off them (betrokkenen,
onderwerpobjecten, bijlagen, actoren, actorklantcontacten, internetaken) and
``POST /maak-klantcontact``. Vertrouwelijk klantcontacten — and the rows hanging off them —
need ``klantinteracties.vertrouwelijk.lezen``."""

from __future__ import annotations

from collections.abc import Iterable, Sequence
from typing import Any

from django.db.models import Prefetch
from drf_spectacular.types import OpenApiTypes
from drf_spectacular.utils import OpenApiParameter, extend_schema
from rest_framework import serializers, status
from rest_framework.exceptions import ValidationError
from rest_framework.request import Request
from rest_framework.response import Response
from rest_framework.views import APIView

from mijnservices.api.scoped import Expanded
from mijnservices.api.viewsets import ZGWViewMixin
from mijnservices.core.identity import Party
from mijnservices.registrations.klantinteracties import services
from mijnservices.registrations.klantinteracties.api import filters
from mijnservices.registrations.klantinteracties.api import serializers_contacten as s
from mijnservices.registrations.klantinteracties.api.base import (
    API_VERSION,
    READ,
    WRITE,
    KlantinteractiesViewSet,
    expand_parameter,
)
from mijnservices.registrations.klantinteracties.api.fields import resource_url
from mijnservices.registrations.klantinteracties.api.serializers import DigitaalAdresSerializer
from mijnservices.registrations.klantinteracties.api.viewsets import (
    operations,
    parties_of_partijen,
)
from mijnservices.registrations.klantinteracties.models import (
    Actor,
    ActorKlantcontact,
    Betrokkene,
    Bijlage,
    DigitaalAdres,
    Internetaak,
    Klantcontact,
    Onderwerpobject,
)
from mijnservices.services.access import klantinteracties as access

KLANTCONTACT_EXPAND = (
    "gingOverOnderwerpobjecten",
    "hadBetrokkenen",
    "hadBetrokkenen.digitaleAdressen",
    "hadBetrokkenen.wasPartij",
    "leiddeTotInterneTaken",
    "omvatteBijlagen",
)


def _partij_rendered(partij: Any, context: dict[str, Any]) -> Any:
    from mijnservices.registrations.klantinteracties.api.serializers import PartijSerializer

    return PartijSerializer(partij, context=context).data


@operations(
    "klantcontacten",
    list={"parameters": [expand_parameter(*KLANTCONTACT_EXPAND)]},
    retrieve={"parameters": [expand_parameter(*KLANTCONTACT_EXPAND)]},
)
class KlantcontactViewSet(KlantinteractiesViewSet):
    reads_personal_data = True
    model = Klantcontact
    via = ""
    serializer_class = s.KlantcontactSerializer
    filterset_class = filters.KlantcontactFilter
    verwerking_activiteit = "klantcontact raadplegen"
    verwerking_objecttype = "klantcontact"
    prefetch = (
        "onderwerpobjecten",
        "bijlagen",
        Prefetch(
            "betrokkenen",
            queryset=Betrokkene.objects.select_related("partij", "klantcontact").prefetch_related(
                "digitale_adressen", "partij__identificatoren"
            ),
        ),
        "internetaken",
        "actorklantcontacten__actor",
    )
    _partij = "betrokkenen__partij__"
    expandable = {
        "gingOverOnderwerpobjecten": (
            "onderwerpobjecten__klantcontact",
            "onderwerpobjecten__was_klantcontact",
        ),
        "hadBetrokkenen": (),
        "hadBetrokkenen.digitaleAdressen": (),
        "hadBetrokkenen.wasPartij": (
            f"{_partij}categorie_relaties__categorie",
            f"{_partij}digitale_adressen",
            f"{_partij}rekeningnummers",
            f"{_partij}vertegenwoordigt__vertegenwoordigde_partij",
            f"{_partij}identificatoren__sub_identificator_van",
            f"{_partij}voorkeurs_digitaal_adres",
            f"{_partij}voorkeurs_rekeningnummer",
            f"{_partij}werkt_voor_partij",
        ),
        "leiddeTotInterneTaken": (
            "internetaken__klantcontact",
            "internetaken__toegewezen_aan_actoren",
        ),
        "omvatteBijlagen": ("bijlagen__klantcontact",),
    }

    def prefetch_for_client(self) -> Iterable[Any]:
        prefetch = list(self.prefetch)
        if (
            self.action in ("list", "retrieve")
            and "hadBetrokkenen.wasPartij" in self.expand_paths()
        ):
            # The expanded partij's own betrokkenen: only those of klantcontacten the client
            # may read.
            visible = access.klantcontacten_visible_to_client(
                Betrokkene.objects.all(), self.principal, via="klantcontact"
            )
            prefetch.append(Prefetch(f"{self._partij}betrokkenen", queryset=visible))
        return prefetch

    def persons_of(self, objects: Sequence[Any], expanded: Expanded) -> list[Party]:
        return parties_of_partijen(b.partij for k in objects for b in k.betrokkenen.all())

    def expansion(self, obj: Klantcontact, paths: list[str]) -> dict[str, Any]:
        context = self.get_serializer_context()
        out: dict[str, Any] = {}
        if "gingOverOnderwerpobjecten" in paths:
            out["ging_over_onderwerpobjecten"] = s.OnderwerpobjectSerializer(
                obj.onderwerpobjecten.all(), many=True, context=context
            ).data
        if "omvatteBijlagen" in paths:
            out["omvatte_bijlagen"] = s.BijlageSerializer(
                obj.bijlagen.all(), many=True, context=context
            ).data
        if "leiddeTotInterneTaken" in paths:
            out["leidde_tot_interne_taken"] = s.InternetaakSerializer(
                obj.internetaken.all(), many=True, context=context
            ).data
        wanted = [p for p in paths if p.startswith("hadBetrokkenen")]
        if wanted:
            betrokkenen = list(obj.betrokkenen.all())
            rendered = s.BetrokkeneSerializer(betrokkenen, many=True, context=context).data
            for betrokkene, item in zip(betrokkenen, rendered, strict=True):
                nested: dict[str, Any] = {}
                if "hadBetrokkenen.digitaleAdressen" in wanted:
                    nested["digitale_adressen"] = DigitaalAdresSerializer(
                        betrokkene.digitale_adressen.all(), many=True, context=context
                    ).data
                if "hadBetrokkenen.wasPartij" in wanted:
                    nested["was_partij"] = (
                        _partij_rendered(betrokkene.partij, context) if betrokkene.partij else None
                    )
                if nested:
                    item["_expand"] = nested
            out["had_betrokkenen"] = rendered
        return out


@operations(
    "betrokkenen",
    list={"parameters": [expand_parameter("digitaleAdressen")]},
    retrieve={"parameters": [expand_parameter("digitaleAdressen")]},
)
class BetrokkeneViewSet(KlantinteractiesViewSet):
    reads_personal_data = True
    model = Betrokkene
    via = "klantcontact"
    serializer_class = s.BetrokkeneSerializer
    filterset_class = filters.BetrokkeneFilter
    verwerking_activiteit = "betrokkene raadplegen"
    verwerking_objecttype = "betrokkene"
    select = ("partij", "klantcontact")
    prefetch = ("digitale_adressen", "partij__identificatoren")
    expandable = {
        "digitaleAdressen": ("digitale_adressen__partij", "digitale_adressen__betrokkene")
    }

    def persons_of(self, objects: Sequence[Any], expanded: Expanded) -> list[Party]:
        return parties_of_partijen(b.partij for b in objects)

    def expansion(self, obj: Betrokkene, paths: list[str]) -> dict[str, Any]:
        return {
            "digitale_adressen": DigitaalAdresSerializer(
                obj.digitale_adressen.all(), many=True, context=self.get_serializer_context()
            ).data
        }


CASCADE = OpenApiParameter(
    "cascade",
    OpenApiTypes.BOOL,
    description=(
        "Als `true`, worden gerelateerde Klantcontacten en DigitaalAdressen verwijderd indien "
        "ze niet door andere Onderwerpobjecten worden gebruikt."
    ),
)


class OnderwerpobjectDeleteSerializer(serializers.Serializer):  # type: ignore[type-arg]
    behouden = serializers.ListField(child=serializers.URLField())


@operations(
    "onderwerpobjecten",
    destroy={
        "parameters": [CASCADE],
        "responses": {204: None, 200: OnderwerpobjectDeleteSerializer},
    },
)
class OnderwerpobjectViewSet(KlantinteractiesViewSet):
    model = Onderwerpobject
    via = "klantcontact"
    serializer_class = s.OnderwerpobjectSerializer
    filterset_class = filters.OnderwerpobjectFilter
    select = ("klantcontact", "was_klantcontact")
    extra_query_params = {"destroy": ("cascade",)}

    def destroy(self, request: Request, *args: Any, **kwargs: Any) -> Response:
        flag = request.query_params.get("cascade", "false").lower()
        if flag not in ("true", "false"):
            raise ValidationError({"cascade": ["Use true or false."]}, code="invalid")
        kept = services.onderwerpobject_delete(
            onderwerpobject=self.get_object(), cascade=flag == "true"
        )
        if flag == "false":
            return Response(status=status.HTTP_204_NO_CONTENT)
        context = self.get_serializer_context()
        return Response(
            {"behouden": [resource_url(context, "klantcontacten", c.uuid) for c in kept]}
        )


@operations("bijlagen")
class BijlageViewSet(KlantinteractiesViewSet):
    model = Bijlage
    via = "klantcontact"
    serializer_class = s.BijlageSerializer
    filterset_class = filters.BijlageFilter
    select = ("klantcontact",)


@operations("actoren")
class ActorViewSet(KlantinteractiesViewSet):
    model = Actor
    serializer_class = s.ActorSerializer
    filterset_class = filters.ActorFilter


@operations("actorklantcontacten")
class ActorKlantcontactViewSet(KlantinteractiesViewSet):
    model = ActorKlantcontact
    via = "klantcontact"
    serializer_class = s.ActorKlantcontactSerializer
    filterset_class = filters.ActorKlantcontactFilter
    select = ("actor", "klantcontact")


@operations("internetaken")
class InternetaakViewSet(KlantinteractiesViewSet):
    model = Internetaak
    via = "klantcontact"
    serializer_class = s.InternetaakSerializer
    filterset_class = filters.InternetaakFilter
    select = ("klantcontact",)
    prefetch = ("toegewezen_aan_actoren",)

    def prefetch_for_client(self) -> Iterable[Any]:
        return self.prefetch


class MaakKlantcontactView(ZGWViewMixin, APIView):  # type: ignore[misc]
    """``POST /maak-klantcontact``: a klantcontact with a betrokkene and an onderwerpobject
    in one transaction."""

    api_version = API_VERSION
    component = access.COMPONENT
    required_scopes = {"post": WRITE, "create": WRITE}
    action = "create"

    @extend_schema(
        operation_id="maakKlantcontactCreate",
        request=s.MaakKlantcontactSerializer,
        responses={201: s.MaakKlantcontactSerializer},
    )
    def post(self, request: Request) -> Response:
        serializer = s.MaakKlantcontactSerializer(
            data=request.data, context={"request": request, "view": self}
        )
        serializer.is_valid(raise_exception=True)
        data = serializer.validated_data
        klantcontact, betrokkene, onderwerpobject = services.klantcontact_make(
            klantcontact=dict(data["klantcontact"]),
            betrokkene=dict(data["betrokkene"]) if "betrokkene" in data else None,
            onderwerpobject=dict(data["onderwerpobject"]) if "onderwerpobject" in data else None,
        )
        context = {"request": request}
        contact = Klantcontact.objects.prefetch_related(*KlantcontactViewSet.prefetch).get(
            pk=klantcontact.pk
        )
        body: dict[str, Any] = {
            "klantcontact": s.KlantcontactSerializer(contact, context=context).data
        }
        if betrokkene is not None:
            body["betrokkene"] = s.BetrokkeneSerializer(betrokkene, context=context).data
        if onderwerpobject is not None:
            body["onderwerpobject"] = s.OnderwerpobjectSerializer(
                onderwerpobject, context=context
            ).data
        return Response(body, status=status.HTTP_201_CREATED)


__all__ = ["READ", "DigitaalAdres"]
