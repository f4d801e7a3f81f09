from __future__ import annotations

import json

import pytest

from mijnservices.registrations.zaken.models import Zaak
from mijnservices.testing.api import api_client

CRS = {"Accept-Crs": "EPSG:4326", "Content-Crs": "EPSG:4326"}


@pytest.mark.django_db
def test_a_body_over_the_limit_answers_413_problem_json_and_writes_nothing():
    client = api_client(heeft_alle_autorisaties=True)
    body = json.dumps({"omschrijving": "x" * 3_000_000})
    response = client.post(
        "/zaken/api/v1/zaken", body, content_type="application/json", headers=CRS
    )
    assert response.status_code == 413
    assert response["Content-Type"] == "application/problem+json"
    assert response.json()["status"] == 413
    assert not Zaak.objects.exists()


@pytest.mark.django_db
def test_a_body_over_djangos_backstop_without_content_length_answers_413(settings, rf):
    from django.core.exceptions import RequestDataTooBig

    from mijnservices.api.exceptions import problem_exception_handler

    response = problem_exception_handler(RequestDataTooBig("too big"), {})
    assert response is not None and response.status_code == 413


@pytest.mark.django_db
def test_a_large_form_post_outside_the_apis_answers_413(client):
    response = client.post(
        "/medewerker/inloggen/",
        "a=" + "x" * 3_000_000,
        content_type="application/x-www-form-urlencoded",
    )
    assert response.status_code == 413
