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

from mijnservices.core.identity import ApiClient
from mijnservices.registrations.catalogi.api.expand import (
    Item,
    expand_items,
    expand_relation,
    own_types,
    parse_expand,
)
from mijnservices.registrations.catalogi.selectors import CatalogusIndex, catalogus_id_of
from mijnservices.services.access import policy

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
        return own_types(queryset)

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


# --- expand from the other APIs (Zaken 1.5+, Documenten 1.5+) -----------------------------
READ = ("catalogi.lezen",)


def type_tree(resource: str, paths: list[str]) -> dict[str, Any]:
    """The ``expand`` tree below a Catalogi ``resource`` reached from another API, for the
    rest of each path (``["catalogus", "besluittypen.zaaktypen"]``), checked as the
    Catalogi API checks its own (400 ``invalid-expand``)."""
    return parse_expand(resource, ",".join(paths))


def expand_types(
    items: list[Item],
    *,
    name: str,
    resource: str,
    many: bool,
    tree: dict[str, Any],
    request: Request,
    principal: ApiClient,
    context: dict[str, Any],
) -> None:
    """Embed the Catalogi ``resource`` that attribute ``name`` of each item (of another API:
    a zaak's ``zaaktype``, a document's ``informatieobjecttype``) links to, and ``tree``
    below it. Read as a direct read would be: the client needs ``catalogi.lezen`` (without
    it the relation is not expanded: ``_expand`` does not name it, which every schema of the
    standard allows), only our own catalogi are served, and each object is its detail's
    representation. ``context`` is shared by every Catalogi expansion of one request (one
    catalogus index)."""
    if not policy.has_scope(principal, "ztc", *READ):
        for _, data in items:
            data.setdefault("_expand", {})
        return
    context.setdefault("request", request)
    expand_relation(
        items,
        name=name,
        target=resource,
        many=many,
        subtree=tree,
        request=request,
        context=context,
        viewset_for=lambda kind: _viewsets()[kind],
    )
