"""CPU time of the processes that serve a benchmark, read from ``/proc``.

On a machine shared with other work, wall-clock figures move with the neighbours; the CPU
time the web server's processes and the database's backends spend is the robust figure.
``cpu_seconds`` sums user + system time of a process tree (gunicorn's master and workers)
and of the PostgreSQL backends serving our database."""

from __future__ import annotations

import os
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
            "SELECT pid FROM pg_stat_activity "
            "WHERE datname = current_database() AND pid <> pg_backend_pid()"
        )
        return [row[0] for row in cursor.fetchall()]


def cpu_seconds(pids: list[int]) -> float:
    """User + system CPU seconds of these processes (those that ended count as 0)."""
    total = 0
    for pid in pids:
        fields = _stat(pid)
        if fields:
            total += int(fields[11]) + int(fields[12])  # utime, stime
    return total / TICKS


class CpuMeter:
    """CPU seconds of a web server's process tree and of the database backends between
    :meth:`start` and :meth:`stop`."""

    def __init__(self, server_pid: int) -> None:
        self.server_pid = server_pid
        self.web = self.database = 0.0

    def start(self) -> None:
        self._web_pids = process_tree(self.server_pid)
        self._db_pids = database_backends()
        self._web0, self._db0 = cpu_seconds(self._web_pids), cpu_seconds(self._db_pids)

    def stop(self) -> None:
        self.web = cpu_seconds(self._web_pids) - self._web0
        self.database = cpu_seconds(self._db_pids) - self._db0
