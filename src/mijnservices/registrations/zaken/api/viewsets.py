"""Zaken API 1.7.0 endpoints. Reads start from the access policy; writes go through the
zaken services (see :mod:`.base`)."""

from __future__ import annotations

import builtins
from typing import Any

from django.db import transaction
from drf_spectacular.utils import OpenApiParameter, extend_schema, extend_schema_view
from rest_framework import status
from rest_framework.decorators import action
from rest_framework.exceptions import ParseError, PermissionDenied, ValidationError
from rest_framework.request import Request
from rest_framework.response import Response

from mijnservices.api import scoped
from mijnservices.api.exceptions import UnknownQueryParameters
from mijnservices.api.links import Links
from mijnservices.api.parsers import json_loads_limited
from mijnservices.api.schema import uuid_path
from mijnservices.core.identity import Party
from mijnservices.registrations.zaken import geometry, services
from mijnservices.registrations.zaken.api import filters, fixed, lean, querysets, serializers
from mijnservices.registrations.zaken.api.base import (
    API_VERSION,
    READ,
    UPDATE,
    CrsNegotiation,
    ZakenViewSet,
)
from mijnservices.registrations.zaken.api.created import created_representation
from mijnservices.registrations.zaken.api.renderers import ZakenJSONRenderer
from mijnservices.registrations.zaken.api.verwerkingen import (
    DOEL,
    persons_of_zaken,
    persons_read,
)
from mijnservices.registrations.zaken.models import Zaak
from mijnservices.services.access import policy

EXPAND = OpenApiParameter(
    "expand",
    str,
    description=(
        "Comma-separated relations to include under _expand, nested with dots (at most 6 "
        "levels), also into the Catalogi API (zaaktype, status.statustype)."
    ),
)
CRS_HEADERS = [
    OpenApiParameter("Accept-Crs", str, OpenApiParameter.HEADER, required=True, enum=["EPSG:4326"]),
    OpenApiParameter("Content-Crs", str, OpenApiParameter.HEADER, enum=["EPSG:4326"]),
]


def _operations(noun: str, names: list[str], *, expand: bool = True, crs: bool = False) -> Any:
    """operationIds as the standard names them (``zaak_list``, ...)."""
    found = {}
    for name in names:
        parameters = list(CRS_HEADERS) if crs else []
        if expand and name in ("list", "retrieve"):
            parameters.append(EXPAND)
        found[name] = extend_schema(operation_id=f"{noun}_{name}", parameters=parameters)
    return extend_schema_view(**found)


ALL = ["list", "create", "retrieve", "update", "partial_update", "destroy"]


def _scopes(**extra: tuple[str, ...]) -> dict[str, tuple[str, ...]]:
    return {"list": READ, "retrieve": READ, **extra}


