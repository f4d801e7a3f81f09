"""Claims with fencing.

A sender claims due items in one short transaction and marks them with a :class:`Lease`: a
fresh token and an end time (a setting per sender). Nobody else can claim an item before its
lease ends, so a worker *owns* an item while ``lease.covers(send timeout)`` holds; it checks
that right before each send and renews the lease (or lets the rest go) when it runs short, and
stores each outcome with ``claim=token`` so an outcome from a lease that ran out and was taken
over is dropped. A worker that knows a send failed releases the item at once.

On PostgreSQL claims of one queue are serialised with a transaction-scoped advisory lock (they
take milliseconds): a claim then always sees the other workers' committed claims, so a later
item of a stream is never claimed while an earlier one is being claimed elsewhere.
"""

from __future__ import annotations

import uuid
import zlib
from dataclasses import dataclass, field
from datetime import datetime, timedelta
from typing import Any, TypeVar, cast

from django.db import connection
from django.db.models import Field, Model, QuerySet
from django.utils import timezone

M = TypeVar("M", bound=Model)


def claims_serialise(queue: str) -> None:
    """Inside the claim's transaction: one claim of ``queue`` at a time (PostgreSQL; SQLite
    serialises writers anyway)."""
    if connection.vendor == "postgresql":
        with connection.cursor() as cursor:
            cursor.execute("SELECT pg_advisory_xact_lock(%s)", [zlib.crc32(queue.encode())])


def lock_due(queryset: QuerySet[M], *, of: tuple[str, ...] = ()) -> QuerySet[M]:
    """``FOR UPDATE SKIP LOCKED`` where the database has it (PostgreSQL), else as is."""
    if connection.features.has_select_for_update_skip_locked:
        return queryset.select_for_update(skip_locked=True, of=of)
    return queryset


@dataclass
class Lease:
    seconds: float
    token: uuid.UUID = field(default_factory=uuid.uuid4)
    until: datetime = field(default_factory=timezone.now)

    def __post_init__(self) -> None:
        self.until = timezone.now() + timedelta(seconds=self.seconds)

    def left(self) -> float:
        return (self.until - timezone.now()).total_seconds()

    def covers(self, seconds: float) -> bool:
        """Still owned for the whole of a send that may take ``seconds`` (with a margin)."""
        return self.left() > seconds + 1

    def renew(self, mine: QuerySet[Any], *, field_name: str) -> int:
        """Extend the lease of the items still held (``mine`` filters on the token); returns
        how many there are."""
        until = timezone.now() + timedelta(seconds=self.seconds)
        count = mine.filter(**{f"{field_name}__gt": timezone.now()}).update(**{field_name: until})
        self.until = until
        return int(count)


_fenced_sql: dict[tuple[str, str, str, tuple[str, ...]], str] = {}


def fenced_update(
    model: type[Model], *, pk: int, token: uuid.UUID, claim_field: str = "claim", **values: Any
) -> int:
    """Store one item's outcome only while it is still claimed with ``token``: one plain
    ``UPDATE … WHERE pk AND claim`` per item, its SQL built once per shape (building the ORM's
    UPDATE cost more than running it). Values are plain (no expressions); returns the rows
    changed (0: the claim was taken over, the outcome is dropped)."""
    meta = model._meta
    fields = {
        name: cast("Field[Any, Any]", meta.get_field(name)) for name in (*values, claim_field)
    }
    key = (connection.vendor, meta.db_table, claim_field, tuple(values))
    sql = _fenced_sql.get(key)
    if sql is None:
        quote = connection.ops.quote_name
        sets = ", ".join(f"{quote(fields[name].column)} = %s" for name in values)
        where = f"{quote(meta.pk.column)} = %s AND {quote(fields[claim_field].column)} = %s"
        # Only the model's own table and column names are put in; the values are bound.
        sql = _fenced_sql[key] = f"UPDATE {quote(meta.db_table)} SET {sets} WHERE {where}"  # noqa: S608
    params = [fields[name].get_db_prep_save(value, connection) for name, value in values.items()]
    params += [pk, fields[claim_field].get_db_prep_value(token, connection)]
    with connection.cursor() as cursor:
        cursor.execute(sql, params)
        return int(cursor.rowcount)
