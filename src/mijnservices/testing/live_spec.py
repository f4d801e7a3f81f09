"""Property-based checks of a running server against an OFFICIAL OpenAPI spec (schemathesis).

Every operation of the spec gets a few generated requests (derandomized, so a run is
repeatable); each response must not be a server error and must conform to the official
response schema. Failures are collected per operation, so one report lists all of them.
"""

from __future__ import annotations

from collections.abc import Iterable
from dataclasses import dataclass, field
from pathlib import Path

import schemathesis
from hypothesis import HealthCheck, given, settings
from schemathesis.checks import not_a_server_error
from schemathesis.specs.openapi.checks import response_schema_conformance


@dataclass
class LiveRun:
    operations: int = 0
    requests: int = 0
    failures: dict[str, str] = field(default_factory=dict)


def check_live(
    spec: Path,
    *,
    base_url: str,
    headers: dict[str, str],
    methods: Iterable[str] = ("GET",),
    max_examples: int = 4,
    skip: Iterable[str] = (),
) -> LiveRun:
    """Run the official ``spec`` against ``base_url``; ``skip`` names operations
    (``"GET /path"``) left out on purpose (each with its reason at the caller)."""
    schema = schemathesis.openapi.from_path(spec)
    wanted = {m.upper() for m in methods}
    skipped = set(skip)
    run = LiveRun()
    for result in schema.get_all_operations():
        operation = result.ok()  # type: ignore[union-attr]  # an invalid spec raises here
        label = f"{operation.method.upper()} {operation.path}"
        if operation.method.upper() not in wanted or label in skipped:
            continue
        run.operations += 1

        @settings(
            max_examples=max_examples,
            derandomize=True,
            deadline=None,
            database=None,
            suppress_health_check=list(HealthCheck),
        )
        @given(case=operation.as_strategy())
        def exercise(case: schemathesis.Case) -> None:
            run.requests += 1
            response = case.call(base_url=base_url, headers=headers, timeout=10)
            case.validate_response(
                response, checks=[not_a_server_error, response_schema_conformance]
            )

        try:
            exercise()
        except (Exception, BaseExceptionGroup) as error:  # every failure, per operation
            run.failures[label] = f"{type(error).__name__}: {str(error)[:1500]}"
    return run
