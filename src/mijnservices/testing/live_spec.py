"""Property-based checks of a running server against an OFFICIAL OpenAPI spec (schemathesis).

Every operation of the spec gets generated requests in schemathesis' fuzzing phase
(derandomized, so a run is repeatable); each response must not be a server error and must
conform to the official response schema. Failures are collected per operation, so one report
lists all of them; so are the status codes the spec does not name for an operation.
"""

from __future__ import annotations

import time
from collections.abc import Iterable
from dataclasses import dataclass, field
from typing import Any

import schemathesis
from hypothesis import HealthCheck, given, settings
from schemathesis import GenerationMode
from schemathesis.checks import not_a_server_error
from schemathesis.specs.openapi.checks import response_schema_conformance

from mijnservices.testing.api import OFFICIAL, official_document


@dataclass
class LiveRun:
    operations: int = 0
    requests: int = 0
    failures: dict[str, str] = field(default_factory=dict)
    calls_seconds: float = 0.0  # of the run's time, how much the server's answers took
    # "METHOD /path" -> status codes answered that the spec does not list for it
    undocumented: dict[str, set[int]] = field(default_factory=dict)


def _documented(operation: Any) -> set[str]:
    return {str(code) for code in operation.definition.raw.get("responses", {})}


def _discriminated_any_of(node: Any) -> Any:
    """JSON Schema ignores OpenAPI's ``discriminator``: an object that fits several of a
    ``oneOf``'s variants (Open Klant's actor kinds differ only in optional fields) fails it,
    although the discriminator names the one that applies. Read such a ``oneOf`` as
    ``anyOf`` (docs/standards.md)."""
    if isinstance(node, dict):
        if "discriminator" in node and "oneOf" in node:
            node["anyOf"] = node.pop("oneOf")
        for value in node.values():
            _discriminated_any_of(value)
    elif isinstance(node, list):
        for value in node:
            _discriminated_any_of(value)
    return node


def check_live(
    api: str,
    *,
    base_url: str,
    headers: dict[str, str],
    methods: Iterable[str] = ("GET",),
    max_examples: int = 4,
    modes: Iterable[GenerationMode] = (GenerationMode.POSITIVE,),
    skip: Iterable[str] = (),
) -> LiveRun:
    """Run the official spec of ``api`` (see ``testing.api.OFFICIAL``) against
    ``base_url``; ``skip`` names operations (``"GET /path"``) left out on purpose (each with
    its reason at the caller)."""
    schema = schemathesis.openapi.from_dict(_discriminated_any_of(official_document(api)))
    # The Zaken spec refers to the Catalogi/Documenten specs beside it.
    schema.location = OFFICIAL[api].as_uri()
    wanted = {m.upper() for m in methods}
    skipped = set(skip)
    run = LiveRun()
    for result in schema.get_all_operations():
        operation = result.ok()  # type: ignore[union-attr]  # an invalid spec raises here
        label = f"{operation.method.upper()} {operation.path}"
        if operation.method.upper() not in wanted or label in skipped:
            continue
        run.operations += 1
        for mode in modes:
            try:
                _exercise(operation, mode, run, base_url, headers, max_examples)
            except (Exception, BaseExceptionGroup) as error:  # every failure, per operation
                key = f"{label} ({mode.value})"
                run.failures[key] = f"{type(error).__name__}: {str(error)[:1500]}"
    return run


def _exercise(
    operation: Any,
    mode: GenerationMode,
    run: LiveRun,
    base_url: str,
    headers: dict[str, str],
    max_examples: int,
) -> None:
    label = f"{operation.method.upper()} {operation.path}"
    documented = _documented(operation)

    @settings(
        max_examples=max_examples,
        derandomize=True,
        deadline=None,
        database=None,
        suppress_health_check=list(HealthCheck),
    )
    @given(case=operation.as_strategy(generation_mode=mode))
    def exercise(case: schemathesis.Case) -> None:
        run.requests += 1
        started = time.perf_counter()
        response = case.call(base_url=base_url, headers=headers, timeout=10)
        run.calls_seconds += time.perf_counter() - started
        code = str(response.status_code)
        if code not in documented and f"{code[0]}XX" not in documented:
            run.undocumented.setdefault(label, set()).add(response.status_code)
        case.validate_response(response, checks=[not_a_server_error, response_schema_conformance])

    exercise()
