"""CPU time of the processes that serve a benchmark, read from ``/proc``.

On a machine shared with other work, wall-clock figures move with the neighbours; the CPU
time the web server's processes and the database's backends spend is the robust figure.
``cpu_seconds`` sums user + system time of a process tree (gunicorn's master and workers)
and of the PostgreSQL backends serving our database. ``in_process_cpu_ms`` measures a path
in-process instead (the request thread's CPU time)."""

from __future__ import annotations

import os
import time
from collections.abc import Callable
from pathlib import Path

from django.db import connection

TICKS = os.sysconf("SC_CLK_TCK") if hasattr(os, "sysconf") else 100


def _stat(pid: int) -> list[str] | None:
    try:
        raw = Path(f"/proc/{pid}/stat").read_text()
    except OSError:
        return None
    # The command name (field 2) may hold spaces: split after its closing parenthesis.
    return raw[raw.rindex(")") + 2 :].split()


def process_tree(root: int) -> list[int]:
    """``root`` and all its descendants."""
    parents: dict[int, list[int]] = {}
    for entry in Path("/proc").iterdir():
        if entry.name.isdigit():
            fields = _stat(int(entry.name))
            if fields:
                parents.setdefault(int(fields[1]), []).append(int(entry.name))
    found, todo = [], [root]
    while todo:
        pid = todo.pop()
        found.append(pid)
        todo.extend(parents.get(pid, []))
    return found


def database_backends() -> list[int]:
    """PostgreSQL backends connected to our database, except this process's own."""
    if connection.vendor != "postgresql":
        return []
    with connection.cursor() as cursor:
        cursor.execute(
            # Client backends only: an autovacuum worker that analyses a table the bench
            # wrote to and ends during the run would take its CPU out of the sum.
            "SELECT pid FROM pg_stat_activity WHERE datname = current_database() "
            "AND pid <> pg_backend_pid() AND backend_type = 'client backend'"
        )
        return [row[0] for row in cursor.fetchall()]


def cpu_seconds(pids: list[int]) -> float:
    """User + system CPU seconds of these processes (those that ended count as 0)."""
    return sum(_per_process(pids).values())


def _per_process(pids: list[int]) -> dict[int, float]:
    found = {}
    for pid in pids:
        fields = _stat(pid)
        if fields:
            found[pid] = (int(fields[11]) + int(fields[12])) / TICKS  # utime, stime
    return found


def _spent(before: dict[int, float], pids: list[int]) -> float:
    """CPU seconds spent since ``before`` by the processes running now: one that started
    since counts whole; one that ended cannot be read any more and counts nothing (instead
    of minus what it had before)."""
    after = _per_process(pids)
    return sum(seconds - before.get(pid, 0.0) for pid, seconds in after.items())


class CpuMeter:
    """CPU seconds of a web server's process tree and of the database backends between
    :meth:`start` and :meth:`stop`, including processes and backends that started in
    between."""

    def __init__(self, server_pid: int) -> None:
        self.server_pid = server_pid
        self.web = self.database = 0.0

    def start(self) -> None:
        self._web_pids = process_tree(self.server_pid)
        self._db_pids = database_backends()
        self._web0, self._db0 = _per_process(self._web_pids), _per_process(self._db_pids)

    def stop(self) -> None:
        # Listed again: a database connection lives DB_CONN_MAX_AGE (60) seconds, so the web
        # workers open new backends during a run; before, their CPU went uncounted.
        self.web = _spent(self._web0, process_tree(self.server_pid))
        self.database = _spent(self._db0, database_backends())


def in_process_cpu_ms(
    send: Callable[[int], object], *, rounds: int = 3, per_round: int = 40
) -> float:
    """The CPU milliseconds this thread spends per ``send(n)`` (a request through Django's
    test client against the same database, in this process): the best of ``rounds`` means
    of ``per_round`` calls, after a warm-up. No server, no load generator, no neighbours'
    wall-clock noise: the Python cost of a path on a loaded machine (the database's own CPU
    is not in it)."""
    for n in range(5):
        send(n)
    best = float("inf")
    for round_ in range(rounds):
        started = time.thread_time()
        for n in range(per_round):
            send(5 + round_ * per_round + n)
        best = min(best, (time.thread_time() - started) * 1000 / per_round)
    return best
