"""The KPI pages: who may see them, the dashboard's figures and queries, export, imports and
the business case."""

from __future__ import annotations

import io
from datetime import date, timedelta

import pytest
from django.db import connection
from django.test.utils import CaptureQueriesContext
from django.utils import timezone
from openpyxl import load_workbook

from mijnservices.registrations.zaken import services as zaken_services
from mijnservices.services.kpis.aggregates import figures_rebuild
from mijnservices.services.kpis.imports import baseline_set, go_live_set
from mijnservices.testing.factories import published_zaaktype

pytestmark = pytest.mark.django_db


@pytest.fixture
def figures(db):
    today = timezone.localdate()
    zaaktype = published_zaaktype(identificatie="ZT-KPI", steps=2)
    for n in range(3):
        zaken_services.zaak_create(zaaktype=zaaktype, startdatum=today - timedelta(days=40 + n))
    figures_rebuild(start=today - timedelta(days=60), end=today)
    return zaaktype


@pytest.mark.parametrize("role", ["kcc", "behandelaar_a", "auditor", "none"])
def test_only_the_beheerder_and_the_manager_see_the_kpis(employee_client, role):
    client = employee_client(role)
    for url in (
        "/medewerker/kpi/",
        "/medewerker/kpi/export.csv",
        "/medewerker/kpi/nulmeting/",
        "/medewerker/kpi/businesscase/",
    ):
        assert client.get(url).status_code == 404


@pytest.mark.parametrize("role", ["beheerder", "manager"])
def test_the_start_page_links_to_the_dashboard(employee_client, role):
    page = employee_client(role).get("/medewerker/").content.decode()
    assert 'href="/medewerker/kpi/"' in page


def test_the_dashboard_shows_each_chart_with_its_table(employee_client, figures):
    response = employee_client("manager").get("/medewerker/kpi/?zaaktype=ZT-KPI")
    page = response.content.decode()
    assert response.status_code == 200
    assert page.count('role="img"') == 7
    assert page.count("<desc id=") == 7
    assert 'id="chart-verzoeken-caption"' in page
    assert "<code>verzoeken</code>" in page
    # Portal use beside the KPIs: in the totals and as a trend.
    assert "<code>portaal_logins</code>" in page
    assert 'id="chart-portaal_zaakweergaven-caption"' in page


def test_the_dashboard_compares_before_and_after_the_go_live(employee_client, figures):
    today = timezone.localdate()
    go_live_set(zaaktype="ZT-KPI", datum=today - timedelta(days=20))
    baseline_set(
        zaaktype="ZT-KPI",
        period_start=date(2025, 1, 1),
        period_end=date(2025, 1, 30),
        kpi="contacten_voortgang",
        value=120,
    )
    page = employee_client("beheerder").get("/medewerker/kpi/?zaaktype=ZT-KPI").content.decode()
    assert 'id="before-after-heading"' in page
    assert 'id="chart-before-after-title"' in page
    assert "120,0" in page  # 120 over 30 days: 120 per month


def test_the_dashboard_uses_a_constant_number_of_queries(employee_client, figures):
    client = employee_client("manager")
    url = "/medewerker/kpi/?zaaktype=ZT-KPI&periode=day"
    go_live_set(zaaktype="ZT-KPI", datum=timezone.localdate() - timedelta(days=20))
    client.get(url)  # warm: per-process caches (decision 0040)
    with CaptureQueriesContext(connection) as few:
        client.get(url)
    more = published_zaaktype(identificatie="ZT-KPI-2", steps=2)
    for n in range(20):
        zaken_services.zaak_create(zaaktype=more, startdatum=timezone.localdate() - timedelta(n))
    figures_rebuild(start=timezone.localdate() - timedelta(days=30), end=timezone.localdate())
    client.get(url)  # a new zaaktype moved the caches' generation (decision 0043): warm again
    with CaptureQueriesContext(connection) as many:
        client.get(url + "&van=2025-01-01")
    assert len(many) == len(few)


def test_an_invalid_filter_says_what_is_wrong(employee_client):
    response = employee_client("manager").get("/medewerker/kpi/?van=2026-02-01&tot=2026-01-01")
    assert "Het einde ligt voor het begin." in response.content.decode()


def test_the_export_is_csv_with_stable_identifiers(employee_client, figures):
    response = employee_client("manager").get("/medewerker/kpi/export.csv?periode=quarter")
    lines = response.content.decode().splitlines()
    assert response["Content-Type"].startswith("text/csv")
    assert lines[0] == "zaaktype,periode,van,tot_en_met,kpi,waarde"
    assert any(line.startswith("ZT-KPI,") and ",verzoeken,3" in line for line in lines)
    assert any(line.startswith("*,") for line in lines)


