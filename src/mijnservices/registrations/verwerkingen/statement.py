# ruff: noqa: S608 - table and column names come from the models, values are parameters
"""A verwerkingsactie and its verwerkte objecten in one SQL statement (PostgreSQL).

Every API read of personal data writes one actie and an object per person concerned. With
the ORM that is a transaction (or savepoint), an INSERT … RETURNING and a bulk INSERT: four
round trips and most of the cost in building the SQL. Here it is one statement with two
data-modifying CTEs, atomic on its own and part of any transaction around it; the values
are the ORM's own (``pre_save`` and ``get_db_prep_save`` of each field), so the rows are the
ones the ORM would write (decision 0035)."""

from __future__ import annotations

from collections.abc import Sequence
from functools import lru_cache
from typing import Any

from django.db import connection, models


def _fields(model: type[models.Model]) -> list[models.Field[Any, Any]]:
    return [f for f in model._meta.concrete_fields if not f.primary_key]


def _values(obj: models.Model, fields: Sequence[models.Field[Any, Any]]) -> list[Any]:
    return [f.get_db_prep_save(f.pre_save(obj, True), connection) for f in fields]


@lru_cache(maxsize=128)
def _statement(
    parent: type[models.Model],
    child: type[models.Model] | None,
    parent_field: str,
    count: int,
    vendor: str,
) -> tuple[str, tuple[models.Field[Any, Any], ...], tuple[models.Field[Any, Any], ...]]:
    """The SQL for a ``parent`` with ``count`` children, and the fields whose values it
    takes (parent's, then each child's): the same text for every write of that size, so it
    is built once per process (decision 0044)."""
    quote = connection.ops.quote_name
    parent_fields = _fields(parent)
    parent_pk = quote(parent._meta.pk.column)  # type: ignore[union-attr]
    sql = [
        f"WITH parent AS (INSERT INTO {quote(parent._meta.db_table)} "
        f"({', '.join(quote(f.column) for f in parent_fields)}) "
        f"VALUES ({', '.join(['%s'] * len(parent_fields))}) RETURNING {parent_pk})"
    ]
    fields: list[models.Field[Any, Any]] = []
    if child is not None and count:
        link = child._meta.get_field(parent_field)
        assert isinstance(link, models.ForeignKey)
        fields = [f for f in _fields(child) if f is not link]
        row = f"({', '.join(['%s'] * len(fields))})"
        columns = [f"c{i}" for i in range(len(fields))]
        casts = ", ".join(
            f"v.{column}::{f.db_type(connection)}"
            for column, f in zip(columns, fields, strict=True)
        )
        sql.append(
            f", children AS (INSERT INTO {quote(child._meta.db_table)} "
            f"({quote(link.column)}, {', '.join(quote(f.column) for f in fields)}) "
            f"SELECT parent.{parent_pk}, {casts} FROM parent, "
            f"(VALUES {', '.join([row] * count)}) AS v ({', '.join(columns)}) RETURNING 1)"
        )
    sql.append(f" SELECT {parent_pk} FROM parent")
    return "".join(sql), tuple(parent_fields), tuple(fields)


def insert_with_children(
    parent: models.Model, children: Sequence[models.Model], parent_field: str
) -> None:
    """Insert ``parent`` and ``children`` (whose ``parent_field`` points at it); sets the
    parent's primary key. PostgreSQL only."""
    child = type(children[0]) if children else None
    sql, parent_fields, fields = _statement(
        type(parent), child, parent_field, len(children), connection.vendor
    )
    params: list[Any] = _values(parent, parent_fields)
    for obj in children:
        params.extend(_values(obj, fields))
    with connection.cursor() as cursor:
        cursor.execute(sql, params)
        parent.pk = cursor.fetchone()[0]
    parent._state.adding = False
    parent._state.db = connection.alias
