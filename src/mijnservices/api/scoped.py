"""The one base of every registration API's views (decision 0034).

A view says which rows exist (``unscoped``) and which of them the caller may read
(``scope``, asked of ``services.access``); the base does the rest the same way everywhere:

- the principal is the authenticated :class:`~mijnservices.core.identity.ApiClient`;
- list, retrieve (and any read action through :meth:`ScopedViewMixin.read`) start from
  ``scope``; a detail outside it answers 403 when ``forbidden_detail`` is set (ZGW, as Open
  Zaak: "no rights" for an object that exists) and 404 otherwise, the same as an object that
  does not exist;
- a page is represented by ``serialize_page`` (the place for a lean read path), then
  ``expand_page`` adds ``_expand`` (the one post-step hook);
- a view that declares ``reads_personal_data = True`` logs every read as one verwerkingsactie
  (decision 0015) naming ``persons_of`` the rows and what ``expand`` brought in; every view
  must declare it, so it cannot be forgotten (an architecture test walks the URLs).
"""

from __future__ import annotations

import builtins
from collections.abc import Collection, Mapping, Sequence
from typing import Any, ClassVar, NoReturn

from django.db.models import QuerySet
from django.http import Http404
from rest_framework import viewsets
from rest_framework.exceptions import PermissionDenied, ValidationError
from rest_framework.request import Request
from rest_framework.response import Response

from mijnservices.api.verwerkingen import parties_in_columns, personal_reads_log
from mijnservices.api.viewsets import ZGWViewMixin
from mijnservices.core.identity import ApiClient, Party

# What ``expand`` added to a response, per kind (for the verwerkingenlogging).
Expanded = Mapping[str, Sequence[Any]]


def scoped_get(
    scoped: QuerySet[Any], unscoped: QuerySet[Any], *, forbidden: str | None, **lookup: Any
) -> Any:
    """The one object ``lookup`` finds in ``scoped``. Not there: 403 with ``forbidden`` when
    it exists outside the scope and ``forbidden`` is given, else 404."""
    obj = scoped.filter(**lookup).first()
    if obj is None:
        raise_missing(unscoped, forbidden=forbidden, **lookup)
    return obj


def raise_missing(unscoped: QuerySet[Any], *, forbidden: str | None, **lookup: Any) -> NoReturn:
    """The answer for an object the scope does not hold: 403 with ``forbidden`` when it
    exists outside the scope and ``forbidden`` is given, else 404."""
    if forbidden is not None and unscoped.filter(**lookup).exists():
        raise PermissionDenied(forbidden)
    raise Http404


