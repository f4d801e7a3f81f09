"""Readiness checks for ``/readyz``: each named, each answering ok or a short reason.

The core checks the database, that every migration is applied and that a worker has beaten
recently; apps add their own with :func:`register_check` (the Documenten registration adds
its content storage). A reason never holds data, only what is wrong."""

from __future__ import annotations

from collections.abc import Callable
from dataclasses import dataclass

import structlog
from django.conf import settings
from django.db import DEFAULT_DB_ALIAS, connections
from django.db.migrations.executor import MigrationExecutor

from mijnservices.core.heartbeat import newest_beat_age

logger = structlog.get_logger(__name__)


@dataclass(frozen=True)
class Result:
    ok: bool
    detail: str = ""


Check = Callable[[], Result]
_CHECKS: dict[str, Check] = {}
_NEEDS_DATABASE = {"migrations", "worker"}
_migrated = False


def register_check(name: str, check: Check) -> None:
    """Add a readiness check (called from an AppConfig.ready)."""
    _CHECKS[name] = check


def database() -> Result:
    with connections[DEFAULT_DB_ALIAS].cursor() as cursor:
        cursor.execute("SELECT 1")
    return Result(True)


def migrations() -> Result:
    global _migrated
    if _migrated:  # applied migrations stay applied for the life of this process
        return Result(True)
    executor = MigrationExecutor(connections[DEFAULT_DB_ALIAS])
    unapplied = executor.migration_plan(executor.loader.graph.leaf_nodes())
    if unapplied:
        return Result(False, f"{len(unapplied)} migration(s) not applied")
    _migrated = True
    return Result(True)


def worker_heartbeat() -> Result:
    max_age = int(settings.READYZ_WORKER_MAX_AGE)
    if max_age == 0:
        return Result(True, "not checked")
    age = newest_beat_age()
    if age is None:
        return Result(False, "no worker has reported")
    if age > max_age:
        return Result(False, f"newest heartbeat is {int(age)}s old")
    return Result(True)


def readiness() -> dict[str, Result]:
    """Run every check; one that raises counts as failed (with the exception's type only)."""
    checks: dict[str, Check] = {
        "database": database,
        "migrations": migrations,
        **_CHECKS,
        "worker": worker_heartbeat,
    }
    results: dict[str, Result] = {}
    for name, check in checks.items():
        if name in _NEEDS_DATABASE and not results["database"].ok:
            results[name] = Result(False, "skipped: database unreachable")
            continue
        try:
            results[name] = check()
        except Exception as exc:
            logger.warning("readiness_check_failed", check=name, error=type(exc).__name__)
            results[name] = Result(False, type(exc).__name__)
    return results
