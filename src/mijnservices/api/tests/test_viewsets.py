"""Protocol details every ZGW API shares, exercised on the Catalogi API."""

from __future__ import annotations

import pytest

from mijnservices.testing.api import api_client, assert_matches_official_spec
from mijnservices.testing.factories import published_zaaktype

pytestmark = pytest.mark.django_db


@pytest.fixture
def client():
    return api_client(heeft_alle_autorisaties=True)


def test_every_response_carries_the_api_version(client):
    assert client.get("/catalogi/api/v1/zaaktypen")["API-version"] == "1.3.3"
    assert client.get("/autorisaties/api/v1/applicaties")["API-version"] == "1.1.0"


def test_error_responses_carry_the_api_version_too(client):
    response = client.get("/catalogi/api/v1/zaaktypen?onbekend=1")
    assert response["API-version"] == "1.3.3"


def test_unknown_query_parameter_answers_400_with_invalid_params(client):
    response = client.get("/catalogi/api/v1/zaaktypen?foo=bar")
    assert response.status_code == 400
    body = response.json()
    assert response["Content-Type"] == "application/problem+json"
    assert body["code"] == "unknown-parameters"
    assert body["invalidParams"][0]["name"] == "nonFieldErrors"
    assert_matches_official_spec("catalogi", response)


def test_list_is_paginated_with_count_next_previous_results(client, settings):
    settings.API_PAGE_SIZE = 1
    published_zaaktype(identificatie="ZT-A")
    published_zaaktype(identificatie="ZT-B")
    body = client.get("/catalogi/api/v1/zaaktypen").json()
    assert set(body) == {"count", "next", "previous", "results"}
    assert body["count"] == 2
    assert body["next"].endswith("page=2")
    second = client.get("/catalogi/api/v1/zaaktypen?page=2")
    assert second.status_code == 200
    assert_matches_official_spec("catalogi", second)


def test_detail_has_an_etag_and_if_none_match_answers_304(client):
    zaaktype = published_zaaktype()
    url = f"/catalogi/api/v1/zaaktypen/{zaaktype.uuid}"
    first = client.get(url)
    etag = first["ETag"]
    assert etag.startswith('"')
    again = client.get(url, HTTP_IF_NONE_MATCH=etag)
    assert again.status_code == 304
    assert again.content == b""
    assert client.get(url, HTTP_IF_NONE_MATCH='"other"').status_code == 200


def test_etag_changes_when_the_resource_changes(client):
    zaaktype = published_zaaktype()
    url = f"/catalogi/api/v1/zaaktypen/{zaaktype.uuid}"
    before = client.get(url)["ETag"]
    zaaktype.toelichting = "changed"
    zaaktype.save()
    assert client.get(url)["ETag"] != before


def test_head_gives_the_headers_of_a_get(client):
    zaaktype = published_zaaktype()
    response = client.head(f"/catalogi/api/v1/zaaktypen/{zaaktype.uuid}")
    assert response.status_code == 200
    assert response["ETag"]


def test_not_found_is_a_problem(client):
    response = client.get("/catalogi/api/v1/zaaktypen/7b1b4bbc-5f7b-4b8e-9d5a-0a0e8c7c2c10")
    assert response.status_code == 404
    assert response.json()["code"] == "not_found"
    assert_matches_official_spec("catalogi", response)


def test_response_keys_are_camel_case(client):
    published_zaaktype()
    result = client.get("/catalogi/api/v1/zaaktypen").json()["results"][0]
    assert "beginGeldigheid" in result and "begin_geldigheid" not in result


def _api_routes_with_a_path_parameter() -> list[str]:
    """Every API route that takes an id, with each id replaced by a non-UUID segment."""
    import re

    from django.urls import URLPattern, URLResolver, get_resolver

    def walk(patterns: list, prefix: str) -> list[str]:
        found: list[str] = []
        for entry in patterns:
            if isinstance(entry, URLResolver):
                found += walk(entry.url_patterns, prefix + str(entry.pattern))
            elif isinstance(entry, URLPattern):
                found.append(prefix + str(entry.pattern))
        return found

    paths = set()
    for route in walk(get_resolver().url_patterns, "/"):
        if "/api/v1/" not in route or "format" in route:
            continue
        path = re.sub(r"\(\?P<[^>]+>[^)]*\)|<[^>]+>", "not-a-uuid", route)
        if path == route:
            continue
        paths.add(path.replace("^", "").replace("$", "").replace("\\", ""))
    return sorted(paths)


def test_a_non_uuid_path_segment_answers_404_problem_on_every_detail_route(client, caplog):
    paths = _api_routes_with_a_path_parameter()
    assert "/zaken/api/v1/zaken/not-a-uuid" in paths
    assert "/besluiten/api/v1/besluiten/not-a-uuid/audittrail" in paths
    wrong = []
    for path in paths:
        for method in ("get", "put", "patch", "delete"):
            response = getattr(client, method)(path, data={}, content_type="application/json")
            if response.status_code in (403, 405):  # no scope for it / no such method: fine
                continue
            problem = response["Content-Type"] == "application/problem+json"
            if response.status_code != 404 or not problem:
                wrong.append((method, path, response.status_code))
    assert wrong == [], "\n".join(map(str, wrong))


def test_a_body_that_is_no_json_answers_400_with_invalid_params(client):
    response = client.post(
        "/catalogi/api/v1/zaaktypen", "{not json", content_type="application/json"
    )
    assert response.status_code == 400
    assert response["Content-Type"] == "application/problem+json"
    assert response.json()["invalidParams"][0]["name"] == "nonFieldErrors"
    assert_matches_official_spec("catalogi", response)


@pytest.mark.parametrize("page", ["99", "0", "abc"])
def test_a_page_out_of_range_answers_400_on_page(client, page):
    published_zaaktype(identificatie="ZT-P")
    response = client.get(f"/catalogi/api/v1/zaaktypen?page={page}")
    assert response.status_code == 400
    assert response.json()["invalidParams"][0]["name"] == "page"
    assert_matches_official_spec("catalogi", response)


@pytest.mark.parametrize(
    "accept",
    [None, "*/*", "application/json", "application/json; indent=2", "text/csv", ""],
)
def test_a_repeated_accept_header_is_negotiated_as_the_first_time(client, monkeypatch, accept):
    from mijnservices.api import viewsets

    published_zaaktype(identificatie="ZT-A")
    headers = {} if accept is None else {"HTTP_ACCEPT": accept}
    with monkeypatch.context() as patch:  # DRF's own negotiation, every time
        patch.setattr(viewsets, "MAX_NEGOTIATED", 0)
        patch.setattr(viewsets, "_NEGOTIATED", {})
        patch.setattr(viewsets.ZGWViewMixin, "perform_content_negotiation", _drf_negotiation)
        reference = client.get("/catalogi/api/v1/zaaktypen", **headers)
    for _ in range(2):  # the answer negotiated once, then kept
        answer = client.get("/catalogi/api/v1/zaaktypen", **headers)
        assert answer.status_code == reference.status_code
        assert answer["Content-Type"] == reference["Content-Type"]
        if reference.status_code >= 400:  # a problem names its own instance
            assert {**answer.json(), "instance": ""} == {**reference.json(), "instance": ""}
        else:
            assert answer.content == reference.content


def _drf_negotiation(self, request, force=False):
    from rest_framework.views import APIView

    return APIView.perform_content_negotiation(self, request, force)