# No docstrings on the view classes here: drf-spectacular publishes a view's (inherited)
# docstring as its operations' description.
class ScopedViewMixin(ZGWViewMixin):
    # Declare ``unscoped()``, ``scope(queryset)``, ``forbidden_detail`` and
    # ``reads_personal_data`` (with ``verwerking_doel`` and, when the defaults do not fit,
    # ``verwerking_objecttype`` / ``verwerking_activiteit`` / ``persons_of``).

    # The text of the 403 for a detail outside the scope; None: 404, as for a missing one.
    forbidden_detail: ClassVar[str | None] = None
    # Declared by every view (no default): does a read return a person's data?
    reads_personal_data: ClassVar[bool]
    verwerking_doel: ClassVar[str] = ""
    verwerking_objecttype: ClassVar[str] = ""  # default: see read_objecttype
    verwerking_activiteit: ClassVar[str] = ""  # default: "<objecttype> raadplegen"

    kwargs: dict[str, Any]
    lookup_field: str
    lookup_url_kwarg: str | None

    @property
    def principal(self) -> ApiClient:
        # ScopeRequired (the default permission) lets only an ApiClient this far.
        return self.request.user  # type: ignore[attr-defined, no-any-return]

    # --- which rows --------------------------------------------------------------------
    def unscoped(self) -> QuerySet[Any]:
        """Every row of the resource, before the access policy."""
        queryset = getattr(self, "queryset", None)
        if queryset is None:
            raise NotImplementedError(f"{type(self).__name__} declares unscoped()")
        return queryset.all()  # type: ignore[no-any-return]

    def scope(self, queryset: QuerySet[Any]) -> QuerySet[Any]:
        """The rows of ``queryset`` the principal may read: ask ``services.access``."""
        raise NotImplementedError(f"{type(self).__name__} declares scope()")

    def get_queryset(self) -> QuerySet[Any]:
        if getattr(self, "swagger_fake_view", False):  # schema generation: no principal
            return self.unscoped().none()
        return self.scope(self.unscoped())

    def get_object(self) -> Any:
        obj = self.find_object(self.kwargs[self.lookup_url_kwarg or self.lookup_field])
        self.check_object_permissions(self.request, obj)  # type: ignore[attr-defined]
        return obj

    def find_object(self, value: Any) -> Any:
        """The object of a detail whose ``lookup_field`` is ``value``, through the scope
        (403/404 as :func:`scoped_get`). A view may find it another way here (a query
        compiled once, decision 0044), with the same answers."""
        return scoped_get(
            self.get_queryset(),
            self.unscoped(),
            forbidden=self.forbidden_detail,
            **{self.lookup_field: value},
        )

    def list_rows(self) -> builtins.list[Any] | None:
        """The rows of a list read another way than through the filter set (a query
        compiled once, decision 0044): what the scope and the request's filters give, for
        the paginator; None (the default) for the filter set's way."""
        return None

    # --- nested resources (``/<parent>/{parent_uuid}/<resource>``) ---------------------
    # The parent must be readable first: 403/404 as its own detail.
    parent_kwarg: ClassVar[str] = ""
    parent_forbidden: ClassVar[str | None] = None

    def parent_unscoped(self) -> QuerySet[Any]:
        raise NotImplementedError(f"{type(self).__name__} declares parent_unscoped()")

    def parent_scope(self, queryset: QuerySet[Any]) -> QuerySet[Any]:
        raise NotImplementedError(f"{type(self).__name__} declares parent_scope()")

    def parent(self) -> Any:
        if not hasattr(self, "_parent"):
            unscoped = self.parent_unscoped()
            self._parent = scoped_get(
                self.parent_scope(unscoped),
                unscoped,
                forbidden=self.parent_forbidden,
                uuid=self.kwargs[self.parent_kwarg],
            )
        return self._parent

    # --- reads -------------------------------------------------------------------------
    def list(self, request: Request, *args: Any, **kwargs: Any) -> Response:
        rows = self.list_rows()
        queryset = self.filter_queryset(self.get_queryset()) if rows is None else rows
        page = self.paginate_queryset(queryset)  # type: ignore[attr-defined]
        objects = builtins.list(page if page is not None else queryset)
        data = self.read(objects)
        if page is not None:
            return self.get_paginated_response(data)  # type: ignore[attr-defined, no-any-return]
        return Response(data)

    def retrieve(self, request: Request, *args: Any, **kwargs: Any) -> Response:
        return Response(self.read([self.get_object()])[0])

    def read(self, objects: builtins.list[Any]) -> builtins.list[Any]:
        """The representation of rows the principal may read, with ``_expand``; the read is
        logged. Every read action goes through here."""
        data = self.serialize_page(objects)
        expanded = self.expand_page(objects, data)
        self.log_reads(objects, expanded)
        return data

    def serialize_page(self, objects: builtins.list[Any]) -> builtins.list[Any]:
        """The representations of ``objects`` (a page, or the one object of a detail). A
        view may answer from a leaner path here; the result is a list aligned with
        ``objects``."""
        return self.get_serializer(objects, many=True).data  # type: ignore[attr-defined, no-any-return]

    def expand_page(self, objects: builtins.list[Any], data: builtins.list[Any]) -> Expanded:
        """Add ``_expand`` to the items of ``data`` (aligned with ``objects``, possibly
        none) and return the objects that brought in, per kind. Default: nothing."""
        return {}

    # --- expand ------------------------------------------------------------------------
    def expand_request(self, allowed: Collection[str]) -> builtins.list[str]:
        """The paths of the request's ``expand``; one not in ``allowed`` answers 400."""
        value = self.request.query_params.get("expand", "")  # type: ignore[attr-defined]
        paths = [path.strip() for path in value.split(",") if path.strip()]
        for path in paths:
            if path not in allowed:
                raise ValidationError({"expand": [f"{path} cannot be expanded."]}, code="invalid")
        return paths

    # --- the audit trail of a write (Zaken, Documenten, Besluiten) ----------------------
    def audit_entry(
        self, *, actie: str, obj: Any, oud: Any, nieuw: Any, resource_url: str
    ) -> dict[str, Any]:
        """What every audit trail record of a write through this view holds; the caller
        adds its hoofdobject and records it with its registration's service."""
        request = self.request  # type: ignore[attr-defined]
        return {
            "actie": actie,
            "resultaat": 204 if actie == "destroy" else (201 if actie == "create" else 200),
            "resource": self.read_objecttype(),
            "resource_url": request.build_absolute_uri(resource_url),
            "resource_weergave": str(obj),
            "applicatie_id": self.principal.client_id,
            "applicatie_weergave": self.principal.label,
            "toelichting": str(request.headers.get("X-Audit-Toelichting", "")),
            "oud": dict(oud) if oud is not None else None,
            "nieuw": dict(nieuw) if nieuw is not None else None,
        }

    # --- the verwerkingenlogging (decision 0015) ---------------------------------------
    def read_objecttype(self) -> str:
        """``verwerking_objecttype``, else the view's ``kind``, else the model's name."""
        return (
            self.verwerking_objecttype
            or str(getattr(self, "kind", ""))
            or str(self.unscoped().model._meta.model_name)
        )

    def persons_of(self, objects: Sequence[Any], expanded: Expanded) -> builtins.list[Party]:
        """The persons and businesses the read concerns (default: the rows' party columns)."""
        return parties_in_columns(objects)

    def log_reads(self, objects: Sequence[Any], expanded: Expanded) -> None:
        if not self.reads_personal_data or not objects:
            return
        personal_reads_log(
            self.principal,
            objects,
            persons=self.persons_of(objects, expanded),
            activiteit=self.verwerking_activiteit or f"{self.read_objecttype()} raadplegen",
            doel=self.verwerking_doel,
            objecttype=self.read_objecttype(),
        )