# ZGW scopes: the view checks the client holds them for some zaaktype; base.check_write
# then checks them for the zaaktype of the zaak concerned.
@_operations("zaak", ALL, crs=True)
class ZaakViewSet(CrsNegotiation, ZakenViewSet):
    kind = "zaak"
    serializer_class = serializers.ZaakSerializer
    filterset_class = filters.ZaakFilter
    required_scopes = _scopes(
        create=("zaken.aanmaken",),
        update=UPDATE,
        partial_update=UPDATE,
        destroy=("zaken.verwijderen",),
        _zoek=READ,
    )
    write_scopes = {"destroy": ("zaken.verwijderen",)}
    delete_service = services.zaak_delete
    instance_argument = "zaak"
    extra_query_params = {"_zoek": ("page",)}

    def zaak_of(self, obj: Any) -> Zaak:
        return obj  # type: ignore[no-any-return]

    # --- the lean read path (decision 0039): list, detail and _zoek answer from rows ----
    LEAN_ACTIONS = ("list", "retrieve", "_zoek")
    _links: Links | None = None
    _lean_parties: dict[int, list[tuple[str, str]]] | None = None
    _created: dict[str, Any] | None = None

    def lean(self) -> bool:
        """Whether this request reads zaken as rows (:mod:`.lean`): the read actions,
        unless DRF would put a format into the links."""
        if self.action not in self.LEAN_ACTIONS or getattr(self, "swagger_fake_view", False):
            return False
        if self._links is None:
            self._links = Links(self.request, format_kwarg=self.format_kwarg)
        return self._links.usable

    def unscoped(self) -> Any:
        if self.lean():
            return lean.zaak_rows()
        return super().unscoped()

    # The BSN search and the detail as queries compiled once per shape (decision 0044).
    def list_rows(self) -> builtins.list[Any] | None:
        values = fixed.rol_values(self.request.query_params) if self.lean() else None
        return fixed.list_rows(self, values) if values is not None else None

    def find_object(self, value: Any) -> Any:
        if self.action != "retrieve" or not self.lean():
            return super().find_object(value)
        row = fixed.detail_row(self, value)
        if row is None:
            scoped.raise_missing(super().unscoped(), forbidden=self.forbidden_detail, uuid=value)
        return row

    def serialize_page(self, objects: builtins.list[Any]) -> builtins.list[Any]:
        if not objects or not isinstance(objects[0], lean.ZaakRow) or self._links is None:
            return super().serialize_page(objects)
        data, self._lean_parties = lean.represent_page(
            objects, links=self._links, serialize=super().serialize_page
        )
        return data

    def persons_of(self, objects: Any, expanded: Any) -> builtins.list[Party]:
        # The lean path read the rollen's BSN and KvK-nummer with the page's children.
        return persons_read(self.kind, objects, expanded, known=self._lean_parties)

    def perform_update(self, serializer: Any) -> None:
        # Zaken 1.5+: the zaaktype may change; the client needs rights on the new one too.
        new = serializer.validated_data.get("zaaktype")
        zaak = serializer.instance
        moving = new is not None and new.pk != zaak.zaaktype_id
        if moving and not policy.may_on_zaaktype(
            self.principal,
            "zaken.bijwerken",
            zaaktype_uuid=new.uuid,
            vertrouwelijkheidaanduiding=zaak.vertrouwelijkheidaanduiding,
        ):
            raise PermissionDenied("No rights to move zaken to this zaaktype.")
        super().perform_update(serializer)

    def perform_create(self, serializer: Any) -> None:
        data = serializer.validated_data
        zaaktype = data["zaaktype"]
        vertrouwelijkheid = (
            data.get("vertrouwelijkheidaanduiding") or zaaktype.vertrouwelijkheidaanduiding
        )
        if not policy.may_on_zaaktype(
            self.principal,
            "zaken.aanmaken",
            zaaktype_uuid=zaaktype.uuid,
            vertrouwelijkheidaanduiding=vertrouwelijkheid,
        ):
            raise PermissionDenied("No rights to create zaken of this zaaktype.")
        with transaction.atomic():
            zaak = serializer.save()
            self._created = created_representation(
                zaak, serializer, links=Links(self.request, format_kwarg=self.format_kwarg)
            )
            self.audit(zaak=zaak, actie="create", obj=zaak, oud=None, nieuw=self._created)

    def create(self, request: Request, *args: Any, **kwargs: Any) -> Response:
        # DRF's create, answering the representation perform_create made (decision 0045).
        serializer = self.get_serializer(data=request.data)
        serializer.is_valid(raise_exception=True)
        self.perform_create(serializer)
        data = self._created
        return Response(
            data, status=status.HTTP_201_CREATED, headers=self.get_success_headers(data)
        )

    @extend_schema(
        operation_id="zaak__zoek",
        request=None,
        parameters=[*CRS_HEADERS, EXPAND],
        responses=serializers.ZaakSerializer(many=True),
    )
    @action(detail=False, methods=["post"], url_path="_zoek", url_name="zoek", filter_backends=[])
    def _zoek(self, request: Request, *args: Any, **kwargs: Any) -> Response:
        """Search with the list's filters in the body, plus ``uuid__in``, ``zaaktype__in``
        and ``zaakgeometrie.within``; always within the client's zaken_scope."""
        try:
            body = json_loads_limited(request.body or b"{}")
        except ValueError as exc:
            raise ParseError("The body is not JSON.") from exc
        if not isinstance(body, dict):
            raise ParseError("The body is a JSON object.")
        queryset = self.get_queryset()
        queryset = self._zoek_specials(queryset, body)
        plain = {
            key: ",".join(map(str, value)) if isinstance(value, list) else value
            for key, value in body.items()
        }
        unknown = set(plain) - set(filters.ZaakFilter.base_filters) - {"fields"}
        if unknown:
            raise UnknownQueryParameters(sorted(unknown))
        filterset = filters.ZaakFilter(data=plain, queryset=queryset, request=request)
        if not filterset.is_valid():
            raise ValidationError(filterset.errors)
        queryset = filterset.qs
        page = self.paginate_queryset(queryset)
        return self.get_paginated_response(self.read(list(page if page is not None else queryset)))

    def _zoek_specials(self, queryset: Any, body: dict[str, Any]) -> Any:
        uuids = body.pop("uuid__in", None)
        if uuids is not None:
            queryset = queryset.filter(uuid__in=[str(u) for u in uuids])
        zaaktypen = body.pop("zaaktype__in", None)
        if zaaktypen is not None:
            queryset = queryset.filter(
                zaaktype__uuid__in=[
                    filters.uuid_from_url(url, "catalogi:zaaktype-detail", "zaaktype__in")
                    for url in zaaktypen
                ]
            )
        body.pop("expand", None)  # also accepted as query parameter
        area = (body.pop("zaakgeometrie", None) or {}).get("within")
        if area is not None:
            try:
                min_x, min_y, max_x, max_y = geometry.bbox(area)
                candidates = queryset.filter(
                    geo_min_x__gte=min_x,
                    geo_max_x__lte=max_x,
                    geo_min_y__gte=min_y,
                    geo_max_y__lte=max_y,
                ).values_list("pk", "zaakgeometrie")
                inside = [pk for pk, shape in candidates if geometry.within(shape, area)]
            except geometry.InvalidGeometry as exc:
                raise ValidationError({"zaakgeometrie.within": [str(exc)]}) from exc
            queryset = queryset.filter(pk__in=inside)
        return queryset


