"""The two fixed shapes of the lean zaak reads, as queries compiled once per shape
(decision 0044): the list filtered on ``rol__…`` parameters (the BSN search) and the
detail.

Both are built by the code every other request uses — the access policy's scope of the
Zaken views (:func:`.expand.scope`), :func:`.filters.with_rol` (the list filter set's rol
condition), the lean rows (:func:`.lean.zaak_rows`) and the paginator's limit — and
compiled once per API client and parameter combination (:mod:`mijnservices.core.query_shapes`;
the client is in the key: its rights decide the policy's conditions). A list request with
any other parameter (``page``, ``ordering``, a date filter, …) goes through the filter set
as before; so does a list whose first page is full (the paginator then counts).
"""

from __future__ import annotations

from collections.abc import Mapping
from typing import Any
from uuid import UUID

from django.conf import settings
from django.db.models import QuerySet

from mijnservices.core.query_shapes import QueryShape
from mijnservices.registrations.zaken.api import expand, filters, lean

ROL_PARAMS = frozenset(f"rol__{name}" for name in filters.ROL_PARAMS)
# Parameters a list request may carry besides rol__… and still take the fixed shape:
# ``expand`` is applied to the page afterwards, as on every list.
BESIDES = frozenset({"expand"})


def rol_values(query: Mapping[str, Any]) -> dict[str, str] | None:
    """The ``rol__…`` parameters of a list request whose parameters are only those (and
    ``expand``), cleaned as the filter set's text fields clean them (the last value of a
    repeated parameter, surrounding white space removed, empty ones dropped); None for any
    other request, and for a value the filter set would refuse (a NUL character), so that
    the filter set answers it."""
    values: dict[str, str] = {}
    for name in query:
        if name in BESIDES:
            continue
        if name not in ROL_PARAMS:
            return None
        value = str(query.get(name))
        if "\x00" in value:
            return None
        value = value.strip()
        if value:
            values[name] = value
    return values


def _list(key: tuple[Any, tuple[str, ...], int], *values: Any) -> QuerySet[Any]:
    principal, names, per_page = key
    scoped = expand.scope(principal, "zaak", lean.zaak_rows())
    return filters.with_rol(scoped, dict(zip(names, values, strict=True)))[: per_page + 1]


def _detail(principal: Any, uuid: Any) -> QuerySet[Any]:
    return expand.scope(principal, "zaak", lean.zaak_rows()).filter(uuid=uuid)[:1]


_LIST = QueryShape("zaken_rol_list", _list)
_DETAIL = QueryShape("zaak_detail", _detail)


def list_rows(view: Any, values: Mapping[str, str]) -> list[lean.ZaakRow] | None:
    """The first page of the list of zaken ``view``'s client may read with a rol matching
    ``values``; None when it is full (the paginator counts then)."""
    per_page = int(settings.API_PAGE_SIZE)
    names = tuple(sorted(values))
    rows = _LIST.rows((view.principal, names, per_page), *(values[name] for name in names))
    if len(rows) > per_page:
        return None
    return [lean.ZaakRow(row) for row in rows]


def detail_row(view: Any, uuid: Any) -> lean.ZaakRow | None:
    """The zaak ``uuid`` if ``view``'s client may read it, else None."""
    rows = _DETAIL.rows(view.principal, UUID(str(uuid)))
    return lean.ZaakRow(rows[0]) if rows else None
