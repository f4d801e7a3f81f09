"""Bewerking API 0.9 (``/verwerkingsacties``) and Inzage API 0.9 (``/verwerkte-objecten``).

Reads answer only for a person named in the request (objecttype + soortObjectId + objectId),
as the standard prescribes; the log is append-only, so changing or deleting a
verwerkingsactie answers 405 (docs/standards.md)."""

from __future__ import annotations

from datetime import date, datetime, time
from typing import Any

from django.db.models import QuerySet
from django.utils import timezone
from drf_spectacular.utils import OpenApiParameter, extend_schema, extend_schema_view
from rest_framework import mixins
from rest_framework.exceptions import MethodNotAllowed, ValidationError
from rest_framework.request import Request
from rest_framework.response import Response

from mijnservices.api.scoped import ScopedReadOnlyViewSet
from mijnservices.registrations.verwerkingen.api.serializers import (
    VerwerkingsactieSerializer,
    VerwerktObjectInzageSerializer,
)
from mijnservices.registrations.verwerkingen.models import Verwerkingsactie, VerwerktObject
from mijnservices.registrations.verwerkingen.services import pseudonym

API_VERSION = "0.9.0"
READ = ("verwerkingenlogging.lezen",)
CREATE = ("verwerkingenlogging.aanmaken",)
PERSON = ("objecttype", "soortObjectId", "objectId")
PERIOD = ("beginDatum", "eindDatum")


def _date(request: Request, name: str) -> date | None:
    value = request.query_params.get(name)
    if not value:
        return None
    try:
        return date.fromisoformat(value)
    except ValueError as exc:
        raise ValidationError({name: ["Give a date as YYYY-MM-DD."]}, code="invalid") from exc


def person_filter(request: Request, *, prefix: str = "") -> tuple[dict[str, Any], str, str]:
    """Lookups for the person named in the query (all three are required)."""
    missing = [name for name in PERSON if not request.query_params.get(name)]
    if missing:
        raise ValidationError({name: ["This parameter is required."] for name in missing})
    if request.query_params["objecttype"] != "persoon":
        raise ValidationError({"objecttype": ["Only 'persoon' is known."]}, code="invalid_choice")
    soort = request.query_params["soortObjectId"]
    object_id = request.query_params["objectId"]
    hashed = pseudonym(soort, object_id)
    lookups: dict[str, Any] = {f"{prefix}object_pseudonym": hashed}
    begin, end = _date(request, "beginDatum"), _date(request, "eindDatum")
    tijdstip = "tijdstip" if prefix else "actie__tijdstip"
    if begin:
        lookups[f"{tijdstip}__gte"] = timezone.make_aware(datetime.combine(begin, time.min))
    if end:
        lookups[f"{tijdstip}__lte"] = timezone.make_aware(datetime.combine(end, time.max))
    activiteit = request.query_params.get("verwerkingsactiviteitId")
    if activiteit:
        field = "verwerkingsactiviteit_id" if prefix else "actie__verwerkingsactiviteit_id"
        lookups[field] = activiteit
    return lookups, hashed, object_id


def _parameters(*, period_required: bool, vertrouwelijkheid: bool) -> list[OpenApiParameter]:
    found = [
        OpenApiParameter("objecttype", str, required=True, enum=["persoon"]),
        OpenApiParameter("soortObjectId", str, required=True),
        OpenApiParameter("objectId", str, required=True),
        OpenApiParameter("beginDatum", date, required=period_required),
        OpenApiParameter("eindDatum", date, required=period_required),
        OpenApiParameter("verwerkingsactiviteitId", str),
    ]
    if vertrouwelijkheid:
        found.append(
            OpenApiParameter(
                "vertrouwelijkheid", str, enum=["normaal", "vertrouwelijk", "opgeheven"]
            )
        )
    return found


# Reads answer only for the person the query names (their pseudonym); reading the log is
# not itself logged (it would log every look at the log, without end). A comment: the
# docstring would become the operations' description.
class _LogView(ScopedReadOnlyViewSet):
    api_version = API_VERSION
    component = "vrl"
    reads_personal_data = False
    _known_ids: dict[str, str]

    def scope(self, queryset: QuerySet[Any]) -> QuerySet[Any]:
        return queryset  # the vrl scopes decide, per action; a list names its person

    def get_serializer_context(self) -> dict[str, Any]:
        context = super().get_serializer_context()
        if self.action == "list":
            # The reader named the person: answer with the identifier they gave.
            context["known_ids"] = self._known_ids
        return context

    def allowed_query_params(self) -> set[str]:
        allowed = super().allowed_query_params()
        if self.action == "list":  # type: ignore[attr-defined]
            allowed |= {*PERSON, *PERIOD, "verwerkingsactiviteitId", "vertrouwelijkheid"}
        return allowed


