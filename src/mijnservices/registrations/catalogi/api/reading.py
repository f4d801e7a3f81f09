"""How every Catalogi endpoint reads: a per-request catalogus index for the
version-independent relations, and ``expand`` on lists and details."""

from __future__ import annotations

from collections.abc import Iterable
from functools import cache
from typing import Any, ClassVar

from django.db.models import QuerySet
from drf_spectacular.types import OpenApiTypes
from drf_spectacular.utils import OpenApiParameter
from rest_framework.request import Request
from rest_framework.response import Response

from mijnservices.registrations.catalogi.api.expand import expand_items, parse_expand
from mijnservices.registrations.catalogi.selectors import CatalogusIndex, catalogus_id_of

EXPAND_PARAMETER = OpenApiParameter(
    "expand",
    OpenApiTypes.STR,
    description=(
        "Haal details van gelinkte resources direct op. Scheid meerdere met een komma; "
        "gebruik de punt-notatie voor resources een laag dieper."
    ),
)


@cache
def _viewsets() -> dict[str, Any]:
    from mijnservices.registrations.catalogi.api.urls import router

    return {basename: viewset for _prefix, viewset, basename in router.registry}


class CatalogiReadMixin:
    """Mixed into the Catalogi viewsets (before the DRF generic view)."""

    basename: str
    extra_query_params: ClassVar[dict[str, Iterable[str]]] = {
        "list": ("expand",),
        "retrieve": ("expand",),
    }

    def get_queryset(self) -> QuerySet[Any]:
        """Only our own types: a projected catalogus of an external source (decision 0029),
        and everything in it, is not served."""
        queryset: QuerySet[Any] = super().get_queryset()  # type: ignore[misc]
        fields = {field.name for field in queryset.model._meta.get_fields()}
        if "domein" in fields:
            return queryset.filter(bron_url="")
        if "catalogus" in fields:
            return queryset.filter(catalogus__bron_url="")
        return queryset.filter(zaaktype__catalogus__bron_url="")

    def _index(self) -> CatalogusIndex:
        if not hasattr(self, "_catalogus_index"):
            self._catalogus_index = CatalogusIndex()
        return self._catalogus_index

    def get_serializer_context(self) -> dict[str, Any]:
        return {**super().get_serializer_context(), "catalogi_index": self._index()}  # type: ignore[misc]

    def paginate_queryset(self, queryset: QuerySet[Any]) -> list[Any] | None:
        page: list[Any] | None = super().paginate_queryset(queryset)  # type: ignore[misc]
        if page is not None:
            # Version-independent relations of the whole page resolve with one query per kind.
            self._index().prime(catalogus_id_of(obj) for obj in page)
        return page

    def _expand_tree(self, request: Request) -> dict[str, Any]:
        return parse_expand(self.basename, request.query_params.get("expand", ""))

    def _expand(self, request: Request, tree: dict[str, Any], items: list[Any]) -> None:
        if tree:
            expand_items(
                items,
                resource=self.basename,
                tree=tree,
                request=request,
                context=self.get_serializer_context(),
                viewset_for=lambda name: _viewsets()[name],
            )

    def list(self, request: Request, *args: Any, **kwargs: Any) -> Response:
        tree = self._expand_tree(request)
        view: Any = self
        queryset = view.filter_queryset(view.get_queryset())
        page = view.paginate_queryset(queryset)
        objects = list(queryset) if page is None else page
        data = view.get_serializer(objects, many=True).data
        self._expand(request, tree, list(zip(objects, data, strict=True)))
        if page is None:
            return Response(data)
        return view.get_paginated_response(data)  # type: ignore[no-any-return]

    def retrieve(self, request: Request, *args: Any, **kwargs: Any) -> Response:
        tree = self._expand_tree(request)
        view: Any = self
        instance = view.get_object()
        data = view.get_serializer(instance).data
        self._expand(request, tree, [(instance, data)])
        return Response(data)
