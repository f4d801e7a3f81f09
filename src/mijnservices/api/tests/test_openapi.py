"""The committed OpenAPI copies match the code, and differ from the official specs only
where docs/standards.md says so."""

from __future__ import annotations

from pathlib import Path

import pytest
import yaml

from mijnservices.api.schema import APIS, render_schema
from mijnservices.testing.api import OFFICIAL
from mijnservices.testing.openapi_diff import differences

ACCEPTED_FILE = Path(__file__).with_name("accepted_spec_differences.yaml")


@pytest.mark.parametrize("name", sorted(APIS))
def test_committed_openapi_matches_the_code(name):
    assert APIS[name].committed.read_text() == render_schema(name), (
        "run `mijnservices openapi` and commit the result"
    )


@pytest.mark.parametrize("name", sorted(APIS))
def test_served_schema_differs_from_the_official_spec_only_where_accepted(name):
    ours = yaml.safe_load(APIS[name].committed.read_text())
    official = yaml.safe_load(OFFICIAL[name].read_text())
    accepted = yaml.safe_load(ACCEPTED_FILE.read_text())[name]
    found = differences(ours, official)
    unexpected = [d for d in found if not any(d.startswith(prefix) for prefix in accepted)]
    assert not unexpected, "Not listed in docs/standards.md:\n" + "\n".join(unexpected)
    stale = [prefix for prefix in accepted if not any(d.startswith(prefix) for d in found)]
    assert not stale, "Accepted differences that no longer occur:\n" + "\n".join(stale)


@pytest.mark.django_db
def test_schema_is_served_without_login(client):
    response = client.get("/catalogi/api/v1/schema/openapi.yaml")
    assert response.status_code == 200
    assert b"Catalogi API" in response.content


@pytest.mark.django_db
@pytest.mark.parametrize("language", ["en", "nl"])
def test_served_schema_is_the_committed_copy_in_any_request_language(client, language):
    """The standards are Dutch: the served document does not follow Accept-Language."""
    response = client.get("/autorisaties/api/v1/schema/openapi.yaml", HTTP_ACCEPT_LANGUAGE=language)
    served = yaml.safe_load(response.content)
    committed = yaml.safe_load(APIS["autorisaties"].committed.read_text())
    assert served["components"] == committed["components"]
