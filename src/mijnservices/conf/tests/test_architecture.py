"""Architecture rules that keep the codebase honest, like GOV.UK Notify's.

- every URL needs authentication unless it is explicitly listed as public;
- migrations are complete;
- every module stays small enough to hold in one's head.
"""

from __future__ import annotations

import re
import uuid
from collections.abc import Iterator
from pathlib import Path
from urllib.parse import urlparse

import pytest
from django.core.management import call_command
from django.urls import Resolver404, URLPattern, URLResolver, get_resolver, resolve

# Route name (namespace:name) → why it may be reached without logging in.
PUBLIC_ROUTES = {
    "portal:home": "start page that explains the service and links to login",
    "portal:login": "the login page itself",
    "demo:login": "the demo login (404 outside demo mode)",
    "portal:accessibility": "toegankelijkheidsverklaring must be public",
    "portal:digid_login": "starts the DigiD login at the broker (404 until configured)",
    "portal:digid_callback": "the broker returns here before anyone is logged in",
    "portal:eherkenning_login": "starts the eHerkenning login at the broker (404 until configured)",
    "portal:eherkenning_callback": "the broker returns here before anyone is logged in",
    "set_language": "language switch must work before login",
    "portal:set_language": "language switch must work before login",
    "admin:login": "the admin's own login page",
    "admin:logout": "logging out needs no session",
    "admin:password_reset": "admin password reset",
    "admin:password_reset_done": "admin password reset",
    "admin:password_reset_confirm": "admin password reset",
    "admin:password_reset_complete": "admin password reset",
    "admin:jsi18n": "translations for the admin's JavaScript",
    "admin:view_on_site": "redirects to the object's public page, which checks access itself",
    "catalogi:schema": "the ZGW API's OpenAPI document is public, as in Open Zaak",
    "autorisaties:schema": "the ZGW API's OpenAPI document is public, as in Open Zaak",
    "zaken:schema": "the ZGW API's OpenAPI document is public, as in Open Zaak",
    "documenten:schema": "the ZGW API's OpenAPI document is public, as in Open Zaak",
    "besluiten:schema": "the ZGW API's OpenAPI document is public, as in Open Zaak",
    "notificaties:schema": "the ZGW API's OpenAPI document is public, as in Open Zaak",
    "verwerkingen:schema": "the OpenAPI documents of both Verwerkingenlogging APIs are public",
    "taken:schema": "the Taken API's OpenAPI document is public, like the ZGW APIs'",
    "berichten:schema": "the Berichten API's OpenAPI document is public, like the ZGW APIs'",
    "mijntaken:schema": "the MijnTaken API's OpenAPI document is public, like the ZGW APIs'",
    "klantinteracties:schema": "the Klantinteracties API's OpenAPI document is public",
    "contactgegevens:schema": "the Contactgegevens API's OpenAPI document is public",
    "kcc:login": "the employee login page itself",
    "kcc:oidc_login": "starts the employee login at the identity provider (404 until configured)",
    "kcc:oidc_callback": "the identity provider returns here before anyone is logged in",
    "notificatieservice:notify_callback": "Notify's callback: a bearer token, not a login",
    "notificatieservice:zgw_webhook": "ZGW webhook: the source's Authorization header, not a login",
    "demo:mail": "DEMO ONLY mail viewer of made-up people's e-mail (404 outside demo mode)",
    "demo:mail_detail": "DEMO ONLY mail viewer of made-up people's e-mail (404 outside demo mode)",
    "kcc:enrol": "second login step; without a pending password step it redirects to the login",
    "ops:healthz": "liveness probe for load balancers and orchestrators; no data in it",
    "ops:readyz": "readiness probe (names of checks and ok/not ok only); no data in it",
    "ops:metrics": "Prometheus: METRICS_TOKEN bearer token, not a login (404 until configured)",
}
# URL prefixes served by APIs: anonymous calls must get 401/403 (checked the same way).
DENIED_STATUSES = {302, 401, 403, 404, 405}
LOGIN_ROUTES = {"portal:login", "admin:login", "kcc:login"}
MAX_MODULE_LINES = 500


def _walk(patterns, prefix: str = "", namespace: str = "") -> Iterator[tuple[str, str]]:
    for entry in patterns:
        if isinstance(entry, URLResolver):
            ns = entry.namespace or namespace
            yield from _walk(entry.url_patterns, prefix + str(entry.pattern), ns)
        elif isinstance(entry, URLPattern):
            name = f"{namespace}:{entry.name}" if namespace and entry.name else (entry.name or "")
            yield prefix + str(entry.pattern), name


