"""Stand-ins for the outside URLs the Postman suites call, built from vendored data.

- the **mock server** (``mock_url``): the suites were written against a Postman mock server whose
  definition VNG publishes as ``ZGW_mocks.json``; we answer each request with the example response
  saved there (``/200``, ``/404``, ``/zaak``, ``/communicatiekanaal``, ``POST /callback`` …);
- the **Referentielijsten/Selectielijst API** (``referentielijst_url``): VNG's published
  Selectielijst 2020 fixtures, served in the Selectielijst API's (camelCase) shape.
"""

from __future__ import annotations

import json
from dataclasses import dataclass
from pathlib import Path
from typing import Any

from mijnservices.testing.conformance.http import Request, Response

PAGE_SIZE = 100  # as the Selectielijst API pages its resultaten


@dataclass(frozen=True)
class MockExample:
    method: str
    path: str
    status: int
    body: str
    content_type: str


def mock_examples(collection: Path) -> list[MockExample]:
    """The example responses of a Postman mock collection, one per request."""
    examples: list[MockExample] = []

    def walk(items: list[dict[str, Any]]) -> None:
        for item in items:
            if "item" in item:
                walk(item["item"])
                continue
            for saved in item.get("response", [])[:1]:
                request = saved.get("originalRequest") or item["request"]
                url = request["url"]
                raw = url if isinstance(url, str) else url.get("raw", "")
                path = "/" + raw.split("}}", 1)[-1].lstrip("/").split("?", 1)[0]
                headers = {h["key"].lower(): h["value"] for h in saved.get("header") or []}
                examples.append(
                    MockExample(
                        method=request.get("method", "GET"),
                        path=path,
                        status=int(saved.get("code") or 200),
                        body=saved.get("body") or "",
                        content_type=headers.get("content-type", "application/json"),
                    )
                )

    walk(json.loads(collection.read_text())["item"])
    return examples


class MockServer:
    """Answers like the Postman mock server: the example of the same method and path, else 404."""

    def __init__(self, examples: list[MockExample]) -> None:
        self.examples = {(e.method, e.path.rstrip("/")): e for e in examples}
        self.received: list[Request] = []

    def __call__(self, request: Request) -> Response:
        self.received.append(request)
        example = self.examples.get((request.method, request.path.rstrip("/")))
        if example is None:
            return Response.of_json({"error": "no mock for this request"}, 404)
        return Response(example.status, example.body.encode(), example.content_type)


def _camel(name: str) -> str:
    head, *rest = name.split("_")
    return head + "".join(part.title() for part in rest)


class Referentielijsten:
    """The Selectielijst part of the Referentielijsten API, read-only, from Django fixtures."""

    def __init__(self, folder: Path, base_url: str) -> None:
        self.base = base_url.rstrip("/") + "/api/v1"
        procestypen = json.loads((folder / "selectielijst_2020_procestypen.json").read_text())
        resultaten = json.loads((folder / "selectielijst_2020_resultaten.json").read_text())
        omschrijvingen = json.loads((folder / "resultaattypeomschrijvingen.json").read_text())
        by_pk = {row["pk"]: row["fields"] for row in procestypen}
        self.procestypen = [self._procestype(row["fields"]) for row in procestypen]
        self.resultaten = [
            self._resultaat(row["fields"], by_pk[row["fields"]["proces_type"]])
            for row in resultaten
        ]
        self.omschrijvingen = [
            {"url": f"{self.base}/resultaattypeomschrijvingen/{row['fields']['uuid']}"}
            | {key: value for key, value in row["fields"].items() if key != "uuid"}
            for row in omschrijvingen
        ]

    def _procestype(self, fields: dict[str, Any]) -> dict[str, Any]:
        data = {_camel(key): value for key, value in fields.items() if key != "uuid"}
        return {"url": f"{self.base}/procestypen/{fields['uuid']}", **data}

    def _resultaat(self, fields: dict[str, Any], procestype: dict[str, Any]) -> dict[str, Any]:
        data = {
            _camel(key): value
            for key, value in fields.items()
            if key not in ("uuid", "proces_type")
        }
        return {
            "url": f"{self.base}/resultaten/{fields['uuid']}",
            "procesType": f"{self.base}/procestypen/{procestype['uuid']}",
            "volledigNummer": f"{procestype['nummer']}.{fields['nummer']}",
            **data,
        }

    def __call__(self, request: Request) -> Response:
        if request.method != "GET" or not request.path.startswith("/api/v1/"):
            return Response.of_json({"detail": "Niet gevonden."}, 404)
        parts = request.path[len("/api/v1/") :].strip("/").split("/")
        listing = {
            "procestypen": self.procestypen,
            "resultaten": self.resultaten,
            "resultaattypeomschrijvingen": self.omschrijvingen,
        }.get(parts[0])
        if listing is None or len(parts) > 2:
            return Response.of_json({"detail": "Niet gevonden."}, 404)
        if len(parts) == 2:
            url = f"{self.base}/{parts[0]}/{parts[1]}"
            found = next((row for row in listing if row["url"] == url), None)
            if found is None:
                return Response.of_json({"detail": "Niet gevonden."}, 404)
            return Response.of_json(found)
        if parts[0] != "resultaten":  # procestypen and omschrijvingen are not paged
            return Response.of_json(listing)
        return Response.of_json(self._page(request))

    def _page(self, request: Request) -> dict[str, Any]:
        rows = self.resultaten
        procestype = request.query.get("procesType", [""])[0]
        if procestype:
            rows = [row for row in rows if row["procesType"] == procestype]
        try:
            page = max(1, int(request.query.get("page", ["1"])[0]))
        except ValueError:
            page = 1
        start = (page - 1) * PAGE_SIZE
        link = f"{self.base}/resultaten?page="
        return {
            "count": len(rows),
            "next": f"{link}{page + 1}" if start + PAGE_SIZE < len(rows) else None,
            "previous": f"{link}{page - 1}" if page > 1 else None,
            "results": rows[start : start + PAGE_SIZE],
        }
