from __future__ import annotations

import pytest

from mijnservices.testing.api import api_client


@pytest.mark.django_db
def test_pages_carry_a_content_security_policy_without_inline_script(client):
    policy = client.get("/")["Content-Security-Policy"]
    assert "script-src 'self'" in policy and "unsafe-inline" not in policy
    assert "frame-ancestors 'none'" in policy


@pytest.mark.django_db
def test_anonymous_callers_get_no_server_timing(client):
    assert not client.get("/").has_header("Server-Timing")
    assert not client.get("/catalogi/api/v1/zaaktypen").has_header("Server-Timing")


@pytest.mark.django_db
def test_an_authenticated_api_client_gets_server_timing():
    response = api_client(heeft_alle_autorisaties=True).get("/catalogi/api/v1/zaaktypen")
    assert response.status_code == 200
    assert response["Server-Timing"].startswith("app;dur=")


@pytest.mark.django_db
def test_server_timing_carries_the_requests_cpu_time_beside_its_wall_time():
    response = api_client(heeft_alle_autorisaties=True).get("/catalogi/api/v1/zaaktypen")
    app, cpu = response["Server-Timing"].split(", ")
    assert app.startswith("app;dur=") and cpu.startswith("cpu;dur=")
    assert float(cpu.removeprefix("cpu;dur=")) > 0


@pytest.mark.django_db
def test_benchmarks_can_turn_server_timing_on_for_anonymous_callers(client, settings):
    settings.SERVER_TIMING_ALWAYS = True
    assert "cpu;dur=" in client.get("/")["Server-Timing"]