def _is_login(location: str) -> bool:
    try:
        return resolve(urlparse(location).path).view_name in LOGIN_ROUTES
    except Resolver404:
        return False


def _example_path(pattern: str) -> str:
    path = pattern.lstrip("^").rstrip("$").replace("\\Z", "").replace("\\", "")
    path = re.sub(r"<uuid:[^>]+>", str(uuid.uuid4()), path)
    path = re.sub(r"<int:[^>]+>", "1", path)
    path = re.sub(r"<(path|str|slug):[^>]+>", "x", path)
    path = re.sub(r"\(\?P<[^>]+>[^)]*\)", "1", path)
    return "/" + path.lstrip("/")


@pytest.mark.django_db
def test_every_url_requires_authentication_unless_explicitly_public(client):
    unprotected = []
    for pattern, name in _walk(get_resolver().url_patterns):
        if name in PUBLIC_ROUTES or ("(?P<" in pattern and "format" in pattern):
            continue
        path = _example_path(pattern)
        response = client.get(path)
        if response.status_code not in DENIED_STATUSES:
            unprotected.append(f"{path} ({name or 'unnamed'}) answered {response.status_code}")
        elif response.status_code == 302 and not _is_login(response["Location"]):
            unprotected.append(f"{path} ({name}) redirected to {response['Location']}, not a login")
    assert not unprotected, "Reachable without login:\n" + "\n".join(unprotected)


@pytest.mark.django_db
def test_migrations_are_complete():
    call_command("makemigrations", "--check", "--dry-run", verbosity=0)


def test_modules_stay_small():
    root = Path(__file__).resolve().parents[2]
    large = [
        f"{path.relative_to(root)}: {lines} lines"
        for path in root.rglob("*.py")
        if "migrations" not in path.parts
        and (lines := len(path.read_text().splitlines())) > MAX_MODULE_LINES
    ]
    assert not large, "Split these by concept:\n" + "\n".join(large)


def test_nothing_reads_outside_the_repository():
    """The repository stands alone: specs and fixtures are vendored, no path leaves the clone."""
    from mijnservices.testing.api import OFFICIAL, REPOSITORY_ROOT

    outside = [str(path) for path in OFFICIAL.values() if REPOSITORY_ROOT not in path.parents]
    missing = [str(path) for path in OFFICIAL.values() if not path.is_file()]
    sibling = re.compile(r"\.\./shared|[\"']shared[\"']\s*/")
    escapes = [
        f"{path.relative_to(REPOSITORY_ROOT)}:{number}"
        for folder in ("src", ".ci", "Makefile", "conftest.py")
        for path in _files(REPOSITORY_ROOT / folder)
        for number, line in enumerate(path.read_text(errors="ignore").splitlines(), 1)
        if sibling.search(line) and path.resolve() != Path(__file__).resolve()
    ]
    assert not outside and not missing and not escapes, (outside, missing, escapes)


def _files(path: Path) -> list[Path]:
    if path.is_file():
        return [path]
    return [
        p
        for p in path.rglob("*")
        if p.is_file()
        and p.suffix in {".py", ".html", ".yaml", ""}
        and not any(part.endswith(".egg-info") or part == "__pycache__" for part in p.parts)
    ]


STRONG_HASHERS = {
    "django.contrib.auth.hashers.PBKDF2PasswordHasher",
    "django.contrib.auth.hashers.Argon2PasswordHasher",
    "django.contrib.auth.hashers.BCryptSHA256PasswordHasher",
    "django.contrib.auth.hashers.ScryptPasswordHasher",
}


def test_production_settings_hash_passwords_strongly():
    """Tests swap in a fast hasher (root conftest.py); the settings module itself must not."""
    import importlib

    from django.conf import global_settings

    production = importlib.import_module("mijnservices.conf.settings")
    hashers = getattr(production, "PASSWORD_HASHERS", global_settings.PASSWORD_HASHERS)
    assert hashers[0] in STRONG_HASHERS
    assert not set(hashers) & {"django.contrib.auth.hashers.MD5PasswordHasher"}


def test_the_suite_runs_with_the_fast_test_hasher(settings):
    from django.contrib.auth.hashers import get_hasher

    assert get_hasher().algorithm == "md5"
