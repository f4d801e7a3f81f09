"""The auditor searches the verwerkingenlogging by person and period, and sees nothing else."""

from __future__ import annotations

from datetime import timedelta

import pytest
from django.db import connection
from django.test.utils import CaptureQueriesContext
from django.utils import timezone

from mijnservices.core.identity import Party
from mijnservices.kcc.tests.conftest import BSN
from mijnservices.registrations.verwerkingen.models import Verwerkingsactie
from mijnservices.registrations.verwerkingen.services import Actor, verwerking_log


def _log(bsn: str, activiteit: str) -> None:
    verwerking_log(
        actor=Actor(kind="employee", id="7", naam="medewerker7", organisatie_eenheid="KCC"),
        activiteit=activiteit,
        doel="klantvraag beantwoorden",
        personen=[Party("bsn", bsn)],
        objecttype="klantbeeld",
    )


def _period() -> dict[str, str]:
    today = timezone.localdate().strftime("%d-%m-%Y")
    return {"van": today, "tot": today}


def test_auditor_finds_who_looked_at_a_person_in_a_period(world, employee_client):
    _log(BSN, "klantbeeld inzien")
    _log("999990627", "zaak inzien")
    client = employee_client("auditor")
    page = client.get("/medewerker/verwerkingen/", {"bsn": BSN, **_period()}).content.decode()
    assert page.count("portal-audit-row") == 1
    assert "klantbeeld inzien" in page and "employee:7" in page
    assert BSN in page  # only as typed in the search field, never from the log
    everyone = client.get("/medewerker/verwerkingen/", _period()).content.decode()
    assert everyone.count("portal-audit-row") >= 2


def test_a_period_before_the_logging_finds_nothing(world, employee_client):
    _log(BSN, "klantbeeld inzien")
    client = employee_client("auditor")
    page = client.get(
        "/medewerker/verwerkingen/", {"bsn": BSN, "van": "01-01-2020", "tot": "31-01-2020"}
    ).content.decode()
    assert "portal-audit-row" not in page


def test_an_invalid_search_shows_the_form_again_with_what_was_typed(world, employee_client):
    client = employee_client("auditor")
    response = client.get("/medewerker/verwerkingen/", {"bsn": "1234", "van": "x", "tot": ""})
    assert response.status_code == 400
    assert 'value="1234"' in response.content.decode()


def test_the_auditors_search_on_a_person_is_itself_logged(world, employee_client):
    client = employee_client("auditor")
    before = Verwerkingsactie.objects.count()
    client.get("/medewerker/verwerkingen/", {"bsn": BSN, **_period()})
    assert Verwerkingsactie.objects.count() == before + 1
    assert Verwerkingsactie.objects.order_by("-pk").first().actie_naam == (
        "verwerkingenlogging inzien"
    )


def test_audit_query_count_does_not_grow_with_rows(world, employee_client):
    _log(BSN, "een")
    client = employee_client("auditor")
    client.get("/medewerker/verwerkingen/", _period())  # warm: per-process caches (0040)
    with CaptureQueriesContext(connection) as one:
        client.get("/medewerker/verwerkingen/", _period())
    for n in range(5):
        _log(BSN, f"actie {n}")
    with CaptureQueriesContext(connection) as many:
        page = client.get("/medewerker/verwerkingen/", _period()).content.decode()
    assert page.count("portal-audit-row") >= 6
    assert len(many) == len(one)


@pytest.mark.parametrize("role", ["kcc", "behandelaar_a", "behandelaar_b", "beheerder", "none"])
def test_only_the_auditor_reaches_the_log(world, employee_client, role):
    client = employee_client(role)
    assert client.get("/medewerker/verwerkingen/", _period()).status_code == 404


def test_the_auditor_reaches_no_personal_data_page(world, employee_client):
    client = employee_client("auditor")
    assert client.post("/medewerker/", {"kind": "bsn", "q": BSN}).status_code == 404
    assert client.get("/medewerker/klantbeeld/").status_code == 404
    assert client.get("/medewerker/doorverwezen/").status_code == 404
    for zaak in (world.zaak_a, world.zaak_b, world.zaak_c):
        assert client.get(f"/medewerker/zaak/{zaak.uuid}/").status_code == 404


def test_the_auditor_sees_names_whose_data_and_which_zaak(world, employee_client):
    # Issue 21: "employee:2" told the auditor nothing.
    from mijnservices.testing.employees import employee_create

    jan = employee_create("jdevries", roles=["kcc"])
    jan.first_name, jan.last_name = "Jan", "de Vries"
    jan.save()
    verwerking_log(
        actor=Actor(kind="employee", id=str(jan.pk), naam="jdevries"),
        activiteit="zaak inzien",
        doel="klantvraag beantwoorden",
        personen=[Party("bsn", BSN)],
        objecttype="zaak",
        objecten=["ZAAK-2026-0000000042"],
    )
    client = employee_client("auditor")
    page = client.get("/medewerker/verwerkingen/", {"bsn": BSN, **_period()}).content.decode()
    assert "Jan de Vries (jdevries)" in page
    assert f"employee:{jan.pk}" not in page
    assert "ZAAK-2026-0000000042" in page
    assert f"BSN {BSN}" in page


def test_the_period_has_defaults_so_a_first_search_needs_no_typing(world, employee_client):
    client = employee_client("auditor")
    page = client.get("/medewerker/verwerkingen/").content.decode()
    today = timezone.localdate()
    assert f'value="{today.strftime("%d-%m-%Y")}"' in page
    start = today - timedelta(days=30)
    assert f'value="{start.strftime("%d-%m-%Y")}"' in page
