"""Repairs of the vendored collections' own flow defects, applied to a copy in the run's folder.

The suites chain their requests by name (``postman.setNextRequest("…")``, and a list of names in
the global ``NEXT_REQUEST_NAMES`` that the "common requests" folders pop). newman ends the whole
run when a name does not exist. Each vendored version jumps to a few requests that only the
*other* version contains (the 2025 suite to ``(ac-003e)``, ``(brc-003a) … is mogelijk``,
``(zrc-022b)`` and ``(COMMON) Publish Zaaktype``; the 2024 suite to ``Create Zaaktype for
Besluittype relation creation``), so everything after such a jump never ran, whatever the server
answered. The repair copies each missing request from the other version into the same folder, at
the place it has there (before the request that follows it there). Names that neither version
contains are only reached when an earlier check already failed; they are left alone.
"""

from __future__ import annotations

import copy
import re
from collections.abc import Iterator
from typing import Any

Item = dict[str, Any]

_JUMP = re.compile(r'setNextRequest\(\s*"([^"]+)"')
_NAMES = re.compile(r'NEXT_REQUEST_NAMES"\s*,\s*\[([^\]]*)\]')
_QUOTED = re.compile(r'"([^"]+)"')
_RULE = re.compile(r"^\((\w+-\d+)")  # "(zrc-022b) …" → "(zrc-022"
# The list is also built in a variable first (drc-003a: ``var request_names = ["…"]``,
# ``next_requests.push("…")``) and then set as NEXT_REQUEST_NAMES.
_LISTED = re.compile(r"\b\w+(?:_names|_requests)\s*=\s*\[([^\]]*)\]")
_ADDED = re.compile(r'\b\w+(?:_names|_requests)\.(?:push|unshift)\(\s*"([^"]+)"')


def _scripts(item: Item) -> Iterator[str]:
    for event in item.get("event", []):
        yield "\n".join(event.get("script", {}).get("exec", []))
    for child in item.get("item", []):
        yield from _scripts(child)


def jump_targets(collection: Item) -> set[str]:
    """Every request name the collection's scripts jump to."""
    names: set[str] = set()
    for script in _scripts(collection):
        names.update(_JUMP.findall(script))
        for listed in [*_NAMES.findall(script), *_LISTED.findall(script)]:
            names.update(_QUOTED.findall(listed))
        names.update(_ADDED.findall(script))
    return names


def _requests(item: Item, path: tuple[str, ...] = ()) -> Iterator[tuple[tuple[str, ...], Item]]:
    """(folder path, request) for every request, in collection order."""
    for child in item.get("item", []):
        if "item" in child:
            yield from _requests(child, (*path, child["name"]))
        else:
            yield path, child


def _folder(collection: Item, path: tuple[str, ...]) -> Item | None:
    folder: Item | None = collection
    for name in path:
        folder = next((c for c in (folder or {}).get("item", []) if c.get("name") == name), None)
        if folder is None or "item" not in folder:
            return None
    return folder


def dangling(collection: Item) -> set[str]:
    """Jump targets that name no request of the collection."""
    present = {request["name"] for _, request in _requests(collection)}
    return jump_targets(collection) - present


def with_restored_requests(collection: Item, other: Item) -> tuple[Item, list[str]]:
    """``collection`` with each dangling jump target copied from ``other``; and their names."""
    repaired = copy.deepcopy(collection)
    restored: list[str] = []
    # A restored request may jump to another missing one: repeat until nothing changes.
    while True:
        added = _restore_once(repaired, other, restored)
        if not added:
            return repaired, restored


def _restore_once(repaired: Item, other: Item, restored: list[str]) -> bool:
    missing = dangling(repaired)
    added = False
    for path, request in _requests(other):
        if request["name"] not in missing or request["name"] in restored:
            continue
        folder = _folder(repaired, path)
        if folder is None:
            continue
        siblings = [c for c in _folder(other, path)["item"]]  # type: ignore[index]
        following = siblings[siblings.index(request) + 1 :]
        names = [c.get("name") for c in folder["item"]]
        # The restored request's own flow goes on with the requests of the same rule after it
        # in the other version (zrc-022b → zrc-022c, which locks the document the next request
        # changes): those the collection also lacks come along, up to the first one it has.
        present = {r["name"] for _, r in _requests(repaired)}
        rule = _RULE.match(request["name"])
        chain = [request]
        for sibling in following:
            same_rule = rule is not None and sibling.get("name", "").startswith(rule.group(0))
            if sibling.get("name") in present or "item" in sibling or not same_rule:
                break
            chain.append(sibling)
        position = next((names.index(c["name"]) for c in following if c["name"] in names), None)
        start = len(folder["item"]) if position is None else position
        for offset, item in enumerate(chain):
            folder["item"].insert(start + offset, copy.deepcopy(item))
            restored.append(item["name"])
        added = True
    return added
