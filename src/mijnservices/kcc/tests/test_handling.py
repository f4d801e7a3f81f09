"""Case handling by the behandelaar, and what the citizen then sees."""

from __future__ import annotations

import re

import pytest
from django.test import Client

from mijnservices.kcc.tests.conftest import BSN
from mijnservices.registrations.verwerkingen.models import Verwerkingsactie
from mijnservices.registrations.zaken.models import SubStatus
from mijnservices.testing.factories import ZaakFactory


def _steps_html(html: str) -> str:
    """The steps list as rendered (the same partial on both pages)."""
    match = re.search(r'<ol class="portal-steps">.*?</ol>', html, re.S)
    assert match
    return match.group(0)


def _citizen() -> Client:
    client = Client()
    session = client.session
    session["portal_citizen"] = {
        "actor": {"kind": "bsn", "identifier": BSN, "vestiging": "", "name": ""},
        "auth_method": "digid",
        "represented": None,
    }
    session.save()
    return client


def test_next_status_with_toelichting_reaches_the_citizen_in_the_same_words(world, employee_client):
    client = employee_client("behandelaar_a")
    zaak = world.zaak_a
    next_type = zaak.zaaktype.statustypen.get(volgnummer=3)
    client.post(
        f"/medewerker/zaak/{zaak.uuid}/status/",
        {"status-statustype": next_type.pk, "status-toelichting": "We bekijken uw stukken."},
    )
    employee_page = client.get(f"/medewerker/zaak/{zaak.uuid}/").content.decode()
    citizen_page = _citizen().get(f"/mijn-zaken/{zaak.uuid}/").content.decode()
    assert "We bekijken uw stukken." in _steps_html(citizen_page)
    assert _steps_html(employee_page) == _steps_html(citizen_page)


def test_kcc_sees_the_very_same_steps_as_the_citizen(world, employee_client):
    client = employee_client("kcc")
    zaak = world.zaak_a
    employee_page = client.get(f"/medewerker/zaak/{zaak.uuid}/").content.decode()
    citizen_page = _citizen().get(f"/mijn-zaken/{zaak.uuid}/").content.decode()
    assert _steps_html(employee_page) == _steps_html(citizen_page)


def test_behandelaar_adds_a_substatus_update(world, employee_client):
    client = employee_client("behandelaar_a")
    zaak = world.zaak_a
    client.post(f"/medewerker/zaak/{zaak.uuid}/update/", {"sub-omschrijving": "Stukken ontvangen"})
    assert SubStatus.objects.filter(zaak=zaak, omschrijving="Stukken ontvangen").exists()


def test_behandelaar_records_the_resultaat_and_closes_the_zaak(world, employee_client):
    client = employee_client("behandelaar_a")
    zaak = world.zaak_a
    resultaattype = zaak.zaaktype.resultaattypen.get()
    response = client.post(
        f"/medewerker/zaak/{zaak.uuid}/afsluiten/", {"close-resultaattype": resultaattype.pk}
    )
    assert response.status_code == 302
    zaak.refresh_from_db()
    assert zaak.einddatum is not None
    assert zaak.resultaat.resultaattype == resultaattype
    page = client.get(f"/medewerker/zaak/{zaak.uuid}/").content.decode()
    assert "close-resultaattype" not in page  # a closed zaak offers no actions


def test_the_final_step_is_not_offered_as_next_step(world, employee_client):
    client = employee_client("behandelaar_a")
    zaak = world.zaak_a
    final = zaak.zaaktype.statustypen.order_by("-volgnummer").first()
    client.post(f"/medewerker/zaak/{zaak.uuid}/status/", {"status-statustype": final.pk})
    zaak.refresh_from_db()
    assert zaak.einddatum is None


def test_work_list_shows_open_zaken_of_own_zaaktypen_only(world, employee_client):
    client = employee_client("behandelaar_a")
    closed = ZaakFactory(zaaktype=world.zaak_a.zaaktype, for_bsn=BSN, closed=True)
    page = client.get("/medewerker/").content.decode()
    assert world.zaak_a.identificatie in page
    assert closed.identificatie not in page
    assert world.zaak_b.identificatie not in page
    assert world.zaak_c.identificatie not in page


def test_work_list_query_count_does_not_grow_with_rows(world, employee_client):
    from django.db import connection
    from django.test.utils import CaptureQueriesContext

    client = employee_client("behandelaar_a")
    client.get("/medewerker/")  # warm: per-process caches (decision 0040)
    with CaptureQueriesContext(connection) as one:
        client.get("/medewerker/")
    for _ in range(5):
        ZaakFactory(zaaktype=world.zaak_a.zaaktype, for_bsn=BSN)
    with CaptureQueriesContext(connection) as many:
        page = client.get("/medewerker/").content.decode()
    assert page.count('class="portal-zaak"') == 6
    assert len(many) == len(one)


def test_klantbeeld_query_count_does_not_grow_with_zaken(world, employee_client):
    from django.db import connection
    from django.test.utils import CaptureQueriesContext

    client = employee_client("kcc")
    client.post("/medewerker/", {"kind": "bsn", "q": BSN})
    client.get("/medewerker/klantbeeld/")  # warm: per-process caches (decision 0040)
    with CaptureQueriesContext(connection) as few:
        client.get("/medewerker/klantbeeld/")
    for _ in range(5):
        ZaakFactory(zaaktype=world.zaak_a.zaaktype, for_bsn=BSN)
    with CaptureQueriesContext(connection) as many:
        page = client.get("/medewerker/klantbeeld/").content.decode()
    assert page.count('class="portal-zaak"') == 7
    assert len(many) == len(few)


@pytest.mark.parametrize(
    ("role", "path", "activiteit"),
    [
        ("kcc", "klantbeeld", "klantbeeld inzien"),
        ("kcc", "zaak", "zaak inzien"),
        ("behandelaar_a", "zaak", "zaak inzien"),
    ],
)
def test_each_personal_data_page_logs_a_verwerking(world, employee_client, role, path, activiteit):
    client = employee_client(role)
    if path == "klantbeeld":
        client.post("/medewerker/", {"kind": "bsn", "q": BSN})
        url = "/medewerker/klantbeeld/"
    else:
        url = f"/medewerker/zaak/{world.zaak_a.uuid}/"
    before = Verwerkingsactie.objects.count()
    assert client.get(url).status_code == 200
    actie = Verwerkingsactie.objects.order_by("-pk").first()
    assert Verwerkingsactie.objects.count() == before + 1
    assert actie.actie_naam == activiteit
    assert actie.doel
    assert actie.gebruiker.startswith("employee:")
    assert actie.verwerkte_objecten.count() == 1