class ScopedModelViewSet(ScopedViewMixin, viewsets.ModelViewSet):  # type: ignore[type-arg, misc]
    lookup_field = "uuid"
    lookup_value_converter = "uuid"
    http_method_names = ["get", "post", "put", "patch", "delete", "head"]


# List and retrieve only (the router maps the base's methods); a view adds its writes.
class ScopedReadOnlyViewSet(ScopedViewMixin, viewsets.GenericViewSet):  # type: ignore[type-arg, misc]
    lookup_field = "uuid"
    lookup_value_converter = "uuid"


# ``/<hoofdobject>/{uuid}/audittrail``: the trail of one hoofdobject the principal may read
# (403/404 as its own detail). Declare the parent (see ScopedViewMixin), ``trail(parent)``
# and ``persons_of_parent(parent)``: the trail holds the hoofdobject's data, so a read
# concerns the same persons as a read of the hoofdobject.
class AuditTrailViewSet(ScopedReadOnlyViewSet):
    required_scopes = {"list": ("audittrails.lezen",), "retrieve": ("audittrails.lezen",)}
    pagination_class = None
    reads_personal_data = True
    verwerking_objecttype = "audittrail"

    def trail(self, parent: Any) -> QuerySet[Any]:
        raise NotImplementedError

    def persons_of_parent(self, parent: Any) -> builtins.list[Party]:
        raise NotImplementedError

    def unscoped(self) -> QuerySet[Any]:
        if getattr(self, "swagger_fake_view", False):
            return self.serializer_class.Meta.model.objects.all()  # type: ignore[no-any-return, union-attr]
        return self.trail(self.parent())

    def scope(self, queryset: QuerySet[Any]) -> QuerySet[Any]:
        return queryset  # the parent was found through its own scope

    def persons_of(self, objects: Sequence[Any], expanded: Expanded) -> builtins.list[Party]:
        return self.persons_of_parent(self.parent())
