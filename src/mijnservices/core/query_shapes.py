"""Reads whose SQL has a fixed shape, compiled by the ORM once per process (decision 0046).

Building a queryset through the access policy (its subqueries and ``Q`` objects) and
compiling it to SQL cost more CPU than PostgreSQL spends answering it: on the portal
overview about 1.5 ms of Python for a query that runs in a fraction of that.
:class:`QueryShape` asks ``build(shape, markers)`` for the queryset once per ``shape`` (a
hashable that names everything the SQL's *form* depends on), with marker strings in place
of the values that change per call (a BSN, a KvK-nummer, a zaaktype identificatie), and
keeps the compiled SQL. A call puts the real values where the markers were and runs the SQL
through the connection's own cursor (query counting, logging and execute wrappers see it)
and the ORM's own converters, so the rows are exactly those of ``.values(*names)``.

Values are strings (``markers[name]``) or date-times (``markers.moment(name)``); anything
else in the queryset (settings, lists of levels, the subquery over switched-off zaaktypen)
is compiled in and belongs in ``shape``.
Kept shapes are dropped when a setting changes (tests); each connection (thread) has its
own.
"""

from __future__ import annotations

from collections.abc import Callable, Hashable, Mapping
from datetime import UTC, datetime, timedelta
from typing import Any

from django.core.signals import setting_changed
from django.db import connections
from django.db.models import QuerySet
from django.db.models.sql.compiler import SQLCompiler
from django.dispatch import receiver

_SHAPES: list[QueryShape] = []


@receiver(setting_changed)
def _settings_changed(**kwargs: Any) -> None:
    for shape in _SHAPES:
        shape.clear()


MARK, END = "\x1equery-shape:", "\x1e"


class Markers(dict[str, str]):
    """``markers[name]``: the marker string for the call's value ``name`` (any name);
    ``markers.moment(name)`` a marker moment for a date-time value."""

    def __init__(self) -> None:
        super().__init__()
        self.moments: dict[str, datetime] = {}

    def __missing__(self, name: str) -> str:
        return f"{MARK}{name}{END}"

    def moment(self, name: str) -> datetime:
        # A moment no code writes as a constant: 1900-01-01 plus a few microseconds.
        return self.moments.setdefault(name, _EPOCH + timedelta(microseconds=len(self.moments) + 1))


_EPOCH = datetime(1900, 1, 1, tzinfo=UTC)


def _marked(param: object) -> str | None:
    """The value name a compiled parameter is the marker of, if it is one."""
    if isinstance(param, str) and param.startswith(MARK) and param.endswith(END):
        name = param[len(MARK) : -len(END)]
        if END not in name:
            return name
    return None


class _Compiled:
    __slots__ = ("alias", "compiler", "names", "params", "slots", "sql")

    def __init__(self, queryset: QuerySet[Any], markers: Markers) -> None:
        query = queryset.query
        self.alias = queryset.db
        # The names ValuesIterable gives the columns, in its order.
        self.names = (*query.extra_select, *query.values_select, *query.annotation_select)
        self.compiler: SQLCompiler = query.get_compiler(using=self.alias)
        self.sql, params = self.compiler.as_sql()
        self.params = list(params)
        # Where each value goes (a value may be used more than once, or not at all), and
        # how a moment is adapted for this database (as the field would: text on SQLite).
        adapt = connections[self.alias].ops.adapt_datetimefield_value
        moments: dict[Any, str] = {adapt(moment): name for name, moment in markers.moments.items()}
        self.slots: list[tuple[int, str, Callable[[Any], Any] | None]] = []
        for position, param in enumerate(self.params):
            if (name := _marked(param)) is not None:
                self.slots.append((position, name, None))
            elif isinstance(param, datetime | str) and param in moments:
                self.slots.append((position, moments[param], adapt))
        # A marker inside a longer parameter (a LIKE pattern) or in the SQL text itself
        # cannot be swapped: refuse the shape instead of running it with a marker.
        taken = {position for position, _, _ in self.slots}
        if MARK in self.sql or any(
            isinstance(param, str) and MARK in param and position not in taken
            for position, param in enumerate(self.params)
        ):
            raise ValueError("a query shape's value is used in a way it cannot be swapped")


class QueryShape:
    """``build(shape, markers)`` returns the queryset (ending in ``.values(...)``) for a shape,
    using ``markers[name]`` wherever the call's ``values[name]`` belongs."""

    def __init__(self, build: Callable[[Any, Markers], QuerySet[Any]]) -> None:
        self._build = build
        self._compiled: dict[Hashable, _Compiled] = {}
        _SHAPES.append(self)

    def clear(self) -> None:
        self._compiled = {}

    def _for(self, shape: Hashable, alias: str | None) -> _Compiled:
        # Per connection object (one per thread): the compiler keeps the one it compiled for.
        key = (shape, alias, id(connections[alias or "default"]))
        compiled = self._compiled.get(key)
        if compiled is None:
            markers = Markers()
            queryset = self._build(shape, markers)
            if alias is not None:
                queryset = queryset.using(alias)
            compiled = self._compiled[key] = _Compiled(queryset, markers)
        return compiled

    def rows(
        self, shape: Hashable, values: Mapping[str, Any], *, using: str | None = None
    ) -> list[dict[str, Any]]:
        """The rows of the shape's queryset with ``values`` in place of the markers."""
        compiled = self._for(shape, using)
        params = list(compiled.params)
        for position, name, adapt in compiled.slots:
            params[position] = values[name] if adapt is None else adapt(values[name])
        with connections[compiled.alias].cursor() as cursor:
            cursor.execute(compiled.sql, params)
            fetched = cursor.fetchall()
        names = compiled.names
        return [
            dict(zip(names, row, strict=True))
            for row in compiled.compiler.results_iter(results=[fetched], tuple_expected=True)
        ]
