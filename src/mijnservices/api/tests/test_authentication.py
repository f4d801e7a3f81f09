from __future__ import annotations

import time

import pytest
from django.test import Client
from django.test.utils import CaptureQueriesContext

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


@pytest.fixture(autouse=True)
def _client_cache_on(settings):
    settings.API_CLIENT_CACHE_SECONDS = 300  # the product's default; conftest turns it off


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


def test_a_known_client_is_read_from_the_database_once_within_the_cache_time(applicatie):
    from django.db import connection

    bearer = token("leverancier", SECRET)
    with CaptureQueriesContext(connection) as first:
        assert _get(bearer).status_code == 200
    with CaptureQueriesContext(connection) as second:
        assert _get(bearer).status_code == 200

    def client_reads(queries: CaptureQueriesContext) -> list[str]:
        return [q["sql"] for q in queries.captured_queries if "autorisaties_" in q["sql"]]

    assert len(client_reads(first)) == 2  # the credentials with their applicatie, the rights
    assert client_reads(second) == []


def test_a_client_id_that_is_not_there_costs_no_query_once_the_clients_are_read(applicatie):
    from django.db import connection

    assert _get(token("leverancier", SECRET)).status_code == 200
    with CaptureQueriesContext(connection) as queries:
        assert _get(token("onbekend", SECRET)).status_code == 401
    assert queries.captured_queries == []


def test_a_save_in_another_process_is_read_once_the_generation_moved(applicatie, settings):
    from mijnservices.core.models import CacheGeneration
    from mijnservices.registrations.autorisaties.models import ClientCredential

    bearer = token("leverancier", SECRET)
    assert _get(bearer).status_code == 200
    # Another process changes the secret: the rows and the generation, no signal here.
    ClientCredential.objects.filter(client_id="leverancier").update(secret="changed-elsewhere!!")
    assert _get(bearer).status_code == 200  # this process still holds the old secret
    CacheGeneration.objects.update_or_create(name="api-clients", defaults={"value": 99})
    settings.CACHE_FRESHNESS_SECONDS = 0  # this process looks at the generations again
    assert _get(bearer).status_code == 401


def test_a_changed_secret_refuses_old_tokens_at_once(applicatie):
    from mijnservices.registrations.autorisaties.services import client_secret_set

    old = token("leverancier", SECRET)
    assert _get(old).status_code == 200
    client_secret_set(client_id="leverancier", secret="a-new-secret-that-is-long-enough-too!")
    assert _get(old).status_code == 401
    assert _get(token("leverancier", "a-new-secret-that-is-long-enough-too!")).status_code == 200


def test_removed_rights_apply_at_once_in_the_process_that_changed_them(applicatie):
    from mijnservices.registrations.autorisaties.services import applicatie_update

    bearer = token("leverancier", SECRET)
    assert _get(bearer).status_code == 200
    applicatie_update(
        applicatie=applicatie,
        label=applicatie.label,
        client_ids=["leverancier"],
        heeft_alle_autorisaties=False,
        autorisaties=[{"component": "nrc", "scopes": ["notificaties.consumeren"]}],
    )
    assert _get(bearer).status_code == 403


def test_without_a_cache_time_every_request_reads_the_client(applicatie, settings):
    settings.API_CLIENT_CACHE_SECONDS = 0
    bearer = token("leverancier", SECRET)
    assert _get(bearer).status_code == 200
    from mijnservices.registrations.autorisaties.models import ClientCredential

    ClientCredential.objects.filter(client_id="leverancier").update(
        secret="changed-behind-the-back!!"
    )
    assert _get(bearer).status_code == 401


def test_an_expired_token_is_refused_even_when_its_claims_were_cached(applicatie, settings):
    bearer = token("leverancier", SECRET, iat=time.time() - 100)
    assert _get(bearer).status_code == 200
    settings.JWT_EXPIRY = 10
    settings.JWT_LEEWAY = 0
    assert _get(bearer).status_code == 401
