"""The shared page context: a machtiging's scope in words is read once per process and
language, and again after a zaaktype is saved (decision 0046)."""

from __future__ import annotations

import pytest
from django.contrib.sessions.backends.db import SessionStore
from django.db import connection
from django.test import RequestFactory
from django.test.utils import CaptureQueriesContext
from django.utils import translation

from mijnservices.portal.auth import SESSION_KEY
from mijnservices.portal.context_processors import portal
from mijnservices.testing.builders import published_zaaktype

pytestmark = pytest.mark.django_db


def _representative(zaaktypen: list[str]) -> object:
    request = RequestFactory().get("/mijn-zaken/")
    request.session = SessionStore()
    request.session[SESSION_KEY] = {
        "actor": {"kind": "bsn", "identifier": "999992570", "vestiging": "", "name": "Kees"},
        "auth_method": "digid",
        "represented": {"kind": "bsn", "identifier": "999991589", "vestiging": "", "name": "Els"},
        "mandate": "familie",
        "mandate_zaaktypen": zaaktypen,
    }
    return request


def _scope(request: object) -> list[str]:
    acting_for = portal(request)["acting_for"]  # type: ignore[arg-type]
    scope: list[str] = acting_for["scope"]
    return scope


def test_the_scope_of_a_machtiging_is_read_once_and_again_after_a_zaaktype_is_saved(settings):
    settings.CACHE_FRESHNESS_SECONDS = 0
    zaaktype = published_zaaktype(publieke_omschrijving="Subsidie geluidsisolatie")
    request = _representative([zaaktype.identificatie])
    with translation.override("nl"):
        assert _scope(request) == ["Subsidie geluidsisolatie"]
        with CaptureQueriesContext(connection) as queries:
            assert _scope(request) == ["Subsidie geluidsisolatie"]
        assert not [q for q in queries if "catalogi_zaaktype" in q["sql"]]
        zaaktype.publieke_omschrijving = "Geluidssubsidie"
        zaaktype.save()
        assert _scope(request) == ["Geluidssubsidie"]
