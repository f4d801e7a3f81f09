from __future__ import annotations

import time

import pytest
from django.test import Client

from mijnservices.testing.api import applicatie_with_secret, assert_matches_official_spec, token

URL = "/catalogi/api/v1/catalogussen"
SECRET = "a-secret-that-is-long-enough-for-hs256!"


def _get(bearer: str) -> object:
    return Client().get(URL, HTTP_AUTHORIZATION=f"Bearer {bearer}")


@pytest.fixture
def applicatie(db):
    return applicatie_with_secret(
        client_id="leverancier", secret=SECRET, heeft_alle_autorisaties=True
    )


def test_valid_token_is_accepted(applicatie):
    response = _get(token("leverancier", SECRET))
    assert response.status_code == 200
    assert_matches_official_spec("catalogi", response)


def test_token_with_bad_signature_is_refused(applicatie):
    response = _get(token("leverancier", "another-secret-that-is-long-enough!!"))
    assert response.status_code == 401
    assert response["Content-Type"] == "application/problem+json"
    assert response.json()["code"] == "authentication_failed"
    assert response["WWW-Authenticate"].startswith("Bearer")


def test_unknown_client_is_refused(applicatie):
    assert _get(token("onbekend", SECRET)).status_code == 401


def test_token_without_iat_is_refused(applicatie):
    import jwt

    bare = jwt.encode({"client_id": "leverancier"}, SECRET, algorithm="HS256")
    response = _get(bare)
    assert response.status_code == 401
    assert "iat" in response.json()["detail"]


def test_small_clock_skew_is_accepted(applicatie, settings):
    settings.JWT_LEEWAY = 10
    assert _get(token("leverancier", SECRET, iat=time.time() + 5)).status_code == 200


def test_iat_beyond_the_leeway_is_refused(applicatie, settings):
    settings.JWT_LEEWAY = 10
    assert _get(token("leverancier", SECRET, iat=time.time() + 60)).status_code == 401


def test_expired_token_is_refused(applicatie, settings):
    settings.JWT_EXPIRY = 60
    assert _get(token("leverancier", SECRET, iat=time.time() - 3600)).status_code == 401


def test_client_without_a_secret_cannot_log_in(db):
    from mijnservices.registrations.autorisaties import services

    services.applicatie_create(label="x", client_ids=["geen-secret"], heeft_alle_autorisaties=True)
    assert _get(token("geen-secret", "whatever-secret-long-enough-for-hs256")).status_code == 401


@pytest.mark.django_db
def test_missing_token_answers_401_problem():
    response = Client().get(URL)
    assert response.status_code == 401
    body = response.json()
    assert body["code"] == "not_authenticated"
    assert {"type", "code", "title", "status", "detail", "instance"} <= set(body)
    assert_matches_official_spec("catalogi", response)


def test_by_default_a_token_issued_a_few_minutes_ahead_is_accepted(applicatie):
    assert _get(token("leverancier", SECRET, iat=time.time() + 180)).status_code == 200
