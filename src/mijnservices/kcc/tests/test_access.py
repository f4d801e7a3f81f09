"""The role matrix: each role sees exactly what the policy in services/access/employees.py
says, on every employee page (404 otherwise)."""

from __future__ import annotations

import pytest

from mijnservices.kcc.tests.conftest import BSN

# role → which of the world's zaken it may open ("a", "b", "c") and whether it may search.
EXPECTED = {
    "kcc": ({"a", "b"}, True),
    "behandelaar_a": ({"a"}, True),
    "behandelaar_b": ({"b"}, True),
    "auditor": (set(), False),
    "beheerder": (set(), False),
    "none": (set(), False),
}


@pytest.mark.parametrize("role", EXPECTED)
def test_each_role_opens_exactly_the_zaken_the_policy_allows(world, employee_client, role):
    client = employee_client(role)
    allowed, _ = EXPECTED[role]
    for name in "abc":
        zaak = getattr(world, f"zaak_{name}")
        response = client.get(f"/medewerker/zaak/{zaak.uuid}/")
        assert response.status_code == (200 if name in allowed else 404), (role, name)


@pytest.mark.parametrize("role", EXPECTED)
def test_each_role_searches_and_sees_its_zaken_in_the_klantbeeld(world, employee_client, role):
    client = employee_client(role)
    allowed, can_search = EXPECTED[role]
    response = client.post("/medewerker/", {"kind": "bsn", "q": BSN})
    if not can_search:
        assert response.status_code == 404
        assert client.get("/medewerker/klantbeeld/").status_code == 404
        return
    assert response["Location"] == "/medewerker/klantbeeld/"
    page = client.get("/medewerker/klantbeeld/").content.decode()
    for name in "abc":
        zaak = getattr(world, f"zaak_{name}")
        assert (zaak.identificatie in page) == (name in allowed), (role, name)


@pytest.mark.parametrize("role", EXPECTED)
def test_only_the_behandelaar_of_the_zaaktype_may_set_a_status(world, employee_client, role):
    client = employee_client(role)
    zaak = world.zaak_a
    next_type = zaak.zaaktype.statustypen.get(volgnummer=3)
    response = client.post(
        f"/medewerker/zaak/{zaak.uuid}/status/", {"status-statustype": next_type.pk}
    )
    zaak.refresh_from_db()
    if role == "behandelaar_a":
        assert response.status_code == 302
        assert zaak.status.statustype == next_type
    else:
        assert response.status_code == 404
        assert zaak.status.statustype.volgnummer == 2


def test_kcc_sees_status_only_for_a_social_domain_zaak(world, employee_client):
    client = employee_client("kcc")
    page = client.get(f"/medewerker/zaak/{world.zaak_b.uuid}/").content.decode()
    assert "status-statustype" not in page
    assert "case team" in page or "zaakteam" in page


def test_a_zaak_above_the_kcc_confidentiality_limit_is_hidden(world, employee_client, settings):
    settings.KCC_MAX_VERTROUWELIJKHEID = "openbaar"
    client = employee_client("kcc")
    assert client.get(f"/medewerker/zaak/{world.zaak_a.uuid}/").status_code == 404


def test_unknown_zaak_and_forbidden_zaak_answer_the_same(world, employee_client):
    import uuid

    client = employee_client("kcc")
    assert client.get(f"/medewerker/zaak/{uuid.uuid4()}/").status_code == 404
    assert client.get(f"/medewerker/zaak/{world.zaak_c.uuid}/").status_code == 404


@pytest.mark.django_db
def test_pages_need_a_login(client):
    for path in ("/medewerker/", "/medewerker/klantbeeld/"):
        assert client.get(path)["Location"].startswith("/medewerker/inloggen/")