@_operations("status", ["list", "create", "retrieve"])
class StatusViewSet(ZakenViewSet):
    kind = "status"
    http_method_names = ["get", "post", "head"]
    serializer_class = serializers.StatusSerializer
    filterset_class = filters.StatusFilter
    required_scopes = _scopes(
        create=("zaken.aanmaken", "zaken.statussen.toevoegen", "zaken.heropenen")
    )

    def check_write(self, zaak: Zaak, action: str) -> None:
        if zaak.einddatum is not None:
            # zrc-008: a status on a closed zaak reopens it (or corrects it).
            needed: tuple[str, ...] = ("zaken.heropenen", "zaken.geforceerd-bijwerken")
        else:
            needed = ("zaken.aanmaken", "zaken.statussen.toevoegen", "zaken.bijwerken")
        if not policy.may_on_zaak(self.principal, zaak, *needed):
            raise PermissionDenied(f"This needs {' or '.join(needed)} for the zaaktype.")


@_operations("resultaat", ALL)
class ResultaatViewSet(ZakenViewSet):
    kind = "resultaat"
    serializer_class = serializers.ResultaatSerializer
    filterset_class = filters.ResultaatFilter
    required_scopes = _scopes(create=UPDATE, update=UPDATE, partial_update=UPDATE, destroy=UPDATE)
    delete_service = services.resultaat_delete
    instance_argument = "resultaat"


@_operations("rol", ["list", "create", "retrieve", "destroy"])
class RolViewSet(ZakenViewSet):
    kind = "rol"
    http_method_names = ["get", "post", "delete", "head"]
    serializer_class = serializers.RolSerializer
    filterset_class = filters.RolFilter
    required_scopes = _scopes(create=UPDATE, destroy=UPDATE)
    delete_service = services.rol_delete
    instance_argument = "rol"


@_operations("zaakobject", ALL)
class ZaakObjectViewSet(ZakenViewSet):
    kind = "zaakobject"
    serializer_class = serializers.ZaakObjectSerializer
    filterset_class = filters.ZaakObjectFilter
    WRITE = ("zaken.aanmaken", *UPDATE)
    required_scopes = _scopes(
        create=WRITE,
        update=UPDATE,
        partial_update=UPDATE,
        destroy=(*UPDATE, "zaken.verwijderen"),
    )
    write_scopes = {"create": WRITE, "destroy": (*UPDATE, "zaken.verwijderen")}
    delete_service = services.zaakobject_delete
    instance_argument = "zaakobject"


