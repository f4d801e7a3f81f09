"""Settings of the standard APIs (layers 1-2): tokens, pages, bodies, remote URLs, the
Selectielijst, DRF and the schema generator. Split from ``settings.py`` to keep it small;
imported there by name order ("ZGW APIs")."""

from __future__ import annotations

from mijnservices.conf.env import declare, positive

JWT_LEEWAY = declare(
    "JWT_LEEWAY",
    300,
    "Seconds of clock skew accepted on a ZGW API token's `iat` (issued in the future); "
    "clients in the field run minutes ahead (decision 0026).",
    group="ZGW APIs",
    check=lambda v: None if v >= 0 else "must be 0 or more",
)
JWT_EXPIRY = declare(
    "JWT_EXPIRY",
    3600,
    "Seconds a ZGW API token stays valid after its `iat`.",
    group="ZGW APIs",
    check=positive,
)
API_CLIENT_CACHE_SECONDS = declare(
    "API_CLIENT_CACHE_SECONDS",
    300,
    "Seconds at most a web process keeps the API clients' secrets and autorisaties; a save "
    "through the product reaches every process within CACHE_FRESHNESS_SECONDS, this bounds "
    "a change made behind its back. 0 = read the client on every request.",
    group="ZGW APIs",
    check=lambda v: None if v >= 0 else "must be 0 or more",
)
API_PAGE_SIZE = declare(
    "API_PAGE_SIZE",
    100,
    "Objects per page in paginated ZGW API lists.",
    group="ZGW APIs",
    check=positive,
)
DOCUMENTEN_CHUNK_SIZE = declare(
    "DOCUMENTEN_CHUNK_SIZE",
    10 * 1024 * 1024,
    "Size (bytes) of each bestandsdeel of a chunked upload to the Documenten API.",
    group="ZGW APIs",
    check=positive,
)
DOCUMENTEN_MAX_UPLOAD_SIZE = declare(
    "DOCUMENTEN_MAX_UPLOAD_SIZE",
    50 * 1024 * 1024,
    "Largest document content (bytes) the Documenten API accepts.",
    group="ZGW APIs",
    check=positive,
)
REQUEST_MAX_BODY_SIZE = declare(
    "REQUEST_MAX_BODY_SIZE",
    2_621_440,
    "Largest request body (bytes) outside file uploads; the Documenten API allows "
    "DOCUMENTEN_MAX_UPLOAD_SIZE (base64) on top. Larger: 413.",
    group="ZGW APIs",
    check=positive,
)
# Django's own limit is only a backstop (bodies without Content-Length): the middleware
# (api/middleware.py) applies the per-path limits above.
DATA_UPLOAD_MAX_MEMORY_SIZE = DOCUMENTEN_MAX_UPLOAD_SIZE * 4 // 3 + REQUEST_MAX_BODY_SIZE
IDEMPOTENCY_KEY_TTL = declare(
    "IDEMPOTENCY_KEY_TTL",
    86400,
    "Seconds an API write's Idempotency-Key and its answer are kept for replays (at least "
    "24 hours); the worker purges older ones.",
    group="ZGW APIs",
    check=lambda v: None if v >= 86400 else "must be at least 86400 (24 hours)",
)
API_MAX_JSON_DEPTH = declare(
    "API_MAX_JSON_DEPTH",
    32,
    "Deepest nesting of arrays and objects a JSON request body may have (deeper: 400).",
    group="ZGW APIs",
    check=positive,
)
DOCUMENTEN_API_CONTENT_CHECK = declare(
    "DOCUMENTEN_API_CONTENT_CHECK",
    False,
    "Refuse Documenten API content whose bytes do not match formaat/bestandsnaam "
    "(400 content-type-mismatch); citizens' portal uploads are always checked.",
    group="ZGW APIs",
)
REMOTE_URL_VALIDATION = declare(
    "REMOTE_URL_VALIDATION",
    True,
    "Fetch a resource URL of another API under REMOTE_API_ROOTS before storing it (answers 400 "
    "bad-url / invalid-resource when it is not there or of another kind); off for migrations.",
    group="ZGW APIs",
)
REMOTE_API_ROOTS: list[str] = declare(
    "REMOTE_API_ROOTS",
    [],
    "Comma-separated API roots of other installations whose resource URLs are fetched to check "
    "them on write; URLs elsewhere are stored unchecked (never fetched).",
    group="ZGW APIs",
)
SELECTIELIJST_API_ROOT = declare(
    "SELECTIELIJST_API_ROOT",
    "",
    "Root of the VNG Referentielijsten API (e.g. https://selectielijst.openzaak.nl/api/v1/) "
    "that resultaattypen and zaaktypen are checked and derived against; empty: not checked.",
    group="ZGW APIs",
)
SELECTIELIJST_CACHE_SECONDS = declare(
    "SELECTIELIJST_CACHE_SECONDS",
    86400,
    "Seconds a process keeps a Selectielijst answer (procestype, resultaat, omschrijving).",
    group="ZGW APIs",
    check=positive,
)
REST_FRAMEWORK = {
    "DEFAULT_AUTHENTICATION_CLASSES": ["mijnservices.api.authentication.JWTAuthentication"],
    "DEFAULT_PERMISSION_CLASSES": ["mijnservices.api.permissions.ScopeRequired"],
    "DEFAULT_RENDERER_CLASSES": ["mijnservices.api.renderers.ZGWJSONRenderer"],
    "DEFAULT_PARSER_CLASSES": ["mijnservices.api.parsers.ZGWJSONParser"],
    "DEFAULT_FILTER_BACKENDS": ["mijnservices.api.filtering.FilterBackend"],
    "DEFAULT_PAGINATION_CLASS": "mijnservices.api.pagination.ZGWPagination",
    "DEFAULT_SCHEMA_CLASS": "drf_spectacular.openapi.AutoSchema",
    "EXCEPTION_HANDLER": "mijnservices.api.exceptions.problem_exception_handler",
    "UNAUTHENTICATED_USER": None,
    "COERCE_DECIMAL_TO_STRING": False,
}
SPECTACULAR_SETTINGS = {
    "COMPONENT_SPLIT_REQUEST": True,
    "SERVE_INCLUDE_SCHEMA": False,
    "ENUM_NAME_OVERRIDES": {},
}
