"""Read newman's JSON report: counts per folder, and every failure under a stable key."""

from __future__ import annotations

import json
import re
from collections import Counter
from collections.abc import Iterator
from dataclasses import asdict, dataclass, field
from typing import Any

SEPARATOR = " / "


@dataclass(frozen=True, order=True)
class Failure:
    """One failed check: an assertion, or a request or script that broke."""

    collection: str
    request: str  # the item's folder path and name, joined by SEPARATOR
    assertion: str  # the pm.test name, or "request error" / "prerequest-script error" …
    message: str = field(default="", compare=False)
    response: str = field(default="", compare=False)  # "POST /zaken/api/v1/zaken → 400"

    @property
    def key(self) -> tuple[str, str, str]:
        return (self.collection, self.request, self.assertion)

    @property
    def folder(self) -> str:
        return self.request.rsplit(SEPARATOR, 1)[0] if SEPARATOR in self.request else ""


@dataclass
class Counts:
    requests: int = 0
    assertions: int = 0
    failed: int = 0

    @property
    def passed(self) -> int:
        return self.assertions - self.failed

    def add(self, other: Counts) -> None:
        self.requests += other.requests
        self.assertions += other.assertions
        self.failed += other.failed


@dataclass
class CollectionResult:
    collection: str
    total: Counts = field(default_factory=Counts)
    folders: dict[str, Counts] = field(default_factory=dict)
    failures: list[Failure] = field(default_factory=list)


def _item_paths(items: list[dict[str, Any]], prefix: tuple[str, ...] = ()) -> Iterator[Any]:
    for item in items:
        path = (*prefix, str(item.get("name", "")))
        if "item" in item:
            yield from _item_paths(item["item"], path)
        else:
            yield item.get("id"), path


def _strip_wrappers(paths: dict[Any, tuple[str, ...]]) -> dict[Any, tuple[str, ...]]:
    """Drop the leading folders (almost) every request shares ("Tests / standaard.md").

    Requests outside them (a small "mock requests" folder beside) keep their whole path.
    """
    values = list(paths.values())
    prefix: tuple[str, ...] = ()
    while values:
        depth = len(prefix)
        heads = Counter(p[depth] for p in values if p[:depth] == prefix and len(p) > depth + 2)
        if not heads:
            break
        head, count = heads.most_common(1)[0]
        if count < 0.9 * len(values):
            break
        prefix = (*prefix, head)
    return {key: path[len(prefix) :] if path[: len(prefix)] == prefix else path
            for key, path in paths.items()}  # fmt: skip


def parse_report(collection: str, report: dict[str, Any], *, depth: int = 2) -> CollectionResult:
    """Count requests and assertions per folder (``depth`` levels deep) and list the failures."""
    paths = _strip_wrappers(dict(_item_paths(report["collection"]["item"])))
    result = CollectionResult(collection)
    for execution in report["run"]["executions"]:
        item = execution.get("item", {})
        path = paths.get(item.get("id"), (str(item.get("name", "?")),))
        name = SEPARATOR.join(path)
        counts = Counts(requests=1)
        failures = list(_execution_failures(collection, name, execution, _exchange(execution)))
        counts.assertions = len(
            [a for a in execution.get("assertions") or [] if not a.get("skipped")]
        )
        counts.failed = len([f for f in failures if f.assertion not in _BROKEN])
        # A broken request or script counts as one failed check even without assertions.
        broken = len(failures) - counts.failed
        counts.assertions += broken
        counts.failed += broken
        result.failures.extend(failures)
        result.total.add(counts)
        folder = SEPARATOR.join(path[: min(depth, len(path) - 1)]) or "(top level)"
        result.folders.setdefault(folder, Counts()).add(counts)
    for name in _stopped_loops(report):
        path = next((p for p in paths.values() if p[-1] == name), (name,))
        result.failures.append(Failure(collection, SEPARATOR.join(path), LOOP_STOPPED))
        result.total.assertions += 1
        result.total.failed += 1
    return result


LOOP_STOPPED = "loop stopped by the runner"
_BROKEN = ("request error", "prerequest-script error", "test-script error")


def _stopped_loops(report: dict[str, Any]) -> list[str]:
    """Requests the runner's loop guard stopped (the global it leaves behind)."""
    values = (report.get("globals") or {}).get("values") or []
    for value in values:
        if value.get("key") == "_conformance_loops":
            return [str(name) for name in json.loads(value.get("value") or "[]")]
    return []


_ID = re.compile(r"[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}|^\\d+$")


def _exchange(execution: dict[str, Any]) -> str:
    """The request's method and path (ids blanked) and the status it got."""
    request = execution.get("request") or {}
    url = request.get("url") or {}
    parts = url.get("path") if isinstance(url, dict) else None
    path = "/" + "/".join(_ID.sub("{id}", str(part)) for part in parts or [])
    code = (execution.get("response") or {}).get("code", "no response")
    return f"{request.get('method', '?')} {path} → {code}"


def _execution_failures(
    collection: str, name: str, execution: dict[str, Any], exchange: str
) -> Iterator[Failure]:
    error = execution.get("requestError")
    if error:
        yield Failure(collection, name, "request error", _message(error), exchange)
    for script in ("prerequestScript", "testScript"):
        for run in execution.get(script) or []:
            if run.get("error"):
                kind = "prerequest-script error" if script == "prerequestScript" else None
                yield Failure(collection, name, kind or "test-script error", _message(run["error"]))
    for assertion in execution.get("assertions") or []:
        if assertion.get("error") and not assertion.get("skipped"):
            yield Failure(
                collection,
                name,
                str(assertion.get("assertion", "")),
                _message(assertion["error"]),
                exchange,
            )


def _message(error: Any) -> str:
    if isinstance(error, dict):
        return str(error.get("message") or error.get("name") or error)[:300]
    return str(error)[:300]


def result_to_json(result: CollectionResult) -> dict[str, Any]:
    return asdict(result)


def result_from_json(data: dict[str, Any]) -> CollectionResult:
    return CollectionResult(
        collection=data["collection"],
        total=Counts(**data["total"]),
        folders={name: Counts(**counts) for name, counts in data["folders"].items()},
        failures=[Failure(**failure) for failure in data["failures"]],
    )
