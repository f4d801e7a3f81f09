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

    # Before the scoped API base: every type is readable with ``catalogi.lezen`` and holds
    # no personal data.

    basename: str
    request: Request
    extra_query_params: ClassVar[dict[str, Iterable[str]]] = {
        "list": ("expand",),
        "retrieve": ("expand",),
    }
    reads_personal_data = False

    def scope(self, queryset: QuerySet[Any]) -> QuerySet[Any]:
        """Only our own types: a projected catalogus of an external source (decision 0029),
        and everything in it, is not served."""
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

    def expand_page(self, objects: list[Any], data: list[Any]) -> dict[str, Any]:
        tree = parse_expand(self.basename, self.request.query_params.get("expand", ""))
        if tree and objects:
            expand_items(
                list(zip(objects, data, strict=True)),
                resource=self.basename,
                tree=tree,
                request=self.request,
                context=self.get_serializer_context(),
                viewset_for=lambda name: _viewsets()[name],
            )
        return {}
