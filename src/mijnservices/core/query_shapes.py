"""Querysets of a fixed shape, compiled to SQL once per process (decision 0047).

Building and compiling a queryset (filters, joins, ``Exists``, the access policy's
subqueries) costs more CPU than PostgreSQL spends running the query. For a query a page runs
on every request only the values change: the zaak's uuid, the party's BSN. A
:class:`QueryShape` builds its queryset once per *shape key* with stand-in values, compiles
it, notes where the stand-ins ended up in the parameters, and from then on runs that SQL
with the real values put in their places. The result is what the queryset gives: model
instances (with ``select_related``) or ``values()`` rows, through Django's own converters.

The caller's ``key`` must hold everything besides ``values`` that changes the SQL (the kind
of party, a setting, which zaaktypen are hidden); the module that builds the queryset owns
that key, next to the code that builds it. A value that Django writes into the SQL itself
(a slice becomes ``LIMIT 2``) is refused at the first compile: it belongs in the key. A text
in a LIKE pattern (``icontains``, ``iexact`` on SQLite) is escaped as Django escapes it.
"""

from __future__ import annotations

import threading
import weakref
from collections import OrderedDict
from collections.abc import Callable, Hashable, Sequence
from dataclasses import dataclass
from datetime import date, datetime
from typing import Any, Generic, TypeVar
from uuid import UUID

from django.core.signals import setting_changed
from django.db import connections
from django.db.models import Model, QuerySet
from django.db.models.query import get_related_populators  # type: ignore[attr-defined]

M = TypeVar("M", bound=Model)
Value = str | int | UUID | date  # a datetime is a date
MAX_SHAPES = 256  # per QueryShape: shape keys are few (party kinds, settings, hidden types)


def _stand_in(index: int, value: Value) -> Value:
    """A value of the same type that no real query holds at that place."""
    if isinstance(value, bool):
        raise TypeError("a boolean changes the shape: put it in the key")
    if isinstance(value, UUID):
        return UUID(int=0x5E5E_0000_0000_4000_8000_0000_0000_0000 + index)
    if isinstance(value, int):
        return 2_000_000_000 + index  # within a 32-bit integer column's range
    if isinstance(value, str):
        # The underscores show whether Django escaped it for LIKE (contains, iexact, ...).
        return f"\x1fstand_in_{index}\x1f"
    if isinstance(value, datetime):
        # A moment (``now``) passes as a value: its stand-in keeps the value's time zone.
        return datetime(1801, 1, 1, 0, 0, index, tzinfo=value.tzinfo)
    if isinstance(value, date):
        return date(1801, 1, 1 + index)
    raise TypeError(f"no stand-in for {type(value).__name__}")


def _forms(stand_in: Value, connection: Any) -> list[tuple[Any, Callable[[Any], Any]]]:
    """How a stand-in can appear among the compiled parameters, with the conversion that
    turns the real value into the same form (SQLite keeps a uuid as 32 hex characters)."""
    forms: list[tuple[Any, Callable[[Any], Any]]] = [(stand_in, lambda v: v)]
    if isinstance(stand_in, UUID):
        forms.append((stand_in.hex, lambda v: v.hex))
    elif isinstance(stand_in, datetime):
        moment = connection.ops.adapt_datetimefield_value
        forms.append((moment(stand_in), moment))
    elif isinstance(stand_in, date):
        adapt = connection.ops.adapt_datefield_value
        forms.append((adapt(stand_in), adapt))
    return forms


def _wrapped(
    convert: Callable[[Any], Any], wrapper: type[Any], plain: type[Any]
) -> Callable[[Any], Any]:
    """On PostgreSQL Django hands a big integer to psycopg as ``Int8(n)``: the real value is
    wrapped the same way."""
    if wrapper is plain:
        return convert
    return lambda value: wrapper(convert(value))


def _in_pattern(pattern: str, escaped: str, connection: Any) -> Callable[[Any], Any]:
    before, after = pattern.split(escaped)
    escape = connection.ops.prep_for_like_query
    return lambda value: f"{before}{escape(value)}{after}"


@dataclass(frozen=True)
class _Compiled:
    alias: str
    sql: str
    params: tuple[Any, ...]
    places: tuple[tuple[int, int, Callable[[Any], Any]], ...]  # (param, value, convert)
    converters: tuple[tuple[int, tuple[Any, ...], Any], ...]  # (column, functions, expression)
    names: tuple[str, ...]  # values(): the column names
    model: type[Model] | None  # instances: the model, its columns and populators
    model_span: tuple[int, int]
    init_list: tuple[str, ...]
    populators: tuple[Any, ...]
    annotations: tuple[tuple[str, int], ...]

    def params_for(self, values: Sequence[Value]) -> list[Any]:
        params = list(self.params)
        for place, index, convert in self.places:
            params[place] = convert(values[index])
        return params


