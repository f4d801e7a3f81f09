"""Nobody reaches another person's zaak: per route, by URL and by form, for a second person
and for a representative whose machtiging does not cover the zaak. Businesses: KvK-nummer
and vestiging. Every action is logged with both identities, never with a BSN."""

from __future__ import annotations

import pytest
import structlog
from django.test import Client

from mijnservices.portal.auth import SESSION_KEY
from mijnservices.registrations.zaken import services as zaken_services
from mijnservices.testing.factories import ZaakFactory, published_zaaktype

pytestmark = pytest.mark.django_db

SUZANNE, ELS, KEES = "999993653", "999991589", "999992570"
BAKKERIJ = "69599084"


def _as_representative(client: Client, *, zaaktypen: list[str]) -> Client:
    """Kees acts for Els with a machtiging for ``zaaktypen`` only."""
    session = client.session
    session[SESSION_KEY] = {
        "actor": {"kind": "bsn", "identifier": KEES, "vestiging": "", "name": "Kees de Vries"},
        "auth_method": "digid",
        "represented": {"kind": "bsn", "identifier": ELS, "vestiging": "", "name": "Els de Vries"},
        "mandate": "familie",
        "mandate_zaaktypen": zaaktypen,
    }
    session.save()
    return client


@pytest.fixture
def zaken():
    covered = published_zaaktype(identificatie="GEDEKT")
    other = published_zaaktype(identificatie="NIET-GEDEKT")
    return {
        "els_covered": ZaakFactory.create(zaaktype=covered, for_bsn=ELS),
        "els_not_covered": ZaakFactory.create(zaaktype=other, for_bsn=ELS),
        "suzanne": ZaakFactory.create(zaaktype=covered, for_bsn=SUZANNE),
    }


def _routes(zaak) -> list[tuple[str, str, dict[str, str]]]:
    """Every way to ask for one zaak: (method, path, form data)."""
    url = f"/mijn-zaken/{zaak.uuid}/"
    return [
        ("get", url, {}),
        ("post", "/taal/", {"language": "nl", "next": url}),
        ("post", "/sessie/verlengen/", {"next": url}),
    ]


def _status_of(client: Client, method: str, path: str, data: dict[str, str]) -> int:
    response = getattr(client, method)(path, data, follow=True)
    return response.status_code


@pytest.mark.parametrize("route", range(3))
def test_a_second_person_gets_404_for_someone_elses_zaak(login_as, zaken, route):
    client = login_as(SUZANNE)
    method, path, data = _routes(zaken["els_covered"])[route]
    assert _status_of(client, method, path, data) == 404


@pytest.mark.parametrize("route", range(3))
def test_a_representative_gets_404_outside_the_machtiging(client: Client, zaken, route):
    _as_representative(client, zaaktypen=["GEDEKT"])
    method, path, data = _routes(zaken["els_not_covered"])[route]
    assert _status_of(client, method, path, data) == 404


@pytest.mark.parametrize("route", range(3))
def test_a_representative_gets_404_for_a_stranger_zaak(client: Client, zaken, route):
    _as_representative(client, zaaktypen=[])
    method, path, data = _routes(zaken["suzanne"])[route]
    assert _status_of(client, method, path, data) == 404


def test_the_demo_login_form_cannot_lead_to_someone_elses_zaak(client: Client, zaken, settings):
    settings.DEMO_MODE = True
    url = f"/mijn-zaken/{zaken['els_covered'].uuid}/"
    response = client.post(
        "/inloggen/demo/", {"persona": f"bsn:{SUZANNE}", "next": url}, follow=True
    )
    assert response.status_code == 404


def test_a_representative_sees_the_covered_zaak_and_on_whose_behalf(client: Client, zaken):
    _as_representative(client, zaaktypen=["GEDEKT"])
    overview = client.get("/mijn-zaken/").content.decode()
    assert zaken["els_covered"].identificatie in overview
    assert zaken["els_not_covered"].identificatie not in overview
    detail = client.get(f"/mijn-zaken/{zaken['els_covered'].uuid}/").content.decode()
    assert "U handelt namens Els de Vries" in detail


