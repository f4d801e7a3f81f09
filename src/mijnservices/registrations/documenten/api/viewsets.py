"""Documenten API 1.7.0: enkelvoudiginformatieobjecten with versions, download, lock and
unlock. Reads start from the access policy; writes go through the documenten services."""

from __future__ import annotations

from typing import Any

from django.conf import settings
from django.db import transaction
from django.http import FileResponse, Http404
from django.utils.dateparse import parse_datetime
from drf_spectacular.types import OpenApiTypes
from drf_spectacular.utils import OpenApiParameter, OpenApiResponse, extend_schema
from rest_framework import status
from rest_framework.decorators import action
from rest_framework.exceptions import PermissionDenied, ValidationError
from rest_framework.request import Request
from rest_framework.response import Response

from mijnservices.api.exceptions import UnknownQueryParameters
from mijnservices.api.renderers import OctetStreamRenderer, ZGWJSONRenderer
from mijnservices.api.scoped import Expanded
from mijnservices.core.errors import DomainError
from mijnservices.registrations.catalogi.api.reading import expand_types, type_tree
from mijnservices.registrations.documenten import services, storage
from mijnservices.registrations.documenten.api import filters, serializers
from mijnservices.registrations.documenten.api.base import (
    EXPAND,
    READ,
    UPDATE,
    DocumentenViewSet,
)
from mijnservices.registrations.documenten.models import (
    EnkelvoudigInformatieObject,
    InformatieObjectVersie,
)
from mijnservices.services.access import policy

VERSION_PARAMS = [
    OpenApiParameter("versie", int, description="The version to show (default: the latest)."),
    OpenApiParameter(
        "registratieOp", str, description="The version registered at this moment (ISO 8601)."
    ),
]
LOCK = ("documenten.lock",)
FORCED_UNLOCK = "documenten.geforceerd-unlock"
# base64 is 4/3 of the content; allow room for the other attributes of the JSON body.
BODY_OVERHEAD = 64 * 1024


def _operations(**names: Any) -> Any:
    from drf_spectacular.utils import extend_schema_view

    return extend_schema_view(
        **{
            name: extend_schema(operation_id=f"enkelvoudiginformatieobject_{name}", **kw)
            for name, kw in names.items()
        }
    )