def _compile(queryset: QuerySet[Any, Any], stand_ins: Sequence[Value]) -> _Compiled:
    alias = queryset.db
    connection = connections[alias]
    compiler = queryset.query.get_compiler(using=alias)
    sql, params = compiler.as_sql()
    params = tuple(params)
    places: list[tuple[int, int, Callable[[Any], Any]]] = []
    for index, stand_in in enumerate(stand_ins):
        forms = _forms(stand_in, connection)
        found = [
            (place, index, _wrapped(convert, type(param), type(form)))
            for place, param in enumerate(params)
            for form, convert in forms
            if isinstance(param, type(form)) and not isinstance(param, bool) and param == form
        ]
        if isinstance(stand_in, str):
            # A text escaped for LIKE (contains, startswith, iexact), perhaps between
            # wildcards: the real value is escaped the same way.
            escaped = connection.ops.prep_for_like_query(stand_in)
            found += [
                (place, index, _in_pattern(param, escaped, connection))
                for place, param in enumerate(params)
                if isinstance(param, str) and escaped in param
            ]
        if (
            not found
            or str(stand_in) in sql
            or (isinstance(stand_in, UUID) and stand_in.hex in sql)
        ):
            raise ValueError(
                f"value {index} of this query shape is not a parameter: put it in the key"
            )
        places.extend(found)
    fields = [selected[0] for selected in compiler.select[0 : compiler.col_count]]
    converters = tuple(
        (position, tuple(functions), expression)
        for position, (functions, expression) in compiler.get_converters(fields).items()
    )
    names: tuple[str, ...] = ()
    model = None
    span = (0, 0)
    init_list: tuple[str, ...] = ()
    populators: tuple[Any, ...] = ()
    annotations: tuple[tuple[str, int], ...] = ()
    query = queryset.query
    if query.values_select or getattr(queryset, "_fields", None) is not None:
        # As Django's ValuesIterable names the columns.
        names = (
            tuple(query.selected)
            if query.selected
            else (*query.extra_select, *query.values_select, *query.annotation_select)
        )
    else:
        info = compiler.klass_info
        assert info is not None
        model = info["model"]
        select_fields = info["select_fields"]
        span = (select_fields[0], select_fields[-1] + 1)
        init_list = tuple(column[0].target.attname for column in compiler.select[span[0] : span[1]])
        populators = tuple(get_related_populators(info, compiler.select, alias))
        annotations = tuple(compiler.annotation_col_map.items())
    return _Compiled(
        alias=alias,
        sql=sql,
        params=params,
        places=tuple(places),
        converters=converters,
        names=names,
        model=model,
        model_span=span,
        init_list=init_list,
        populators=populators,
        annotations=annotations,
    )


_SHAPES: weakref.WeakSet[QueryShape[Any]] = weakref.WeakSet()


def clear_all() -> None:
    """Forget every compiled shape in this process."""
    for shape in list(_SHAPES):
        shape.clear()


def _setting_changed(**_kwargs: Any) -> None:
    # A test that changes a setting (a limit, the database) may change the SQL of a shape
    # whose key does not hold that setting: compile again (cache invalidation only).
    clear_all()


setting_changed.connect(_setting_changed, dispatch_uid="query_shapes_setting_changed")


class QueryShape(Generic[M]):
    """One query of a fixed shape: ``build(key, *values)`` returns its queryset.

    ``instances(key, *values)`` gives what iterating the queryset gives (model instances);
    ``rows(key, *values)`` what a ``values()`` queryset gives, as dicts."""

    def __init__(self, name: str, build: Callable[..., QuerySet[M, Any]]) -> None:
        self.name = name
        self.build = build
        self._compiled: OrderedDict[Hashable, _Compiled] = OrderedDict()
        self._lock = threading.Lock()
        _SHAPES.add(self)

    def clear(self) -> None:
        with self._lock:
            self._compiled.clear()

    def _get(self, key: Hashable, values: Sequence[Value]) -> _Compiled:
        full_key = (key, tuple(type(v) for v in values))
        compiled = self._compiled.get(full_key)
        if compiled is None:
            stand_ins = [_stand_in(index, value) for index, value in enumerate(values)]
            compiled = _compile(self.build(key, *stand_ins), stand_ins)
            with self._lock:
                self._compiled[full_key] = compiled
                while len(self._compiled) > MAX_SHAPES:
                    self._compiled.popitem(last=False)
        return compiled

    def _fetch(self, compiled: _Compiled, values: Sequence[Value]) -> tuple[Any, list[Any]]:
        connection = connections[compiled.alias]
        with connection.cursor() as cursor:
            cursor.execute(compiled.sql, compiled.params_for(values))
            rows = cursor.fetchall()
        if compiled.converters:
            converted = []
            for row in rows:
                row = list(row)
                for position, functions, expression in compiled.converters:
                    value = row[position]
                    for function in functions:
                        value = function(value, expression, connection)
                    row[position] = value
                converted.append(row)
            rows = converted
        return connection, rows

    def rows(self, key: Hashable, *values: Value) -> list[dict[str, Any]]:
        compiled = self._get(key, values)
        if compiled.model is not None:
            raise TypeError(f"{self.name} builds model instances: use instances()")
        _connection, rows = self._fetch(compiled, values)
        names = compiled.names
        # DISTINCT may add the ORDER BY's columns after the selected ones: not part of a row.
        return [dict(zip(names, row, strict=False)) for row in rows]

    def instances(self, key: Hashable, *values: Value) -> list[M]:
        compiled = self._get(key, values)
        model = compiled.model
        if model is None:
            raise TypeError(f"{self.name} builds values rows: use rows()")
        _connection, rows = self._fetch(compiled, values)
        start, end = compiled.model_span
        found: list[M] = []
        for row in rows:
            obj = model.from_db(compiled.alias, list(compiled.init_list), row[start:end])
            for populator in compiled.populators:
                populator.populate(row, obj)
            for name, position in compiled.annotations:
                setattr(obj, name, row[position])
            found.append(obj)  # type: ignore[arg-type]
        return found

    def sql(self, key: Hashable, *values: Value) -> tuple[str, list[Any]]:
        """The SQL and parameters this shape runs for ``values`` (tests compare them with
        what the queryset itself compiles to)."""
        compiled = self._get(key, values)
        return compiled.sql, compiled.params_for(values)
