"""The two fixed shapes of the lean zaak reads, as queries compiled once per shape
(decision 0044): the list filtered on ``rol__…`` parameters (the BSN search) and the
detail.

Both are built by the code every other request uses — the view's ``scope()`` (the access
policy), :func:`.filters.with_rol` (the list filter set's rol condition), the lean rows
(:func:`.lean.zaak_rows`) and the paginator's limit — with placeholders for the request's
values, and compiled once per API client and parameter combination
(:mod:`mijnservices.api.compiled`). A list request with any other parameter (``page``,
``ordering``, a date filter, …) goes through the filter set as before; so does a list
whose first page is full (the paginator then counts).
"""

from __future__ import annotations

from collections.abc import Mapping
from typing import Any
from uuid import UUID

from django.conf import settings
from django.db import connection

from mijnservices.api.compiled import compiled_rows, text_placeholder, uuid_placeholder
from mijnservices.registrations.zaken.api import filters, lean
from mijnservices.registrations.zaken.models import Zaak

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


def list_rows(view: Any, values: Mapping[str, str]) -> list[lean.ZaakRow] | None:
    """The first page of the list of zaken ``view`` may read with a rol matching
    ``values``; None when it is full (the paginator counts then) or has no compiled form."""
    per_page = int(settings.API_PAGE_SIZE)
    names = tuple(sorted(values))

    def build() -> Any:
        placeholders = {name: text_placeholder(name) for name in names}
        rows = filters.with_rol(view.scope(lean.zaak_rows()), placeholders)[: per_page + 1]
        return rows, [(placeholders[name], str) for name in names]

    compiled = compiled_rows(("zaken-list", view.principal, names, per_page), build)
    if compiled is None:
        return None
    rows = compiled.rows([values[name] for name in names], row=lean.ZaakRow)
    if len(rows) > per_page:
        return None
    return rows


def _uuid_parameter(value: Any) -> Any:
    return Zaak._meta.get_field("uuid").get_db_prep_value(value, connection)


class NoShape(Exception):
    """The detail has no compiled form: find it the ORM's way."""


def detail_row(view: Any, uuid: Any) -> lean.ZaakRow | None:
    """The zaak ``uuid`` if ``view`` may read it, else None; :class:`NoShape` when the
    query has no compiled form."""

    def build() -> Any:
        placeholder = uuid_placeholder()
        rows = view.scope(lean.zaak_rows()).filter(uuid=placeholder)[:1]
        return rows, [(placeholder, _uuid_parameter)]

    compiled = compiled_rows(("zaak-detail", view.principal), build)
    if compiled is None:
        raise NoShape
    rows = compiled.rows([UUID(str(uuid))], row=lean.ZaakRow)
    return rows[0] if rows else None
