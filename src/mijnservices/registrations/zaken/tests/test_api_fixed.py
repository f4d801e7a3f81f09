"""The BSN search and the zaak detail run queries compiled once per shape (decision 0044):
no filter set, no query compiled by Django on a warm request, three statements each. The
answers themselves are compared with the serializer's in ``test_api_lean.py``."""

from __future__ import annotations

from typing import Any

import pytest
from django.db import connection
from django.db.models.sql.compiler import SQLCompiler
from django.test.utils import CaptureQueriesContext

from mijnservices.registrations.autorisaties.models import Applicatie
from mijnservices.registrations.zaken.api import filters
from mijnservices.registrations.zaken.tests.api_helpers import BASE, zaaktype_url, zaken_client
from mijnservices.testing.factories import ZaakFactory, published_zaaktype

pytestmark = pytest.mark.django_db
BSN = "999993653"
SEARCH = f"{BASE}/zaken?rol__betrokkeneIdentificatie__natuurlijkPersoon__inpBsn={BSN}"
# The zaken (or zaak), their children with the rollen's parties, the read log (one
# statement on PostgreSQL, two INSERTs in a transaction on SQLite).
STATEMENTS = 3 if connection.vendor == "postgresql" else 4


@pytest.fixture
def zaken(settings: Any) -> dict[str, Any]:
    settings.API_CLIENT_CACHE_SECONDS = 3600  # the client is read once, however slow the setup
    zaaktype = published_zaaktype(steps=2)
    other = published_zaaktype(steps=2)
    mine = [ZaakFactory(zaaktype=zaaktype, for_bsn=BSN) for _ in range(3)]
    hidden = ZaakFactory(zaaktype=other, for_bsn=BSN)
    client = zaken_client(client_id="limited", zaaktypen={zaaktype: (["zaken.lezen"], "geheim")})
    return {"mine": mine, "hidden": hidden, "client": client, "other": other}


class _Counting:
    def __init__(self, monkeypatch: pytest.MonkeyPatch, cls: Any, name: str) -> None:
        self.calls = 0
        original = getattr(cls, name)

        def counted(*args: Any, **kwargs: Any) -> Any:
            self.calls += 1
            return original(*args, **kwargs)

        monkeypatch.setattr(cls, name, counted)


def test_the_bsn_search_builds_no_filter_set(zaken, monkeypatch):
    built = _Counting(monkeypatch, filters.ZaakFilter, "__init__")
    response = zaken["client"].get(SEARCH)
    assert response.status_code == 200
    assert response.json()["count"] == 3
    assert built.calls == 0
    # Any other parameter still goes through the filter set.
    assert zaken["client"].get(f"{SEARCH}&ordering=-startdatum").status_code == 200
    assert built.calls == 1


@pytest.mark.parametrize("path", ["search", "detail"])
def test_a_warm_bsn_search_or_detail_compiles_no_query_and_runs_three_statements(
    zaken, monkeypatch, path
):
    url = SEARCH if path == "search" else f"{BASE}/zaken/{zaken['mine'][0].uuid}"
    assert zaken["client"].get(url).status_code == 200  # compiles its shape once
    compiled = _Counting(monkeypatch, SQLCompiler, "as_sql")
    with CaptureQueriesContext(connection) as queries:
        assert zaken["client"].get(url).status_code == 200
    assert compiled.calls == 0
    statements = [q["sql"] for q in queries if "SAVEPOINT" not in q["sql"]]  # the test's
    assert len(statements) == STATEMENTS


def test_a_zaak_outside_the_clients_rights_answers_403_and_one_that_is_not_there_404(zaken):
    client = zaken["client"]
    assert client.get(f"{BASE}/zaken/{zaken['hidden'].uuid}").status_code == 403
    missing = f"{BASE}/zaken/00000000-0000-4000-8000-000000000001"
    assert client.get(missing).status_code == 404
    search = client.get(SEARCH).json()
    assert {item["uuid"] for item in search["results"]} == {str(z.uuid) for z in zaken["mine"]}


def test_a_client_whose_rights_change_is_answered_by_its_new_rights(zaken, settings):
    settings.API_CLIENT_CACHE_SECONDS = 0  # read the client on every request
    client = zaken["client"]
    detail = f"{BASE}/zaken/{zaken['mine'][0].uuid}"
    assert client.get(detail).status_code == 200
    assert client.get(SEARCH).json()["count"] == 3
    applicatie = Applicatie.objects.get(credentials__client_id="limited")
    autorisatie = applicatie.autorisaties.get()
    autorisatie.zaaktype = zaaktype_url(zaken["other"])  # the hidden zaak's zaaktype instead
    autorisatie.save()
    assert client.get(detail).status_code == 403
    assert [item["uuid"] for item in client.get(SEARCH).json()["results"]] == [
        str(zaken["hidden"].uuid)
    ]


def test_zaken_on_the_same_date_come_in_one_order_whatever_the_query_plan(zaken):
    # Ordering by a date leaves ties to the plan (the lean and the serializer's query have
    # different plans); the zaak's id breaks them, on every read and page.
    with CaptureQueriesContext(connection) as queries:
        response = zaken["client"].get(f"{SEARCH}&ordering=-startdatum")
    assert response.status_code == 200
    main = next(q["sql"] for q in queries if 'FROM "zaken_zaak"' in q["sql"])
    order = main.split("ORDER BY")[-1].split("LIMIT")[0].strip()
    assert order.endswith((", 1 ASC", '"id" ASC'))  # the id: the first column of the rows
    assert [item["uuid"] for item in response.json()["results"]] == [
        str(zaak.uuid) for zaak in zaken["mine"]
    ]
