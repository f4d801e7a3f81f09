"""Print a run's counts and failures, compare them with the expected-failures list."""

from __future__ import annotations

import json
import re
from collections import Counter
from collections.abc import Callable, Sequence
from pathlib import Path
from typing import Any

from mijnservices.testing.conformance import expected
from mijnservices.testing.conformance.results import CollectionResult, Counts, Failure, parse_report

Write = Callable[[str], None]


def parse(collection: str, report: dict[str, Any]) -> CollectionResult:
    return parse_report(collection, report)


def _row(name: str, counts: Counts) -> str:
    return (
        f"{name:<58} {counts.requests:>8} {counts.assertions:>10} "
        f"{counts.passed:>7} {counts.failed:>7}"
    )


def print_counts(results: Sequence[CollectionResult], write: Write = print) -> None:
    write(
        f"{'collection / folder':<58} {'requests':>8} {'assertions':>10} "
        f"{'passed':>7} {'failed':>7}"
    )
    for result in results:
        write(_row(result.collection, result.total))
        for folder, counts in result.folders.items():
            write(_row(f"  {folder}"[:58], counts))


_VARIABLE = re.compile(
    r"[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}|https?://\S+|\b(?!\d{3}\b)\d+\b"
)


# Messages of checks that broke because an earlier step failed (a URL or body never set).
_CASCADE = (
    "ENOTFOUND",
    "to have property 'code'",
    '"undefined" is not valid JSON',
    "Cannot read properties of undefined",
    "Cannot read properties of null",
)


def cause(failure: Failure) -> str:
    """What a failure says, variable parts blanked, to group by; cascades marked as such."""
    if any(text in failure.message for text in _CASCADE):
        return "cascade: an earlier step failed (URL or body not set)"
    if failure.assertion.endswith("error"):
        return f"{failure.assertion}: {_VARIABLE.sub('…', failure.message)[:80]}"
    if "status code" in failure.message:
        expected_code = failure.message.split("status code ", 1)[1].split(" ", 1)[0]
        return f"{failure.response} (expected {expected_code})"
    return f"{failure.response}: {_VARIABLE.sub('…', failure.message)[:80]}"


def print_causes(results: Sequence[CollectionResult], write: Write = print, top: int = 25) -> None:
    causes = Counter(cause(f) for r in results for f in r.failures)
    if causes:
        write(f"\nMost frequent failures, grouped (top {top}):")
        for text, count in causes.most_common(top):
            write(f"  {count:>5}  {text}")


def conclude(
    results: Sequence[CollectionResult],
    *,
    expected_path: Path,
    write_expected: bool,
    summary_path: Path | None,
    elapsed: float,
    write: Write = print,
) -> int:
    """Print everything; 0 when every failure is listed, 1 otherwise (or after rewriting)."""
    print_counts(results, write)
    print_causes(results, write)
    failures = [f for r in results for f in r.failures]
    listed = expected.load(expected_path)
    ran = [r.collection for r in results]
    if summary_path is not None:
        summary_path.write_text(
            json.dumps(
                [
                    {
                        "collection": f.collection,
                        "request": f.request,
                        "assertion": f.assertion,
                        "message": f.message,
                        "response": f.response,
                        "cause": cause(f),
                    }
                    for f in failures
                ],
                indent=1,
                ensure_ascii=False,
            )
        )
    if write_expected:
        keep = [key for key in listed if key[0] not in ran]
        expected_path.write_text(expected.render(failures, listed, keep=keep))
        write(f"\nWrote {expected_path} from this run ({elapsed:.0f}s).")
        return 0
    comparison = expected.compare(failures, listed, collections=ran)
    total = Counts()
    for result in results:
        total.add(result.total)
    write(
        f"\n{total.passed}/{total.assertions} assertions passed in {total.requests} requests; "
        f"{comparison.expected} known failures, {len(comparison.unexpected)} unexpected "
        f"({elapsed:.0f}s)."
    )
    if comparison.now_passing:
        write(
            f"\nListed failures that pass now ({len(comparison.now_passing)}); "
            "remove them from the list (or run with --write-expected):"
        )
        for collection, request, assertion in comparison.now_passing:
            write(f"  PASSES {collection} :: {request} :: {assertion}")
    if comparison.unexpected:
        write(f"\nFailures not in {expected_path.name} ({len(comparison.unexpected)}):")
        for failure in comparison.unexpected:
            write(f"  FAIL {failure.collection} :: {failure.request} :: {failure.assertion}")
            write(f"       {failure.message}")
        return 1
    return 0