def test_the_spreadsheet_export_opens_and_reads_back_the_figures(employee_client, figures):
    client = employee_client("manager")
    dashboard = client.get("/medewerker/kpi/?periode=quarter")
    assert "/medewerker/kpi/export.xlsx?" in dashboard.content.decode()
    response = client.get("/medewerker/kpi/export.xlsx?periode=quarter")
    assert response["Content-Type"] == (
        "application/vnd.openxmlformats-officedocument.spreadsheetml.sheet"
    )
    assert response["Content-Disposition"].endswith('.xlsx"')
    sheet = load_workbook(io.BytesIO(response.content), read_only=True)["kpis"]
    rows = list(sheet.iter_rows(values_only=True))
    assert rows[0] == ("zaaktype", "periode", "van", "tot_en_met", "kpi", "waarde")
    values = {(row[0], row[1], row[4]): row[5] for row in rows[1:]}
    quarters = {period for zaaktype, period, kpi in values if zaaktype == "ZT-KPI"}
    assert sum(values[("ZT-KPI", quarter, "verzoeken")] or 0 for quarter in quarters) == 3
    assert all(isinstance(v, int | float) or v is None for v in values.values())


def test_an_import_with_a_bad_row_shows_the_line_and_imports_nothing(employee_client):
    from django.core.files.uploadedfile import SimpleUploadedFile

    text = "zaaktype;van;tot_en_met;kpi;waarde\nZT-KPI;2025-01-01;2025-12-31;verzoeken;x\n"
    response = employee_client("beheerder").post(
        "/medewerker/kpi/nulmeting/",
        {
            "action": "import",
            "soort": "baseline",
            "bestand": SimpleUploadedFile("b.csv", text.encode()),
        },
    )
    page = response.content.decode()
    assert "Regel 2" in page and "waarde is geen getal: x" in page


def test_the_business_case_page_computes_and_saves_a_scenario(employee_client):
    client = employee_client("manager")
    data = {
        "kanaal_1": "telefoon",
        "volume_1": "400000",
        "aandeel_1": "40",
        "kosten_1": "11",
        "reductie": "100",
        "eenmalig_projectmanager": "100000",
        "naam": "Den Haag",
    }
    page = client.post(
        "/medewerker/kpi/businesscase/", {**data, "action": "compute"}
    ).content.decode()
    assert "1.760.000,00" in page or "1,760,000.00" in page
    response = client.post("/medewerker/kpi/businesscase/", {**data, "action": "save"})
    assert response.status_code == 302
    assert "Den Haag" in client.get("/medewerker/kpi/businesscase/").content.decode()


def test_every_kpi_page_string_has_a_dutch_translation():
    from pathlib import Path

    import polib

    from mijnservices.portal.tests.test_translations import (
        DUTCH_PO,
        _python_msgids,
        _template_msgids,
    )

    root = Path(__file__).resolve().parents[2]
    found: set[str] = set()
    templates = root / "kcc" / "templates" / "kcc"
    for template in [*templates.glob("*kpi*.html"), templates / "mto.html"]:
        found |= _template_msgids(template)
    modules = sorted((root / "services" / "kpis").glob("*.py"))
    kcc = [root / "kcc" / name for name in ("forms_kpi.py", "kpi_views.py", "mto_views.py")]
    for module in [*kcc, *modules]:
        found |= _python_msgids(module)
    translated = {e.msgid for e in polib.pofile(str(DUTCH_PO)) if e.msgstr or e.msgstr_plural}
    assert len(found) > 100
    assert sorted(found - translated) == []


def test_the_dashboard_is_in_dutch_by_default(employee_client, figures):
    page = employee_client("manager").get("/medewerker/kpi/").content.decode()
    assert (
        "KPI&#x27;s: het effect van MijnZaken" in page or "KPI's: het effect van MijnZaken" in page
    )


def test_an_employee_answers_the_mto_once_and_results_wait_for_five(employee_client, figures):
    client = employee_client("kcc")
    assert 'href="/medewerker/tevredenheid/"' in client.get("/medewerker/").content.decode()
    response = client.post("/medewerker/tevredenheid/", {"rechten": "soms", "open": ""})
    assert response.status_code == 302
    assert "dit kwartaal ingevuld" in client.get("/medewerker/tevredenheid/").content.decode()
    client.post("/medewerker/uitloggen/")
    page = employee_client("manager").get("/medewerker/kpi/").content.decode()
    assert 'id="mto-heading"' in page
    assert "Tot nu toe 1 antwoord" in page
