"""The query-parameter filter backend of every API list: django-filter, narrowed per request
to the filters the request uses.

A ``FilterSet`` deep-copies all its filters and builds and validates a form field for each
on every request: for the Zaken list about 60, of which a client sends one or two. A filter
whose parameter is absent does nothing (django-filter skips empty values), so the backend
builds the filter set from the filters whose parameters are present, plus any filter it
cannot prove inert (required, or of a class of our own). The narrowed class is made once
per combination and kept; the answers, including validation errors, are the same."""

from __future__ import annotations

from collections.abc import Collection
from functools import lru_cache
from typing import Any

from django_filters import rest_framework as filters
from django_filters.filters import Filter


def _inert_when_absent(filter_: Filter) -> bool:
    return type(filter_).__module__.startswith("django_filters.") and not filter_.extra.get(
        "required"
    )


def _used(name: str, params: Collection[str]) -> bool:
    # Some widgets read suffixed parameters (``name_min``, ``name_after``).
    return name in params or any(param.startswith(f"{name}_") for param in params)


def kept_filters(
    filterset_class: type[filters.FilterSet], params: Collection[str]
) -> frozenset[str]:
    return frozenset(
        name
        for name, filter_ in filterset_class.base_filters.items()
        if _used(name, params) or not _inert_when_absent(filter_)
    )


@lru_cache(maxsize=1024)
def narrowed(filterset_class: type[filters.FilterSet], kept: frozenset[str]) -> type[Any]:
    """A subclass of ``filterset_class`` with only the ``kept`` filters (same name, so its
    form and messages are the same)."""
    subclass = type(
        filterset_class.__name__, (filterset_class,), {"__module__": filterset_class.__module__}
    )
    subclass.base_filters = {  # type: ignore[attr-defined]
        name: filter_ for name, filter_ in filterset_class.base_filters.items() if name in kept
    }
    return subclass


class FilterBackend(filters.DjangoFilterBackend):  # type: ignore[misc]
    def get_filterset(self, request: Any, queryset: Any, view: Any) -> Any:
        filterset_class = self.get_filterset_class(view, queryset)
        if filterset_class is None:
            return None
        kept = kept_filters(filterset_class, list(request.query_params))
        if len(kept) < len(filterset_class.base_filters):
            filterset_class = narrowed(filterset_class, kept)
        return filterset_class(**self.get_filterset_kwargs(request, queryset, view))