@extend_schema_view(
    list=extend_schema(
        operation_id="verwerkingsactie_list",
        parameters=_parameters(period_required=False, vertrouwelijkheid=True),
    ),
    create=extend_schema(operation_id="verwerkingsactie_create"),
    retrieve=extend_schema(operation_id="verwerkingsactie_read"),
    update=extend_schema(operation_id="verwerkingsactie_update"),
    destroy=extend_schema(operation_id="verwerkingsactie_delete"),
)
class VerwerkingsactieViewSet(_LogView, mixins.CreateModelMixin):  # type: ignore[misc]
    serializer_class = VerwerkingsactieSerializer
    lookup_field = "actie_id"
    uuid_url_kwargs = ("actieId",)
    lookup_url_kwarg = "actieId"
    http_method_names = ["get", "post", "put", "delete", "head"]
    required_scopes = {
        "list": READ,
        "retrieve": READ,
        "create": CREATE,
        "update": CREATE,
        "destroy": CREATE,
    }

    def unscoped(self) -> QuerySet[Verwerkingsactie]:
        return Verwerkingsactie.objects.prefetch_related("verwerkte_objecten").order_by(
            "-tijdstip", "-pk"
        )

    def get_serializer_context(self) -> dict[str, Any]:
        context = super().get_serializer_context()
        if self.action == "create" and isinstance(self.request.data, dict):
            # The creator knows whom it logged: answer with those identifiers.
            context["known_ids"] = {
                pseudonym(str(item.get("soortObjectId", "")), str(item.get("objectId", ""))): str(
                    item.get("objectId", "")
                )
                for item in self.request.data.get("verwerkteObjecten") or []
                if isinstance(item, dict)
            }
        return context

    def filter_queryset(self, queryset: QuerySet[Any]) -> QuerySet[Any]:
        if self.action != "list":
            return queryset
        lookups, hashed, object_id = person_filter(self.request, prefix="verwerkte_objecten__")
        self._known_ids = {hashed: object_id}
        queryset = queryset.filter(**lookups).distinct()
        level = self.request.query_params.get("vertrouwelijkheid")
        return queryset.filter(vertrouwelijkheid=level) if level else queryset

    def update(self, request: Request, *args: Any, **kwargs: Any) -> Response:
        raise MethodNotAllowed(request.method or "PUT", "The log is append-only.")

    def destroy(self, request: Request, *args: Any, **kwargs: Any) -> Response:
        raise MethodNotAllowed(request.method or "DELETE", "The log is append-only.")


@extend_schema_view(
    list=extend_schema(
        operation_id="verwerkte-objecten_list",
        parameters=_parameters(period_required=True, vertrouwelijkheid=False),
    ),
    retrieve=extend_schema(operation_id="verwerktobject_read"),
)
class VerwerktObjectViewSet(_LogView):
    serializer_class = VerwerktObjectInzageSerializer
    lookup_field = "verwerkt_object_id"
    uuid_url_kwargs = ("verwerktObjectId",)
    lookup_url_kwarg = "verwerktObjectId"
    required_scopes = {"list": READ, "retrieve": READ}

    def unscoped(self) -> QuerySet[VerwerktObject]:
        return (
            VerwerktObject.objects.select_related("actie")
            .prefetch_related("actie__verwerkte_objecten")
            .order_by("-actie__tijdstip", "-pk")
        )

    def filter_queryset(self, queryset: QuerySet[Any]) -> QuerySet[Any]:
        if self.action != "list":
            return queryset
        missing = [name for name in PERIOD if not self.request.query_params.get(name)]
        if missing:  # the Inzage API asks for a period
            raise ValidationError({name: ["This parameter is required."] for name in missing})
        lookups, hashed, object_id = person_filter(self.request)
        self._known_ids = {hashed: object_id}
        return queryset.filter(**lookups)
