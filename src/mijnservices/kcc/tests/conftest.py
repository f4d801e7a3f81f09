"""Fixtures for the employee pages: two zaaktypen, their zaken, and one employee per role."""

from __future__ import annotations

from dataclasses import dataclass
from typing import Any

import pytest
from django.test import Client

from mijnservices.registrations.zaken.models import Zaak
from mijnservices.testing.employees import employee_create, log_in, release_for_kcc
from mijnservices.testing.factories import ZaakFactory, published_zaaktype

BSN = "999993653"


@dataclass
class World:
    zaak_a: Zaak  # zaaktype A: released for the KCC
    zaak_b: Zaak  # zaaktype B: social domain, released for the KCC (status only)
    zaak_c: Zaak  # zaaktype C: not released for the KCC


@pytest.fixture
def world(db: Any) -> World:
    types = {
        name: published_zaaktype(identificatie=f"ZT-{name}", omschrijving=f"Type {name}")
        for name in "ABC"
    }
    release_for_kcc("ZT-A")
    release_for_kcc("ZT-B", social_domain=True)
    return World(
        zaak_a=ZaakFactory(zaaktype=types["A"], for_bsn=BSN, status_count=2),
        zaak_b=ZaakFactory(zaaktype=types["B"], for_bsn=BSN),
        zaak_c=ZaakFactory(zaaktype=types["C"], for_bsn=BSN),
    )


ROLES: dict[str, dict[str, Any]] = {
    "kcc": {"roles": ["kcc"]},
    "behandelaar_a": {"roles": ["behandelaar"], "zaaktypen": ["ZT-A"]},
    "behandelaar_b": {"roles": ["behandelaar"], "zaaktypen": ["ZT-B"]},
    "auditor": {"roles": ["auditor"]},
    "beheerder": {"roles": ["beheerder"]},
    "manager": {"roles": ["manager"]},
    "none": {"roles": []},
}


@pytest.fixture
def employee_client(client: Client, db: Any):
    def _login(role: str) -> Client:
        user = employee_create(role, **ROLES[role])
        log_in(client, user)
        return client

    return _login


# The portal's Chromium set-up and translation check, shared (fixtures are found by name).
from mijnservices.portal.tests.conftest import (  # noqa: E402
    _translations_compiled,  # noqa: F401
    browser_type_launch_args,  # noqa: F401
    login_as,  # noqa: F401
)
