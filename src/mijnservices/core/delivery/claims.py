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
from typing import Any, TypeVar

from django.db import connection
from django.db.models import Model, QuerySet
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