@_operations("zaakinformatieobject", ALL)
class ZaakInformatieObjectViewSet(ZakenViewSet):
    kind = "zaakinformatieobject"
    serializer_class = serializers.ZaakInformatieObjectSerializer
    filterset_class = filters.ZaakInformatieObjectFilter
    pagination_class = None  # the standard answers a plain array here
    WRITE = ("zaken.aanmaken", *UPDATE)
    required_scopes = _scopes(
        create=WRITE,
        update=UPDATE,
        partial_update=UPDATE,
        destroy=(*UPDATE, "zaken.verwijderen"),
    )
    write_scopes = {"create": WRITE, "destroy": (*UPDATE, "zaken.verwijderen")}
    delete_service = services.zaakinformatieobject_delete
    instance_argument = "zaakinformatieobject"


class ZaakNestedMixin:
    """Resources under ``/zaken/{zaak_uuid}/…``: the zaak must be visible first."""

    # zrc-006: 403 outside the client's rights, 404 when the zaak does not exist.

    parent_kwarg = "zaak_uuid"
    parent_forbidden = "No rights for the zaaktype of this zaak."
    verwerking_doel = DOEL
    principal: Any
    parent: Any

    def parent_unscoped(self) -> Any:
        return Zaak.objects.select_related("zaaktype")

    def parent_scope(self, queryset: Any) -> Any:
        return policy.zaken_scope(self.principal, queryset)

    def parent_zaak(self) -> Zaak:
        return self.parent()  # type: ignore[no-any-return]


@uuid_path("zaak_uuid")
@extend_schema_view(
    list=extend_schema(operation_id="audittrail_list"),
    retrieve=extend_schema(operation_id="audittrail_retrieve"),
)
class AuditTrailViewSet(ZaakNestedMixin, scoped.AuditTrailViewSet):  # type: ignore[misc]
    api_version = API_VERSION
    component = "zrc"
    serializer_class = serializers.AuditTrailSerializer
    renderer_classes = [ZakenJSONRenderer]

    def trail(self, parent: Zaak) -> Any:
        return querysets.audittrail().filter(zaak=parent)

    # The trail holds the zaak's and its rollen's data (BSNs in a rol's oud/nieuw).
    def persons_of_parent(self, parent: Zaak) -> list[Party]:
        return persons_of_zaken({parent.pk})


@uuid_path("zaak_uuid")
@_operations("zaakeigenschap", ALL, expand=False)
class ZaakEigenschapViewSet(ZaakNestedMixin, ZakenViewSet):  # type: ignore[misc]
    kind = "zaakeigenschap"
    serializer_class = serializers.ZaakEigenschapSerializer
    pagination_class = None
    expandable = False
    required_scopes = _scopes(create=UPDATE, update=UPDATE, partial_update=UPDATE, destroy=UPDATE)
    delete_service = services.zaakeigenschap_delete
    instance_argument = "zaakeigenschap"

    def unscoped(self) -> Any:
        if getattr(self, "swagger_fake_view", False):
            return querysets.zaakeigenschappen()
        return querysets.zaakeigenschappen().filter(zaak=self.parent_zaak())

    def scope(self, queryset: Any) -> Any:
        return queryset  # of the zaak, found through zaken_scope

    def resource_path(self, obj: Any) -> str:
        from django.urls import reverse

        return reverse(
            "zaken:zaakeigenschap-detail", kwargs={"zaak_uuid": obj.zaak.uuid, "uuid": obj.uuid}
        )

    def create(self, request: Request, *args: Any, **kwargs: Any) -> Response:
        zaak = self.parent_zaak()
        serializer = self.get_serializer(data=request.data)
        serializer.is_valid(raise_exception=True)
        if serializer.validated_data["zaak"].pk != zaak.pk:
            raise ValidationError({"zaak": ["The zaak in the body differs from the URL's."]})
        self.perform_create(serializer)
        return Response(serializer.data, status=status.HTTP_201_CREATED)
