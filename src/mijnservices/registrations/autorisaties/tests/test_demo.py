from __future__ import annotations

import pytest
from django.core.exceptions import ImproperlyConfigured
from django.core.management import CommandError, call_command
from django.test import Client

from mijnservices.registrations.autorisaties.demo import ensure_demo_client
from mijnservices.registrations.autorisaties.models import ClientCredential
from mijnservices.testing.api import token

pytestmark = pytest.mark.django_db


def test_demo_client_is_refused_outside_demo_mode(settings):
    settings.DEMO_MODE = False
    with pytest.raises(ImproperlyConfigured):
        ensure_demo_client()
    with pytest.raises(CommandError):
        call_command("demo_client")
    assert not ClientCredential.objects.exists()


def test_demo_client_gets_all_rights_and_can_call_the_apis(settings):
    settings.DEMO_MODE = True
    call_command("demo_client")
    ensure_demo_client()  # idempotent
    assert ClientCredential.objects.filter(client_id="demo-client").count() == 1
    client = Client(HTTP_AUTHORIZATION=f"Bearer {token('demo-client', 'demo-secret')}")
    assert client.get("/catalogi/api/v1/zaaktypen").status_code == 200
    assert client.get("/autorisaties/api/v1/applicaties").status_code == 200


def test_a_database_that_was_a_demo_refuses_the_demo_client_outside_demo_mode(settings):
    settings.DEMO_MODE = True
    ensure_demo_client()
    settings.DEMO_MODE = False
    client = Client(HTTP_AUTHORIZATION=f"Bearer {token('demo-client', 'demo-secret')}")
    response = client.get("/catalogi/api/v1/zaaktypen")
    assert response.status_code == 401
    assert response["Content-Type"].startswith("application/problem+json")
