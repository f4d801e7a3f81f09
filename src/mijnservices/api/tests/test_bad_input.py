"""Bad input to every operation of every API answers a 4xx problem+json at once and writes
nothing: malformed JSON, a wrong content type, invalid UTF-8, a 10 MB string, deep nesting,
unknown enum values, malformed URLs and UUIDs in bodies and query parameters, huge page
numbers.

The operations come from the committed OpenAPI documents (which CI checks against the URL
conf), so a new endpoint is covered without touching this module. Path parameters get a
fresh UUID: an update of an object that does not exist answers 404 (also a 4xx).
"""

from __future__ import annotations

import json
import time
import uuid
from collections.abc import Iterator
from pathlib import Path
from typing import Any

import pytest
import yaml
from django.apps import apps
from django.test import Client

from mijnservices.testing.api import TEST_SECRET, applicatie_with_secret, token

SOURCE = Path(__file__).resolve().parents[2]
DOCUMENTS = sorted(SOURCE.glob("*/*/openapi*.yaml"))
WRITES = ("post", "put", "patch")
MALFORMED_URL = "http://[::1"
HEADERS = {"Accept-Crs": "EPSG:4326", "Content-Crs": "EPSG:4326"}
TEN_MB = json.dumps({"omschrijving": "x" * 10_000_000}).encode()
DEEP = ("[" * 600 + "]" * 600).encode()
# Rows that a refused request may write: security records, not data.
BOOKKEEPING = {"kcc.loginfailure", "zgw_api.idempotentrequest", "sessions.session"}


def _resolve(document: dict[str, Any], schema: dict[str, Any]) -> dict[str, Any]:
    while "$ref" in schema:
        node: Any = document
        for part in schema["$ref"].removeprefix("#/").split("/"):
            node = node.get(part, {}) if isinstance(node, dict) else {}
        schema = node
    return schema


def _properties(document: dict[str, Any], schema: dict[str, Any]) -> dict[str, dict[str, Any]]:
    schema = _resolve(document, schema)
    found: dict[str, dict[str, Any]] = {}
    for part in schema.get("allOf", []):
        found |= _properties(document, part)
    for name, prop in schema.get("properties", {}).items():
        prop = _resolve(document, prop)
        if "allOf" in prop and len(prop["allOf"]) == 1:
            prop = _resolve(document, prop["allOf"][0])
        found[name] = prop
    return found


def _bad_value(prop: dict[str, Any]) -> Any:
    if prop.get("readOnly"):
        return None
    if "enum" in prop:
        return "__no_such_value__"
    if prop.get("format") == "uri":
        return MALFORMED_URL
    if prop.get("format") == "uuid":
        return "not-a-uuid"
    if prop.get("format") in ("date", "date-time"):
        return "30000-13-45"
    if prop.get("type") == "array":
        item = prop.get("items", {})
        bad = _bad_value(item) if isinstance(item, dict) else None
        return [bad] if bad is not None else None
    return None


def _path(template: str) -> str:
    parts = template.split("/")
    return "/".join(str(uuid.uuid4()) if p.startswith("{") else p for p in parts)


def _bad_fields(document: dict[str, Any], schema: dict[str, Any]) -> dict[str, Any]:
    """Every property that can be given a wrong value, with that value (all in one body:
    each field is validated, so one that crashes shows)."""
    fields = {name: _bad_value(prop) for name, prop in _properties(document, schema).items()}
    return {name: value for name, value in fields.items() if value is not None}


def _cases(document: dict[str, Any]) -> Iterator[tuple[str, str, str, bytes, str]]:
    """(label, method, path, body, content type) for every bad request of this API."""
    base = document["servers"][0]["url"]
    for template, operations in document["paths"].items():
        path = base + _path(template)
        for method, operation in operations.items():
            if method == "get" and "{" not in template:
                yield "huge page", "get", f"{path}?page={10**30}", b"", ""
                query = "&".join(
                    f"{parameter['name']}={bad}"
                    for parameter in operation.get("parameters", [])
                    if parameter.get("in") == "query"
                    and isinstance(bad := _bad_value(_resolve(document, parameter["schema"])), str)
                )
                if query:
                    yield "bad query values", "get", f"{path}?{query}", b"", ""
            content = operation.get("requestBody", {}).get("content", {})
            if method not in WRITES or "application/json" not in content:
                continue
            yield "malformed JSON", method, path, b'{"a": ', "application/json"
            if "{" in template and method != "post":
                continue  # the object does not exist: 404 before the body is read
            yield "wrong content type", method, path, b"a=b", "text/plain"
            yield "invalid UTF-8", method, path, b'{"a": "\xff\xfe"}', "application/json"
            yield "deep nesting", method, path, DEEP, "application/json"
            yield "10 MB string", method, path, TEN_MB, "application/json"
            bad = _bad_fields(document, content["application/json"].get("schema", {}))
            if bad:
                body = json.dumps(bad).encode()
                yield "bad field values", method, path, body, "application/json"


def _row_counts() -> dict[str, int]:
    return {
        model._meta.label_lower: model._default_manager.count()
        for model in apps.get_models()
        if model._meta.label_lower not in BOOKKEEPING and model._meta.managed
    }


@pytest.mark.django_db
@pytest.mark.parametrize("document_path", DOCUMENTS, ids=lambda p: f"{p.parent.name}/{p.name}")
def test_bad_input_answers_4xx_problem_json_quickly_and_writes_nothing(document_path):
    document = yaml.safe_load(document_path.read_text())
    applicatie_with_secret(client_id="bad-input", heeft_alle_autorisaties=True)
    client = Client(headers={"Authorization": f"Bearer {token('bad-input', TEST_SECRET)}"})
    before = _row_counts()
    problems: list[str] = []
    count = 0
    client.get(document["servers"][0]["url"] + "/", headers=HEADERS)  # warm up the URL conf

    def send(method: str, path: str, body: bytes, content_type: str) -> tuple[Any, float]:
        started = time.perf_counter()
        if method == "get":
            response = client.get(path, headers=HEADERS)
        else:
            response = getattr(client, method)(
                path, body, content_type=content_type, headers=HEADERS
            )
        return response, time.perf_counter() - started

    for label, method, path, body, content_type in _cases(document):
        count += 1
        response, elapsed = send(method, path, body, content_type)
        if elapsed > 1:  # a busy CI machine: only a request that is slow twice counts
            response, elapsed = send(method, path, body, content_type)
        where = f"{method.upper()} {path[:90]} ({label})"
        if method == "get" and response.status_code == 200 and label == "bad query values":
            continue  # free-text filters may take the values: no error, nothing written
        if not 400 <= response.status_code < 500:
            problems.append(f"{where}: {response.status_code}")
        elif response.get("Content-Type") != "application/problem+json":
            problems.append(f"{where}: {response.status_code} {response.get('Content-Type')}")
        if elapsed > 1:
            problems.append(f"{where}: took {elapsed:.2f} s")
    assert count, "no operations found"
    assert problems == [], "\n".join(problems)
    assert _row_counts() == before
