"""A ``.values()`` query compiled to SQL once per shape, run with the request's values
(decision 0044).

The Zaken API's BSN list and zaak detail build the same query on every request: the access
policy's scope, one or two conditions, an order and a limit. Django compiles it each time
(about a fifth of the request's CPU). Here the query is built once per shape **by the same
ORM code** (the view's ``scope()``, the filter set's conditions) with *placeholders* where
the request's values go, compiled, and kept: a request puts its values into the parameters
at the placeholders' positions and runs the SQL. The rows are the queryset's: the same
columns, each through the converters Django would apply.

A placeholder is a value no request sends (chosen at random per process), so it is found
among the compiled parameters exactly once; when it is not, there is no compiled form and
the caller runs its queryset as before. A shape must say everything the SQL depends on —
for a scope, the principal itself (its rights decide the conditions).
"""

from __future__ import annotations

import secrets
import uuid
from collections.abc import Callable, Hashable, Sequence
from dataclasses import dataclass
from typing import Any, TypeVar

from django.db import connections
from django.db.models import QuerySet

R = TypeVar("R", bound=dict[str, Any])
# Per process and shape; shapes are few (per API client and parameter combination).
MAX_SHAPES = 512


def text_placeholder(name: str) -> str:
    """A text no request carries (a NUL character cannot reach a query: the filter sets
    refuse it, and PostgreSQL's text types cannot hold it)."""
    return f"\x00{name}:{secrets.token_hex(8)}\x00"


def uuid_placeholder() -> uuid.UUID:
    return uuid.uuid4()


@dataclass(frozen=True)
class CompiledRows:
    """The SQL of a ``.values()`` queryset with the positions of its placeholders."""

    alias: str
    sql: str
    params: tuple[Any, ...]
    slots: tuple[tuple[int, Callable[[Any], Any]], ...]  # (position, to a parameter)
    names: tuple[str, ...]
    converters: tuple[tuple[int, tuple[Callable[..., Any], ...], Any], ...]

    def rows(self, values: Sequence[Any], row: type[R] = dict) -> list[R]:  # type: ignore[assignment]
        """The rows for ``values`` (one per placeholder, in order), as ``.values()`` gives
        them (as ``row``, a dict class)."""
        params = list(self.params)
        for (position, prepare), value in zip(self.slots, values, strict=True):
            params[position] = prepare(value)
        connection = connections[self.alias]
        with connection.cursor() as cursor:
            cursor.execute(self.sql, params)
            fetched = cursor.fetchall()
        names = self.names
        found: list[R] = []
        make: Any = row
        for raw in fetched:
            values_ = list(raw)
            for position, functions, expression in self.converters:
                value = values_[position]
                for function in functions:
                    value = function(value, expression, connection)
                values_[position] = value
            found.append(make(zip(names, values_, strict=True)))
        return found


def compile_rows(
    queryset: QuerySet[Any], placeholders: Sequence[tuple[Any, Callable[[Any], Any]]]
) -> CompiledRows | None:
    """Compile the ``.values()`` ``queryset`` built with ``placeholders`` (each: the value
    used in the queryset and the function that makes a request's value the parameter the
    ORM would have sent). None when a placeholder is not found exactly once."""
    query = queryset.query
    compiler = query.get_compiler(using=queryset.db)
    sql, params = compiler.as_sql()
    slots = []
    for placeholder, prepare in placeholders:
        parameter = prepare(placeholder)
        positions = [i for i, value in enumerate(params) if _same(value, parameter)]
        if len(positions) != 1:
            return None
        slots.append((positions[0], prepare))
    names = (*query.extra_select, *query.values_select, *query.annotation_select)
    columns = [selected[0] for selected in compiler.select[: compiler.col_count]]
    if len(names) != len(columns):
        return None
    converters = tuple(
        (position, tuple(functions), expression)
        for position, (functions, expression) in compiler.get_converters(columns).items()
    )
    return CompiledRows(
        alias=queryset.db,
        sql=sql,
        params=tuple(params),
        slots=tuple(slots),
        names=names,
        converters=converters,
    )


def _same(value: Any, parameter: Any) -> bool:
    return type(value) is type(parameter) and value == parameter


_compiled: dict[Hashable, CompiledRows | None] = {}


def compiled_rows(
    shape: Hashable,
    build: Callable[[], tuple[QuerySet[Any], Sequence[tuple[Any, Callable[[Any], Any]]]]],
) -> CompiledRows | None:
    """The compiled form of the query ``build()`` gives for ``shape`` (built and compiled
    on first use in this process); None when it has none."""
    key = (shape, connections["default"].vendor)
    try:
        return _compiled[key]
    except KeyError:
        pass
    queryset, placeholders = build()
    compiled = compile_rows(queryset, placeholders)
    if len(_compiled) >= MAX_SHAPES:
        _compiled.clear()
    _compiled[key] = compiled
    return compiled


def compiled_clear() -> None:
    """Forget every compiled query (tests that change what a shape compiles to)."""
    _compiled.clear()
