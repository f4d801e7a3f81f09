from __future__ import annotations

import time

import pytest

from mijnservices.api.parsers import json_depth, json_loads_limited
from mijnservices.registrations.zaken.models import Zaak
from mijnservices.testing.api import api_client

CRS = {"Accept-Crs": "EPSG:4326", "Content-Crs": "EPSG:4326"}


@pytest.mark.parametrize(
    ("text", "depth"),
    [
        ("1", 0),
        ("[]", 1),
        ('{"a": [1, {"b": "]]]]{{{"}]}', 3),
        ('["\\"[[[", [[]]]', 3),
        ("[" * 600 + "]" * 600, 600),
    ],
)
def test_the_depth_of_a_json_document_ignores_brackets_inside_strings(text, depth):
    assert json_depth(text) == depth


def test_a_document_deeper_than_the_limit_is_refused_before_parsing():
    with pytest.raises(ValueError, match="nested 40 levels"):
        json_loads_limited("[" * 40 + "]" * 40, max_depth=32)
    assert json_loads_limited(b'{"a": [[1]]}', max_depth=3) == {"a": [[1]]}


@pytest.mark.django_db
def test_a_deeply_nested_body_answers_400_at_once_and_writes_nothing():
    client = api_client(heeft_alle_autorisaties=True)
    body = '{"zaaktype": ' + "[" * 600 + "]" * 600 + "}"
    started = time.perf_counter()
    response = client.post(
        "/zaken/api/v1/zaken", body, content_type="application/json", headers=CRS
    )
    assert time.perf_counter() - started < 1
    assert response.status_code == 400
    assert response["Content-Type"].startswith("application/problem+json")
    assert "nested" in response.json()["detail"]
    assert not Zaak.objects.exists()


@pytest.mark.django_db
def test_a_body_that_is_not_utf8_answers_400():
    client = api_client(heeft_alle_autorisaties=True)
    response = client.post(
        "/zaken/api/v1/zaken", b'{"a": "\xff"}', content_type="application/json", headers=CRS
    )
    assert response.status_code == 400
    assert response["Content-Type"].startswith("application/problem+json")
