"""Test-wide guards and speed-ups.

- No network except loopback, so nothing external is reached by accident.
- A fast password hasher: Django's PBKDF2 costs ~0.3 s per hash by design, and every employee
  test logs in; tests check *that* passwords are checked, not how slowly. Production settings
  keep Django's strong default (``conf/tests/test_architecture.py`` guards that).
"""

from __future__ import annotations

import socket
from collections.abc import Iterator
from typing import Any

import pytest

_real_connect = socket.socket.connect
LOOPBACK = ("127.", "::1", "localhost")
# Tests only: MD5 is fast and unsafe, which is exactly what a test database needs.
FAST_PASSWORD_HASHERS = ["django.contrib.auth.hashers.MD5PasswordHasher"]


def _guarded_connect(self: socket.socket, address: Any) -> Any:
    host = address[0] if isinstance(address, tuple) else str(address)
    if self.family in (socket.AF_INET, socket.AF_INET6) and not str(host).startswith(LOOPBACK):
        raise RuntimeError(f"Test tried to reach {host}: only loopback is allowed in tests")
    return _real_connect(self, address)


@pytest.fixture(autouse=True)
def _block_network(monkeypatch: pytest.MonkeyPatch) -> Iterator[None]:
    monkeypatch.setattr(socket.socket, "connect", _guarded_connect)
    yield


@pytest.fixture(autouse=True)
def _fresh_process_caches(settings: Any) -> None:
    # A web process keeps API clients for seconds; each test starts from its own database.
    # Off by default in tests, so a query budget counts the same on a first and a later
    # request; the tests of the cache itself (api/tests/test_authentication.py) turn it on.
    from mijnservices.api.authentication import api_client_cache_clear
    from mijnservices.core.process_cache import clear_all
    from mijnservices.services.mijnzaken.prediction import prediction_cache_clear

    settings.API_CLIENT_CACHE_SECONDS = 0
    # Zaak page views are written at once in tests (the batching has its own test).
    settings.PORTAL_USE_FLUSH_SECONDS = 0
    api_client_cache_clear()
    # The per-process caches of presentation and branding (decision 0043): each test its own,
    # and no generation check inside a test (a query budget counts the same every time; a save
    # in the test process clears them at once).
    settings.CACHE_FRESHNESS_SECONDS = 3600
    clear_all()
    prediction_cache_clear()


@pytest.fixture(scope="session", autouse=True)
def _fast_password_hasher() -> Iterator[None]:
    from django.test import override_settings

    with override_settings(PASSWORD_HASHERS=FAST_PASSWORD_HASHERS):
        yield


@pytest.fixture
def admin_user(db: Any) -> Any:
    """A functional administrator: staff, superuser, beheerder role and a TOTP device."""
    from mijnservices.testing.employees import employee_create

    user = employee_create("beheerder", roles=["beheerder"])
    user.is_staff = user.is_superuser = True
    user.save(update_fields=["is_staff", "is_superuser"])
    return user


@pytest.fixture
def admin_client(admin_user: Any) -> Any:
    """Logged in to the admin the only way there is: the employee login with a TOTP code."""
    from django.test import Client

    from mijnservices.testing.employees import log_in

    client = Client()
    log_in(client, admin_user)
    return client
