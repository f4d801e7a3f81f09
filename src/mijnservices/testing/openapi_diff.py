"""List the differences between our generated OpenAPI document and the official one.

Compared: paths, operations, operationIds, query parameters, response status codes of
success responses, and the property names of success response bodies.
"""

from __future__ import annotations

from typing import Any

METHODS = ("get", "post", "put", "patch", "delete", "head")


def deref(document: dict[str, Any], node: Any) -> Any:
    seen = 0
    while isinstance(node, dict) and "$ref" in node and seen < 20:
        target: Any = document
        for part in node["$ref"].split("/")[1:]:
            target = target[part]
        node = target
        seen += 1
    return node


def properties(document: dict[str, Any], schema: Any, depth: int = 0) -> set[str]:
    schema = deref(document, schema)
    if not isinstance(schema, dict) or depth > 6:
        return set()
    names = set(schema.get("properties", {}))
    for key in ("allOf", "oneOf", "anyOf"):
        for part in schema.get(key, []):
            names |= properties(document, part, depth + 1)
    if "results" in names:  # a page: compare the items instead
        items = deref(document, deref(document, schema["properties"]["results"]).get("items"))
        names = {f"results[].{name}" for name in properties(document, items, depth + 1)}
    if schema.get("type") == "array":
        names = {f"[].{name}" for name in properties(document, schema.get("items"), depth + 1)}
    return names


def _success(document: dict[str, Any], operation: dict[str, Any]) -> dict[str, set[str]]:
    result = {}
    for code, response in operation.get("responses", {}).items():
        if str(code).startswith("2"):
            response = deref(document, response)
            content = response.get("content", {}).get("application/json", {})
            result[str(code)] = properties(document, content.get("schema"))
    return result


def _query(document: dict[str, Any], operation: dict[str, Any]) -> set[str]:
    params = [deref(document, p) for p in operation.get("parameters", [])]
    return {p["name"] for p in params if p.get("in") == "query"}


def differences(ours: dict[str, Any], official: dict[str, Any]) -> list[str]:
    found = []
    for path in sorted(set(official["paths"]) | set(ours["paths"])):
        if path not in ours["paths"]:
            found.append(f"{path}: missing")
            continue
        if path not in official["paths"]:
            found.append(f"{path}: extra")
            continue
        for method in METHODS:
            theirs = official["paths"][path].get(method)
            mine = ours["paths"][path].get(method)
            where = f"{method.upper()} {path}"
            if theirs is None or mine is None:
                if theirs is not mine:
                    found.append(f"{where}: {'missing' if mine is None else 'extra'}")
                continue
            if theirs.get("operationId") != mine.get("operationId"):
                found.append(f"{where}: operationId {mine.get('operationId')}")
            for name in sorted(_query(official, theirs) ^ _query(ours, mine)):
                side = "missing" if name in _query(official, theirs) else "extra"
                found.append(f"{where}: query parameter {name} {side}")
            their_ok, my_ok = _success(official, theirs), _success(ours, mine)
            for code in sorted(set(their_ok) ^ set(my_ok)):
                found.append(f"{where}: status {code} {'missing' if code in their_ok else 'extra'}")
            for code in sorted(set(their_ok) & set(my_ok)):
                for name in sorted(their_ok[code] ^ my_ok[code]):
                    side = "missing" if name in their_ok[code] else "extra"
                    found.append(f"{where}: {code} property {name} {side}")
    return found
