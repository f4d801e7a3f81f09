"""Query budgets that differ by database, for the tests' constant-query assertions."""

from __future__ import annotations

from django.db import connection


def personal_read_log_queries() -> int:
    """Statements the verwerkingenlogging of one read costs: one INSERT … RETURNING with its
    objecten on PostgreSQL; a savepoint, two INSERTs and its release elsewhere (decision 0035)."""
    return 1 if connection.vendor == "postgresql" else 4
