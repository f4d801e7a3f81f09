"""The expected-failures list: failures we know of, each with its reason.

``conformance/expected-failures.yaml`` maps a collection to its known failures::

    2024-01-30-bd2785b/ZGW_api_postman_tests:
      - request: zrc / zrc-001 / (zrc-001g) Zaak bijwerken met ander zaaktype
        assertion: Zaak bijwerken met ander zaaktype geeft 400
        reason: "ZGW 1.5 allows changing the zaaktype; the suite expects pre-1.5 behaviour"

A run fails on a failure that is not listed, and reports listed entries that now pass, so the
list only shrinks. ``--write-expected`` rewrites it from a run, keeping the reasons already given.
"""

from __future__ import annotations

from collections.abc import Iterable
from dataclasses import dataclass
from pathlib import Path
from typing import Any

import yaml

from mijnservices.testing.conformance.results import Failure

BASELINE_REASON = "baseline 2026-12-06, not yet analysed"
HEADER = """\
# Known failures of `make conformance` (decision 0028). A run fails on any failure not listed here
# and reports listed entries that pass again: delete those (or run with --write-expected, which
# rewrites this file from the run and keeps every reason already written). Give each entry the
# spec clause or the reason it fails; this reason marks the ones nobody has looked at yet:
#   {baseline}
"""

Key = tuple[str, str, str]


@dataclass(frozen=True)
class Comparison:
    unexpected: list[Failure]  # fail the run
    now_passing: list[Key]  # listed, but passed in this run: shrink the list
    expected: int  # failures that are listed


def load(path: Path) -> dict[Key, str]:
    """The listed failures with their reasons ({} when there is no file yet)."""
    if not path.is_file():
        return {}
    data: dict[str, list[dict[str, Any]]] = yaml.safe_load(path.read_text()) or {}
    return {
        (collection, str(entry["request"]), str(entry["assertion"])): str(entry.get("reason", ""))
        for collection, entries in data.items()
        for entry in entries or []
    }


def compare(
    failures: Iterable[Failure], expected: dict[Key, str], *, collections: Iterable[str]
) -> Comparison:
    """Split a run's failures into listed and unlisted; find listed entries that passed.

    Only entries of the collections that ran can be judged as passing (``collections``).
    """
    ran = set(collections)
    seen: set[Key] = set()
    unexpected: list[Failure] = []
    for failure in failures:
        if failure.key in seen:
            continue  # a request run again (setNextRequest loops) fails under the same key
        seen.add(failure.key)
        if failure.key not in expected:
            unexpected.append(failure)
    passing = sorted(key for key in expected if key[0] in ran and key not in seen)
    return Comparison(
        unexpected=unexpected, now_passing=passing, expected=len(seen) - len(unexpected)
    )


def render(
    failures: Iterable[Failure],
    previous: dict[Key, str],
    *,
    keep: Iterable[Key] = (),
    reason: str = BASELINE_REASON,
) -> str:
    """The YAML text of the list for this run: its failures, reasons kept where given.

    ``keep``: entries of collections that did not run this time, carried over unchanged.
    """
    entries: dict[Key, str] = {key: previous[key] for key in keep if key in previous}
    for failure in failures:
        entries.setdefault(failure.key, previous.get(failure.key) or reason)
    grouped: dict[str, list[dict[str, str]]] = {}
    for (collection, request, assertion), why in sorted(entries.items()):
        grouped.setdefault(collection, []).append(
            {"request": request, "assertion": assertion, "reason": why}
        )
    body = yaml.safe_dump(grouped, allow_unicode=True, sort_keys=False, width=100)
    return HEADER.format(baseline=reason) + body