@_operations(
    list={"parameters": [EXPAND]},
    create={"responses": {201: serializers.CreatedInformatieObjectSerializer}},
    retrieve={"parameters": [*VERSION_PARAMS, EXPAND]},
    update={},
    partial_update={},
    destroy={},
)
class EnkelvoudigInformatieObjectViewSet(DocumentenViewSet):
    kind = "enkelvoudiginformatieobject"
    via = ""
    serializer_class = serializers.InformatieObjectSerializer
    filterset_class = filters.InformatieObjectFilter
    required_scopes = {
        "list": READ,
        "_zoek": READ,
        "retrieve": READ,
        "download": READ,
        "create": ("documenten.aanmaken",),
        "update": UPDATE,
        "partial_update": UPDATE,
        "destroy": ("documenten.verwijderen",),
        "lock": LOCK,
        "unlock": (*LOCK, FORCED_UNLOCK),
    }
    extra_query_params = {
        "_zoek": ("page",),
        "retrieve": ("versie", "registratieOp"),
        "download": ("versie", "registratieOp"),
    }

    # Documenten 1.7 offers the informatieobjecttype (Catalogi API, same database here).
    expandable = ("informatieobjecttype",)

    def unscoped(self) -> Any:
        return EnkelvoudigInformatieObject.objects.select_related(
            "huidige_versie__informatieobjecttype"
        ).prefetch_related("bestandsdelen")

    def expand_page(self, objects: list[Any], data: list[Any]) -> Expanded:
        # informatieobjecttype, and below it what the Catalogi API expands from an
        # informatieobjecttype (informatieobjecttype.catalogus, ….besluittypen.zaaktypen),
        # read as a direct Catalogi read (catalogi.lezen).
        value = self.request.query_params.get("expand", "")
        paths = [path.strip() for path in value.split(",") if path.strip()]
        below = []
        for path in paths:
            first, _, rest = path.partition(".")
            if first != "informatieobjecttype":
                raise ValidationError({"expand": [f"{path} cannot be expanded."]}, code="invalid")
            if rest:
                below.append(rest)
        if not paths or not objects:
            return {}
        tree = type_tree("informatieobjecttype", below)
        expand_types(
            list(zip(objects, data, strict=True)),
            name="informatieobjecttype",
            resource="informatieobjecttype",
            many=False,
            tree=tree,
            request=self.request,
            principal=self.principal,
            context={"request": self.request},
        )
        return {}

    def initial(self, request: Request, *args: Any, **kwargs: Any) -> None:
        super().initial(request, *args, **kwargs)
        if request.method in ("POST", "PUT", "PATCH"):
            # Refuse an oversized inline upload before its body is read and parsed.
            length = int(request.META.get("CONTENT_LENGTH") or 0)
            if length > int(settings.DOCUMENTEN_MAX_UPLOAD_SIZE) * 4 // 3 + BODY_OVERHEAD:
                raise storage.too_large(length)

    # --- reads ---------------------------------------------------------------------------
    def _current(
        self, documents: list[EnkelvoudigInformatieObject]
    ) -> list[InformatieObjectVersie]:
        versies = []
        for document in documents:
            versie = document.huidige_versie
            assert versie is not None
            versie.document = document  # no query per row
            versies.append(versie)
        return versies

    def serialize_page(self, objects: list[Any]) -> list[Any]:
        # A detail shows the version asked for; a list, every document's current one.
        if self.action == "retrieve":
            versies = [self.version(document) for document in objects]
        else:
            versies = self._current(objects)
        return self.get_serializer(versies, many=True).data  # type: ignore[no-any-return]

    @extend_schema(
        operation_id="enkelvoudiginformatieobject__zoek",
        description=(
            "Search on `uuid__in` (required), `identificatie` and `bronorganisatie`, "
            "always within the client's rights."
        ),
        request={"application/json": serializers.ZOEK_REQUEST_SCHEMA},
        responses=serializers.InformatieObjectSerializer(many=True),
    )
    @action(detail=False, methods=["post"], url_path="_zoek", url_name="zoek", filter_backends=[])
    def _zoek(self, request: Request, *args: Any, **kwargs: Any) -> Response:
        # Always within documenten_scope: a UUID outside the rights is simply not found.
        body = request.data
        if not isinstance(body, dict):
            raise ValidationError({"nonFieldErrors": ["The body is a JSON object."]})
        unknown = set(body) - set(serializers.ZoekSerializer().fields)
        if unknown:
            raise UnknownQueryParameters(sorted(unknown))
        search = serializers.ZoekSerializer(data=body)
        search.is_valid(raise_exception=True)
        criteria = search.validated_data
        queryset = self.get_queryset().filter(uuid__in=criteria["uuid__in"])
        if "identificatie" in criteria:
            queryset = queryset.filter(huidige_versie__identificatie=criteria["identificatie"])
        if "bronorganisatie" in criteria:
            queryset = queryset.filter(huidige_versie__bronorganisatie=criteria["bronorganisatie"])
        page = self.paginate_queryset(queryset)
        assert page is not None
        return self.get_paginated_response(self.read(page))

    def version(self, document: EnkelvoudigInformatieObject) -> InformatieObjectVersie:
        """The version the request asks for (``versie`` / ``registratieOp``) or the latest."""
        params = self.request.query_params
        versies = document.versies.select_related("informatieobjecttype")
        if "versie" in params:
            try:
                number = int(params["versie"])
            except ValueError as exc:
                raise ValidationError({"versie": ["Give a whole number."]}) from exc
            versies = versies.filter(versie=number)
        if "registratieOp" in params:
            moment = parse_datetime(params["registratieOp"])
            if moment is None:
                raise ValidationError({"registratieOp": ["Give an ISO 8601 date-time."]})
            versies = versies.filter(begin_registratie__lte=moment)
        if "versie" not in params and "registratieOp" not in params:
            found = document.huidige_versie
        else:
            found = versies.order_by("-versie").first()
        if found is None:
            raise Http404
        # The scope looked at the current version; an older one may be more confidential.
        if found.pk != document.huidige_versie_id and not policy.may_on_informatieobjecttype(
            self.principal,
            *READ,
            informatieobjecttype_uuid=found.informatieobjecttype.uuid,
            vertrouwelijkheidaanduiding=found.vertrouwelijkheidaanduiding,
        ):
            raise Http404
        found.document = document
        return found

    @extend_schema(
        operation_id="enkelvoudiginformatieobject_download",
        # Two renderers make drf-spectacular add ?format=, which the spec does not have.
        parameters=[*VERSION_PARAMS, OpenApiParameter("format", exclude=True)],
        responses={(200, "application/octet-stream"): OpenApiTypes.BINARY},
    )
    @action(
        detail=True,
        methods=["get"],
        url_path="download",
        filter_backends=[],
        # The spec declares only application/octet-stream for the download (drc 1.7.0).
        renderer_classes=[ZGWJSONRenderer, OctetStreamRenderer],
    )
    def download(self, request: Request, *args: Any, **kwargs: Any) -> FileResponse:
        document = self.get_object()
        versie = self.version(document)
        if not versie.inhoud:
            raise Http404
        self.log_reads([document], {})
        return FileResponse(
            storage.open_content(versie.inhoud),
            as_attachment=True,
            filename=versie.bestandsnaam or f"{versie.document.uuid}",
            content_type="application/octet-stream",
        )

    # --- writes --------------------------------------------------------------------------
    def create(self, request: Request, *args: Any, **kwargs: Any) -> Response:
        serializer = self.get_serializer(data=request.data)
        serializer.is_valid(raise_exception=True)
        data = dict(serializer.validated_data)
        data.pop("lock", None)
        informatieobjecttype = data["informatieobjecttype"]
        vertrouwelijkheid = (
            data.get("vertrouwelijkheidaanduiding")
            or informatieobjecttype.vertrouwelijkheidaanduiding
        )
        if not policy.may_on_informatieobjecttype(
            self.principal,
            "documenten.aanmaken",
            informatieobjecttype_uuid=informatieobjecttype.uuid,
            vertrouwelijkheidaanduiding=vertrouwelijkheid,
        ):
            raise PermissionDenied("No rights to create documents of this informatieobjecttype.")
        with transaction.atomic():
            created = services.informatieobject_create(**data)
            document = self.unscoped().get(pk=created.pk)
            versie = self._current([document])[0]
            body = serializers.CreatedInformatieObjectSerializer(
                versie, context=self.get_serializer_context()
            ).data
            self.audit(document=document, actie="create", obj=document, oud=None, nieuw=body)
        return Response(body, status=status.HTTP_201_CREATED, headers={"Location": body["url"]})

    def update(self, request: Request, *args: Any, **kwargs: Any) -> Response:
        partial = kwargs.pop("partial", False)
        document = self.get_object()
        self.check_write(document, *UPDATE)
        current = self._current([document])[0]
        serializer = self.get_serializer(current, data=request.data, partial=partial)
        serializer.is_valid(raise_exception=True)
        data = dict(serializer.validated_data)
        new_type = data.get("informatieobjecttype")
        if new_type is not None and new_type.pk != current.informatieobjecttype_id:
            raise DomainError(
                "The informatieobjecttype of a document cannot change.",
                code="wijzigen-niet-toegelaten",
                field="informatieobjecttype",
            )
        oud = self.get_serializer(current).data
        with transaction.atomic():
            services.informatieobject_update(informatieobject=document, **data)
            document.refresh_from_db()
            updated = self.unscoped().get(pk=document.pk)
            body = self.get_serializer(self._current([updated])[0]).data
            actie = "partial_update" if partial else "update"
            self.audit(document=document, actie=actie, obj=document, oud=oud, nieuw=body)
        return Response(body)

    def destroy(self, request: Request, *args: Any, **kwargs: Any) -> Response:
        document = self.get_object()
        self.check_write(document, "documenten.verwijderen")
        with transaction.atomic():
            services.informatieobject_delete(informatieobject=document)
        return Response(status=status.HTTP_204_NO_CONTENT)

    @extend_schema(
        operation_id="enkelvoudiginformatieobject_lock",
        request=None,
        responses={200: serializers.LockSerializer},
    )
    @action(detail=True, methods=["post"], url_path="lock", filter_backends=[])
    def lock(self, request: Request, *args: Any, **kwargs: Any) -> Response:
        document = self.get_object()
        self.check_write(document, *LOCK)
        return Response({"lock": services.informatieobject_lock(informatieobject=document)})

    @extend_schema(
        operation_id="enkelvoudiginformatieobject_unlock",
        request=serializers.UnlockSerializer,
        responses={204: OpenApiResponse(description="No content")},
    )
    @action(detail=True, methods=["post"], url_path="unlock", filter_backends=[])
    def unlock(self, request: Request, *args: Any, **kwargs: Any) -> Response:
        document = self.get_object()
        serializer = serializers.UnlockSerializer(data=request.data)
        serializer.is_valid(raise_exception=True)
        versie = document.huidige_versie
        assert versie is not None
        force = policy.may_on_informatieobjecttype(
            self.principal,
            FORCED_UNLOCK,
            informatieobjecttype_uuid=versie.informatieobjecttype.uuid,
            vertrouwelijkheidaanduiding=versie.vertrouwelijkheidaanduiding,
        )
        if not force:
            self.check_write(document, *LOCK)
        services.informatieobject_unlock(
            informatieobject=document, lock=serializer.validated_data.get("lock", ""), force=force
        )
        return Response(status=status.HTTP_204_NO_CONTENT)
