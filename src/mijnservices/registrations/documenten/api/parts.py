"""``PUT /bestandsdelen/{uuid}``: one part of a chunked upload, multipart with the lock."""

from __future__ import annotations

from typing import Any

from django.conf import settings
from drf_spectacular.utils import extend_schema, extend_schema_view
from rest_framework.parsers import FormParser, MultiPartParser
from rest_framework.request import Request
from rest_framework.response import Response

from mijnservices.registrations.documenten import services, storage
from mijnservices.registrations.documenten.api import serializers
from mijnservices.registrations.documenten.api.base import UPDATE, DocumentenViewSet
from mijnservices.registrations.documenten.models import BestandsDeel

BODY_OVERHEAD = 64 * 1024


@extend_schema_view(update=extend_schema(operation_id="bestandsdeel_update"))
class BestandsDeelViewSet(DocumentenViewSet):
    kind = "bestandsdeel"
    http_method_names = ["put"]
    serializer_class = serializers.BestandsDeelSerializer
    parser_classes = [MultiPartParser, FormParser]
    pagination_class = None
    required_scopes = {"update": UPDATE}

    def unscoped(self) -> Any:
        return BestandsDeel.objects.select_related(
            "informatieobject__huidige_versie__informatieobjecttype"
        )

    def update(self, request: Request, *args: Any, **kwargs: Any) -> Response:
        length = int(request.META.get("CONTENT_LENGTH") or 0)
        if length > int(settings.DOCUMENTEN_CHUNK_SIZE) + BODY_OVERHEAD:
            raise storage.too_large(length)
        part = self.get_object()
        document = part.informatieobject
        self.check_write(document, *UPDATE)
        serializer = self.get_serializer(part, data=request.data)
        serializer.is_valid(raise_exception=True)
        upload = serializer.validated_data.get("inhoud")
        services.bestandsdeel_upload(
            bestandsdeel=part,
            lock=serializer.validated_data["lock"],
            chunks=upload.chunks() if upload is not None else iter(()),
        )
        return Response(self.get_serializer(part).data)
