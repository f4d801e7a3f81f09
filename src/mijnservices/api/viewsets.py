"""The base every ZGW API view shares: version header, strict query parameters, ETags."""

from __future__ import annotations

import hashlib
import json
import uuid
from collections.abc import Iterable
from typing import Any, ClassVar, cast

from django.db.models import QuerySet
from django.http import HttpResponseBase
from rest_framework import viewsets
from rest_framework.exceptions import NotFound
from rest_framework.request import Request
from rest_framework.response import Response
from rest_framework.settings import api_settings

from mijnservices.api.exceptions import UnknownQueryParameters
from mijnservices.api.idempotency import (
    IdempotentReplay,
    idempotency_begin,
    idempotency_finish,
)

API_VERSION_HEADER = "API-version"


def etag_for(data: Any) -> str:
    """A strong ETag over the JSON representation (ZGW: computed on the response body)."""
    body = json.dumps(data, sort_keys=True, default=str, separators=(",", ":"))
    return '"' + hashlib.sha256(body.encode()).hexdigest()[:32] + '"'


# (renderer classes, Accept header) -> (the chosen class's index, media type): DRF parses the
# header and matches it against every renderer on every request; the answer depends on
# nothing else (without a format suffix or ``?format=``). Bounded: the header is the client's.
_NEGOTIATED: dict[tuple[tuple[type, ...], str | None], tuple[int, str]] = {}
MAX_NEGOTIATED = 256


def _matches(header: str, etag: str) -> bool:
    tags = {tag.strip().removeprefix("W/") for tag in header.split(",")}
    return "*" in tags or etag in tags


class ZGWViewMixin:
    """Declare ``api_version``, ``component`` and ``required_scopes`` on the view.

    Query parameters are checked against the filterset, pagination and
    ``extra_query_params``: anything else answers 400 ``unknown-parameters``.
    """

    api_version: ClassVar[str]
    component: ClassVar[str]
    required_scopes: ClassVar[dict[str, tuple[str, ...]]]
    extra_query_params: ClassVar[dict[str, Iterable[str]]] = {}
    etag_actions: ClassVar[tuple[str, ...]] = ("retrieve",)
    _idempotency_record: int | None = None
    # URL keywords holding a UUID besides ``uuid`` and ``*_uuid`` (e.g. Verwerkingenlogging's ids).
    uuid_url_kwargs: ClassVar[tuple[str, ...]] = ()

    def allowed_query_params(self) -> set[str]:
        allowed = set(self.extra_query_params.get(self.action, ()))  # type: ignore[attr-defined]
        if self.action == "list":  # type: ignore[attr-defined]
            filterset_class = getattr(self, "filterset_class", None)
            if filterset_class is not None:
                allowed |= set(filterset_class.base_filters)
            pagination = getattr(self, "pagination_class", None)
            if pagination is not None:
                allowed.add(pagination.page_query_param)
                if getattr(pagination, "page_size_query_param", None):
                    allowed.add(pagination.page_size_query_param)
        return allowed

    def filter_queryset(self, queryset: QuerySet[Any]) -> QuerySet[Any]:
        # Query filters (and their defaults, like Catalogi's status=definitief) belong to
        # lists; a detail is found by its uuid alone.
        if self.action != "list":  # type: ignore[attr-defined]
            return queryset
        return super().filter_queryset(queryset)  # type: ignore[misc, no-any-return]

    def initial(self, request: Request, *args: Any, **kwargs: Any) -> None:
        super().initial(request, *args, **kwargs)  # type: ignore[misc]
        unknown = set(request.query_params) - self.allowed_query_params()
        if unknown:
            raise UnknownQueryParameters(sorted(unknown))
        self._check_uuid_kwargs()
        self._idempotency_record = idempotency_begin(request)

    def perform_content_negotiation(self, request: Request, force: bool = False) -> Any:
        override = api_settings.URL_FORMAT_OVERRIDE
        classes = tuple(self.renderer_classes)  # type: ignore[attr-defined]
        if self.format_kwarg or (override and override in request.query_params):  # type: ignore[attr-defined]
            return super().perform_content_negotiation(request, force)  # type: ignore[misc]
        key = (classes, request.META.get("HTTP_ACCEPT"))
        found = _NEGOTIATED.get(key)
        if found is None:
            renderers = self.get_renderers()  # type: ignore[attr-defined]
            try:
                renderer, media_type = self.get_content_negotiator().select_renderer(  # type: ignore[attr-defined]
                    request, renderers, None
                )
            except Exception:
                return super().perform_content_negotiation(request, force)  # type: ignore[misc]
            if len(_NEGOTIATED) >= MAX_NEGOTIATED:
                _NEGOTIATED.clear()
            found = _NEGOTIATED[key] = (renderers.index(renderer), media_type)
        return classes[found[0]](), found[1]

    def _check_uuid_kwargs(self) -> None:
        # A path segment that is no UUID names nothing: 404 here, before a queryset
        # lookup turns it into a database-level validation error (and a 500).
        for name, value in getattr(self, "kwargs", {}).items():
            if name == "uuid" or name.endswith("_uuid") or name in self.uuid_url_kwargs:
                try:
                    uuid.UUID(str(value))
                except ValueError:
                    raise NotFound() from None

    def handle_exception(self, exc: Exception) -> Response:
        if isinstance(exc, IdempotentReplay):
            # A plain HttpResponse with the stored bytes; DRF's finalize_response takes any
            # HttpResponseBase, the stubs only name Response.
            return cast(Response, exc.response)
        return super().handle_exception(exc)  # type: ignore[misc, no-any-return]

    def finalize_response(  # type: ignore[override]
        self, request: Request, response: HttpResponseBase, *args: Any, **kwargs: Any
    ) -> HttpResponseBase:
        if (
            isinstance(response, Response)
            and response.status_code == 200
            and self.action in self.etag_actions  # type: ignore[attr-defined]
            and request.method in ("GET", "HEAD")
        ):
            etag = etag_for(response.data)
            if _matches(request.headers.get("If-None-Match", ""), etag):
                response = Response(status=304)
            response["ETag"] = etag
        response = super().finalize_response(request, response, *args, **kwargs)  # type: ignore[misc]
        response[API_VERSION_HEADER] = self.api_version
        record = getattr(self, "_idempotency_record", None)
        if record is not None:
            self._idempotency_record = None
            idempotency_finish(record, response)
        return response


class ZGWModelViewSet(ZGWViewMixin, viewsets.ModelViewSet):  # type: ignore[type-arg, misc]
    lookup_field = "uuid"
    lookup_value_converter = "uuid"
    http_method_names = ["get", "post", "put", "patch", "delete", "head"]