def test_every_action_logs_both_identities_without_a_bsn(client: Client, zaken):
    _as_representative(client, zaaktypen=["GEDEKT"])
    with structlog.testing.capture_logs() as logs:
        client.get("/mijn-zaken/")
        client.get(f"/mijn-zaken/{zaken['els_covered'].uuid}/")
        client.post("/uitloggen/")
    events = {entry["event"]: entry for entry in logs}
    for name in ("zaken_overview_viewed", "zaak_viewed", "citizen_logout"):
        entry = events[name]
        assert entry["on_behalf"] is True
        assert entry["actor"].startswith("bsn-") and entry["party"].startswith("bsn-")
        assert entry["actor"] != entry["party"]
    assert not any(bsn in repr(logs) for bsn in (KEES, ELS))


def _business(client: Client, vestiging: str = "") -> Client:
    session = client.session
    session[SESSION_KEY] = {
        "actor": {"kind": "kvk", "identifier": BAKKERIJ, "vestiging": vestiging, "name": "B"},
        "auth_method": "eherkenning",
        "represented": None,
    }
    session.save()
    return client


@pytest.fixture
def business_zaken():
    whole = ZaakFactory.create(for_kvk=BAKKERIJ)
    zaaktype = whole.zaaktype
    roltype = zaaktype.roltypen.get(omschrijving_generiek="initiator")
    by_branch = {}
    for branch in ("000011112222", "000033334444"):
        zaak = ZaakFactory.create(zaaktype=zaaktype)
        zaken_services.rol_create(
            zaak=zaak,
            roltype=roltype,
            betrokkene_type="vestiging",
            kvk_nummer=BAKKERIJ,
            vestigingsnummer=branch,
        )
        by_branch[branch] = zaak
    return whole, by_branch


def test_a_business_login_without_vestiging_sees_all_zaken_of_its_kvk(client, business_zaken):
    whole, by_branch = business_zaken
    page = _business(client).get("/mijn-zaken/").content.decode()
    for zaak in (whole, *by_branch.values()):
        assert zaak.identificatie in page


def test_a_vestiging_login_sees_the_business_and_only_its_own_vestiging(client, business_zaken):
    whole, by_branch = business_zaken
    _business(client, vestiging="000011112222")
    page = client.get("/mijn-zaken/").content.decode()
    assert whole.identificatie in page
    assert by_branch["000011112222"].identificatie in page
    assert by_branch["000033334444"].identificatie not in page
    other = by_branch["000033334444"]
    assert client.get(f"/mijn-zaken/{other.uuid}/").status_code == 404


def test_the_zaak_pages_sql_compiled_once_keeps_every_party_to_their_own_zaken(
    client: Client, login_as, zaken, business_zaken
):
    # Decision 0047: the zaak page compiles its scoped query once per shape and puts each
    # request's party in; parties of one shape take turns on the same compiled SQL.
    for _round in range(2):
        for bsn, own, other in (
            (SUZANNE, zaken["suzanne"], zaken["els_covered"]),
            (ELS, zaken["els_covered"], zaken["suzanne"]),
        ):
            person = login_as(bsn)
            assert person.get(f"/mijn-zaken/{own.uuid}/").status_code == 200
            assert person.get(f"/mijn-zaken/{other.uuid}/").status_code == 404
        for covered, shown, hidden in (
            ("GEDEKT", "els_covered", "els_not_covered"),
            ("NIET-GEDEKT", "els_not_covered", "els_covered"),
        ):
            _as_representative(client, zaaktypen=[covered])
            assert client.get(f"/mijn-zaken/{zaken[shown].uuid}/").status_code == 200
            assert client.get(f"/mijn-zaken/{zaken[hidden].uuid}/").status_code == 404
        whole, by_branch = business_zaken
        for branch, other in (("000011112222", "000033334444"), ("000033334444", "000011112222")):
            _business(client, vestiging=branch)
            assert client.get(f"/mijn-zaken/{whole.uuid}/").status_code == 200
            assert client.get(f"/mijn-zaken/{by_branch[branch].uuid}/").status_code == 200
            assert client.get(f"/mijn-zaken/{by_branch[other].uuid}/").status_code == 404
