"""Helpers for ZGW API tests: applicaties with tokens, and the official spec as a validator."""

from __future__ import annotations

import json
import time
import warnings
from collections.abc import Callable
from functools import cache
from pathlib import Path
from typing import Any
from urllib.parse import urlparse
from urllib.request import url2pathname

import jwt
import yaml
from django.test import Client
from jsonschema_path import SchemaPath
from jsonschema_path.handlers import default_handlers
from jwt.warnings import InsecureKeyLengthWarning
from openapi_core import Config, OpenAPI
from openapi_core.contrib.django import DjangoOpenAPIRequest, DjangoOpenAPIResponse

from mijnservices.registrations.autorisaties import services as autorisaties_services
from mijnservices.registrations.autorisaties.models import Applicatie
from mijnservices.registrations.autorisaties.services import AutorisatieData

# A fixed test secret, long enough for HS256 (public on purpose: tests only).
TEST_SECRET = "test-secret-long-enough-for-hs256-keys"  # noqa: S105

# The official specs are vendored in the repository (vendor/README.md has their provenance).
REPOSITORY_ROOT = Path(__file__).resolve().parents[3]
ALL_SPECS = REPOSITORY_ROOT / "vendor" / "specs"
SPECS = ALL_SPECS / "zgw"
# The C loader when PyYAML has it: the Zaken spec takes seconds with the pure-Python one.
_LOADER = getattr(yaml, "CSafeLoader", yaml.SafeLoader)
OFFICIAL = {
    "catalogi": SPECS / "catalogi/ztc/1.3.x/1.3.3/openapi.yaml",
    "autorisaties": SPECS / "autorisaties/ac/1.1.x/1.1.0/openapi.yaml",
    "zaken": SPECS / "zaken/zrc/1.7.x/1.7.0/openapi.yaml",
    "documenten": SPECS / "documenten/drc/1.7.x/1.7.0/openapi.yaml",
    "besluiten": SPECS / "besluiten/brc/1.1.0/openapi.yaml",
    "notificaties": SPECS / "notificaties/nrc/1.0.1/openapi.yaml",
    "klantinteracties": ALL_SPECS / "klantinteracties/openklant-klantinteracties-0.9.0.yaml",
    "contactgegevens": ALL_SPECS / "klantinteracties/openklant-contactgegevens-1.1.1.yaml",
    "taken": ALL_SPECS / "taken-berichten/openvtb-taken-0.1.0.yaml",
    "berichten": ALL_SPECS / "taken-berichten/openvtb-berichten-0.1.0.yaml",
    "mijn-taken": ALL_SPECS / "mijn-taken/mijntaken-0.1.0.yaml",
    "verwerkingenlogging-bewerking": ALL_SPECS / "verwerkingenlogging/bewerking-0.9.0.yaml",
    "verwerkingenlogging-inzage": ALL_SPECS / "verwerkingenlogging/inzage-0.9.0.yaml",
}

# Where each API is mounted when that is not /<name>/api/v1 (both verwerkingenlogging APIs
# share one mount: their paths do not collide).
MOUNTS = {
    "verwerkingenlogging-bewerking": "verwerkingenlogging/api/v1",
    "verwerkingenlogging-inzage": "verwerkingenlogging/api/v1",
}


def token(client_id: str, secret: str, *, iat: float | None = None, **claims: Any) -> str:
    payload: dict[str, Any] = {"iss": client_id, "client_id": client_id, **claims}
    if iat is not None or "iat" not in claims:
        payload["iat"] = int(time.time() if iat is None else iat)
    with warnings.catch_warnings():
        warnings.simplefilter("ignore", InsecureKeyLengthWarning)  # the demo secret is short
        return jwt.encode(payload, secret, algorithm="HS256")


def applicatie_with_secret(
    *,
    client_id: str = "test-client",
    secret: str = TEST_SECRET,
    heeft_alle_autorisaties: bool = False,
    autorisaties: list[AutorisatieData] | None = None,
) -> Applicatie:
    applicatie = autorisaties_services.applicatie_create(
        label=f"Test {client_id}",
        client_ids=[client_id],
        heeft_alle_autorisaties=heeft_alle_autorisaties,
        autorisaties=autorisaties or [],
    )
    autorisaties_services.client_secret_set(client_id=client_id, secret=secret)
    return applicatie


def api_client(
    *,
    client_id: str = "test-client",
    secret: str = TEST_SECRET,
    **kwargs: Any,
) -> Client:
    """A Django test client that sends a fresh token for a new applicatie."""
    applicatie_with_secret(client_id=client_id, secret=secret, **kwargs)
    return Client(HTTP_AUTHORIZATION=f"Bearer {token(client_id, secret)}")


