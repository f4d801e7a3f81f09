"""MijnTaken API 0.1.0: ``POST /context/zoek`` and ``GET /taken/{uuid}``, a read facade over
the Taken registration. Callers are JWT clients with ``mijntaken.lezen`` on ``mtk``; the
klant is named by ``klantId`` and every read goes through ``services.access.taken``."""

from __future__ import annotations

from typing import Any

from drf_spectacular.types import OpenApiTypes
from drf_spectacular.utils import OpenApiParameter, extend_schema
from rest_framework import serializers
from rest_framework.generics import GenericAPIView
from rest_framework.renderers import JSONRenderer
from rest_framework.request import Request
from rest_framework.response import Response

from mijnservices.api.parsers import LimitedJSONParser
from mijnservices.api.scoped import ScopedViewMixin, scoped_get
from mijnservices.core.identity import Party, addressed_to, party_from_urn
from mijnservices.registrations.taken.models import ExterneTaak
from mijnservices.registrations.taken.selectors import taken_for
from mijnservices.services.access import taken as access
from mijnservices.services.mijntaken.representation import taak_detail, taak_info

API_VERSION = "0.1.0"
READ = (access.READ_MIJNTAKEN,)
SUPPORTED = ("taken",)


def klant_party(value: str) -> Party | None:
    """``klantId`` as a party URN (``urn:nld:brp:bsn:…``, ``urn:nld:hr:kvknummer:…``) or a
    bare BSN (9 digits) / KvK-nummer (8 digits); anything else names nobody we know."""
    if value.startswith("urn:"):
        return party_from_urn(value)
    if value.isdigit() and len(value) == 9:
        return Party(kind="bsn", identifier=value)
    if value.isdigit() and len(value) == 8:
        return Party(kind="kvk", identifier=value)
    return None


_TEXT = {
    "type": "object",
    "required": ["nl"],
    "properties": {"nl": {"type": "string"}},
    "additionalProperties": {"type": "string"},
}
_UITVOERING = {
    "type": "object",
    "required": ["fallbackUrl"],
    "properties": {
        "type": {"type": "string"},
        "fallbackUrl": {"type": "string", "format": "uri"},
        "submitUrl": {"type": "string", "format": "uri"},
        "schema": {"type": "object"},
    },
}
TAAK_INFO = {
    "type": "object",
    "required": ["uuid", "titel", "status"],
    "properties": {
        "uuid": {"type": "string", "format": "uuid", "readOnly": True},
        "titel": _TEXT,
        "toelichting": _TEXT,
        "status": {"type": "string"},
        "deadline": {"type": "string", "format": "date-time"},
        "context": {
            "type": "object",
            "required": ["urn"],
            "properties": {
                "urn": {"type": "string", "pattern": "^urn:"},
                "canonicalUrl": {"type": "string", "format": "uri"},
            },
        },
        "uitvoering": _UITVOERING,
    },
}
CONTEXT_RESULTAAT = {
    "type": "object",
    "properties": {"taken": {"type": "array", "items": TAAK_INFO}},
}


class ContextQuerySerializer(serializers.Serializer):  # type: ignore[type-arg]
    klantId = serializers.CharField()
    contextId = serializers.RegexField(r"^urn:", required=False)
    include = serializers.ListField(child=serializers.CharField(), required=False)


class MijnTakenView(ScopedViewMixin, GenericAPIView):  # type: ignore[type-arg, misc]
    api_version = API_VERSION
    component = access.MTK
    # The contract's names are already camelCase, and its free-form parts must stay as given.
    parser_classes = [LimitedJSONParser]
    renderer_classes = [JSONRenderer]
    pagination_class = None
    # The portal reading someone's taken through this API is a read of personal data.
    reads_personal_data = True
    verwerking_activiteit = "taak raadplegen"
    verwerking_doel = "Taken van een inwoner of ondernemer in een portaal tonen (MijnTaken API)"
    verwerking_objecttype = "taak"

    def unscoped(self) -> Any:
        return ExterneTaak.objects.all()

    def scope(self, queryset: Any) -> Any:
        return access.api_client_scope(self.principal, queryset, access.MTK, *READ)

    def finalize_response(self, request: Request, response: Any, *args: Any, **kwargs: Any) -> Any:
        response = super().finalize_response(request, response, *args, **kwargs)
        response["API-Version"] = API_VERSION
        if response.status_code >= 400:
            response["Content-Type"] = "application/problem+json"
        return response


class ContextZoekView(MijnTakenView):
    required_scopes = {"post": READ, "zoek": READ}
    serializer_class = ContextQuerySerializer

    @property
    def action(self) -> str:  # ZGWViewMixin / ScopeRequired look the scopes up by action
        return "zoek"

    def serialize_page(self, objects: list[Any]) -> list[Any]:
        return [taak_info(taak) for taak in objects]

    @extend_schema(
        operation_id="zoekContext",
        request=ContextQuerySerializer,
        responses={200: CONTEXT_RESULTAAT},
    )
    def post(self, request: Request) -> Response:
        query = ContextQuerySerializer(data=request.data)
        query.is_valid(raise_exception=True)
        include = query.validated_data.get("include") or list(SUPPORTED)
        result: dict[str, Any] = {}
        if "taken" in include:
            party = klant_party(query.validated_data["klantId"])
            taken = ExterneTaak.objects.none() if party is None else taken_for(party)
            taken = self.scope(taken)
            if context := query.validated_data.get("contextId"):
                taken = taken.filter(is_gerelateerd_aan__icontains=f'"{context}"')
            result["taken"] = self.read(list(taken))
        return Response(result)


class TaakView(MijnTakenView):
    required_scopes = {"retrieve": READ}
    serializer_class = ContextQuerySerializer  # unused: the representation is built by hand
    # Optional (the contract forbids only new *required* parameters): when the portal names
    # the klant, a taak of someone else is not found (docs/standards.md).
    extra_query_params = {"retrieve": ("klantId",)}

    @property
    def action(self) -> str:
        return "retrieve"

    def serialize_page(self, objects: list[Any]) -> list[Any]:
        return [taak_detail(taak) for taak in objects]

    @extend_schema(
        operation_id="retrieveTaak",
        responses={200: TAAK_INFO},
        # The route takes any segment so that a non-UUID answers a 404 problem, not HTML.
        parameters=[OpenApiParameter("uuid", OpenApiTypes.UUID, OpenApiParameter.PATH)],
    )
    def get(self, request: Request, uuid: str) -> Response:
        queryset = self.get_queryset()
        if "klantId" in request.query_params:
            party = klant_party(request.query_params["klantId"])
            queryset = queryset.none() if party is None else addressed_to(queryset, party)
        # A taak outside the client's rights is not found (the contract names no 403).
        taak = scoped_get(queryset, queryset, forbidden=None, uuid=uuid)
        return Response(self.read([taak])[0])
