"""Employees for tests and the demo: a user with roles and a confirmed TOTP device."""

from __future__ import annotations

from collections.abc import Iterable
from typing import Any

from django.contrib.auth import get_user_model
from django.test import Client
from django_otp.oath import totp
from django_otp.plugins.otp_totp.models import TOTPDevice

from mijnservices.services.access.models import EmployeeRole, ZaaktypeSetting

PASSWORD = "Medewerker-test-1"  # noqa: S105 (test accounts only)
# 20 bytes, hex: what TOTPDevice.key holds. Tests and the demo print its base32 form.
TOTP_KEY = "3132333435363738393031323334353637383930"


def employee_create(
    username: str,
    *,
    roles: Iterable[str] = (),
    zaaktypen: Iterable[str] = (),
    password: str = PASSWORD,
    key: str = TOTP_KEY,
) -> Any:
    """A user with the given roles (behandelaar ones cover ``zaaktypen``) and a TOTP device."""
    user = get_user_model().objects.create_user(username=username, password=password)
    for role in roles:
        EmployeeRole.objects.create(
            user=user,
            role=role,
            zaaktype_identificaties=list(zaaktypen) if role == "behandelaar" else [],
        )
    TOTPDevice.objects.create(user=user, name="authenticator", key=key, confirmed=True)
    return user


def totp_code(key: str = TOTP_KEY, *, drift: int = 0) -> str:
    """The code an authenticator app shows now (``drift`` steps later or earlier)."""
    return f"{totp(bytes.fromhex(key), drift=drift):06d}"


def release_for_kcc(identificatie: str, *, social_domain: bool = False) -> ZaaktypeSetting:
    setting, _ = ZaaktypeSetting.objects.update_or_create(
        zaaktype_identificatie=identificatie,
        defaults={"released_for_kcc": True, "social_domain": social_domain},
    )
    return setting


def log_in(client: Client, user: Any, *, password: str = PASSWORD, key: str = TOTP_KEY) -> None:
    """Log in through the real login form (password and code)."""
    response = client.post(
        "/medewerker/inloggen/",
        {"username": user.get_username(), "password": password, "code": totp_code(key)},
    )
    assert response.status_code == 302, response.content.decode()[:500]