def official_document(api: str, *, server: str = "http://testserver") -> dict[str, Any]:
    """The OFFICIAL spec as a document, read as docs/standards.md explains, with its server
    set to where we mount the API on ``server``."""
    document: dict[str, Any] = yaml.load(OFFICIAL[api].read_text(), Loader=_LOADER)  # noqa: S506
    mount = MOUNTS.get(api, f"{api}/api/v1")
    document["servers"] = [{"url": f"{server}/{mount}"}]
    empty = document.get("components", {}).get("schemas", {}).get("EmptyObject")
    if empty is not None:
        # The spec's EmptyObject ("returned when the field to expand is null") allows any
        # member, so `oneOf: [XExpanded, EmptyObject]` rejects every non-empty expansion.
        # Read it as its description says: empty (docs/standards.md).
        empty["maxProperties"] = 0
    abonnement = document.get("components", {}).get("schemas", {}).get("Abonnement")
    if abonnement is not None and "auth" in abonnement.get("properties", {}):
        # auth is the subscriber's credential: write-only, never returned (docs/standards.md).
        abonnement["properties"]["auth"]["writeOnly"] = True
    if api in ("klantinteracties", "contactgegevens"):
        _nullable_all_of(document)
    if api == "zaken":
        _nested_expansions(document)
    return document


@cache
def official_spec(api: str) -> OpenAPI:
    """The OFFICIAL spec as a response validator (see :func:`official_document`)."""
    document = official_document(api)
    config = Config(extra_media_type_deserializers={"application/problem+json": json.loads})
    # base_uri: the Zaken spec refers to the Catalogi/Documenten specs beside it; those are
    # read the same way (EmptyObject) when a reference reaches them.
    schema = SchemaPath.from_dict(
        document,
        base_uri=OFFICIAL[api].as_uri(),
        handlers={**default_handlers, "file": _referenced_document},
    )
    return OpenAPI(schema, config=config)


def _referenced_document(uri: str) -> dict[str, Any]:
    """A spec another spec refers to (a local file), with EmptyObject read as empty."""
    text = Path(url2pathname(urlparse(uri).path)).read_text()
    document: dict[str, Any] = yaml.load(text, Loader=_LOADER)  # noqa: S506
    empty = document.get("components", {}).get("schemas", {}).get("EmptyObject")
    if empty is not None:
        empty["maxProperties"] = 0
    return document


def _each_object(node: Any, fix: Callable[[dict[str, Any]], None]) -> None:
    """Call ``fix`` on every object of a JSON document, outer before inner (after a fix)."""
    if isinstance(node, dict):
        fix(node)
        for value in list(node.values()):
            _each_object(value, fix)
    elif isinstance(node, list):
        for value in node:
            _each_object(value, fix)


def _nullable_all_of(document: dict[str, Any]) -> None:
    """Open Klant's specs (drf-spectacular) mark a nullable reference as
    ``{allOf: [{$ref}], nullable: true}``; the validator applies the referenced schema's
    own (non-nullable) rules to null as well. Inline the reference so null is accepted, as
    the spec intends (docs/standards.md, Klantinteracties)."""
    schemas = document.get("components", {}).get("schemas", {})

    def fix(node: dict[str, Any]) -> None:
        all_of = node.get("allOf")
        if node.get("nullable") and isinstance(all_of, list) and len(all_of) == 1:
            ref = all_of[0].get("$ref", "")
            target = schemas.get(ref.rsplit("/", 1)[-1]) if ref else None
            if isinstance(target, dict) and "oneOf" not in target:
                del node["allOf"]
                node.update({k: v for k, v in target.items() if k not in node})

    _each_object(document, fix)


def _nested_expansions(document: dict[str, Any]) -> None:
    """Zaken 1.7 embeds a Catalogi object as ``oneOf: [<Type>, GenesteExpansie]``, and
    GenesteExpansie is any object, so a valid type matches both and fails ``oneOf``: read it
    as ``anyOf``. ``StatusEmbedded.gezetdoor`` lacks the ``EmptyObject`` every other single
    relation has for a null value: add it (docs/standards.md, Zaken ``expand``)."""
    schemas = document.get("components", {}).get("schemas", {})

    def fix(node: dict[str, Any]) -> None:
        one_of = node.get("oneOf")
        if isinstance(one_of, list) and any(
            str(item.get("$ref", "")).endswith("/GenesteExpansie") for item in one_of
        ):
            node["anyOf"] = node.pop("oneOf")
            node.pop("$ref", None)  # StatusEmbedded.statustype has both

    _each_object(document, fix)
    status = schemas.get("StatusEmbedded", {}).get("properties", {})
    if "gezetdoor" in status:
        status["gezetdoor"] = {
            "oneOf": [status["gezetdoor"], {"$ref": "#/components/schemas/EmptyObject"}]
        }


def assert_matches_official_spec(api: str, response: Any) -> None:
    """Raise when ``response`` (from the Django test client) violates the official spec."""
    spec = official_spec(api)
    spec.validate_response(
        DjangoOpenAPIRequest(response.wsgi_request), DjangoOpenAPIResponse(response)
    )
