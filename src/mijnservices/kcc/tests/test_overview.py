"""The klantbeeld shows what the resident sees of their contacts with the municipality:
tasks, messages and whether they were read, notifications and their delivery result,
contact preferences; and a person can be found by name and date of birth."""

from __future__ import annotations

from datetime import date, timedelta

from django.db import connection
from django.test.utils import CaptureQueriesContext
from django.utils import timezone

from mijnservices.core.identity import Party
from mijnservices.kcc.tests.conftest import BSN
from mijnservices.registrations.berichten.services import bericht_mark_opened, bericht_publish
from mijnservices.registrations.taken.models import TaakSoort
from mijnservices.registrations.taken.services import taak_create
from mijnservices.services.notifications.models import Notification
from mijnservices.services.profiel.services import voorkeuren_update

PARTY = Party("bsn", BSN)


def _taak(titel: str) -> None:
    taak_create(
        taak_soort=TaakSoort.URLTAAK,
        titel=titel,
        is_toegewezen_aan=PARTY,
        einddatum_handelings_termijn=timezone.localdate() + timedelta(days=5),
        details={"uitvraagLink": "https://example.org/upload"},
    )


def _notification(n: int, status: str = "delivered") -> None:
    now = timezone.now()
    Notification.objects.create(
        dedup_key=f"test-{n}",
        event_id=str(n),
        trigger="status",
        party_kind="bsn",
        party_identifier=BSN,
        kanaal="email",
        adres="suzanne@example.org",
        onderwerp=f"Nieuwe stap in uw zaak {n}",
        tekst="…",
        tekst_sha256="0" * 64,
        status=status,
        next_attempt_at=now,
        created_at=now,
    )


def _open_klantbeeld(employee_client):
    client = employee_client("kcc")
    client.post("/medewerker/", {"kind": "bsn", "q": BSN})
    return client


def test_klantbeeld_shows_tasks_messages_notifications_and_preferences(world, employee_client):
    _taak("Betaal de leges")
    read = bericht_publish(ontvanger=PARTY, onderwerp="Gelezen bericht", bericht_tekst="x")
    bericht_publish(ontvanger=PARTY, onderwerp="Nieuw bericht", bericht_tekst="y")
    bericht_mark_opened(bericht=read, party=PARTY)
    _notification(1, status="permanent-failure")
    voorkeuren_update(
        party=PARTY, voorkeurskanaal="sms", uitgezet=["bericht"], alleen_digitaal=True
    )
    page = _open_klantbeeld(employee_client).get("/medewerker/klantbeeld/").content.decode()
    assert "Betaal de leges" in page
    assert "Gelezen bericht · read" in page or "Gelezen bericht · gelezen" in page
    assert "Nieuw bericht · not read yet" in page or "Nieuw bericht · nog niet gelezen" in page
    assert "Nieuwe stap in uw zaak 1" in page
    assert "Permanent failure" in page
    assert "suzanne@example.org" not in page  # the address is masked
    assert "s…@example.org" in page
    assert "SMS" in page


def test_klantbeeld_query_count_does_not_grow_with_tasks_messages_notifications(
    world, employee_client
):
    _taak("Taak 0")
    bericht_publish(ontvanger=PARTY, onderwerp="Bericht 0", bericht_tekst="x")
    _notification(0)
    client = _open_klantbeeld(employee_client)
    client.get("/medewerker/klantbeeld/")  # warm: per-process caches (decision 0040)
    with CaptureQueriesContext(connection) as few:
        client.get("/medewerker/klantbeeld/")
    for n in range(1, 5):
        _taak(f"Taak {n}")
        bericht_publish(ontvanger=PARTY, onderwerp=f"Bericht {n}", bericht_tekst="x")
        _notification(n)
    with CaptureQueriesContext(connection) as many:
        page = client.get("/medewerker/klantbeeld/").content.decode()
    assert "Taak 4" in page and "Bericht 4" in page and "Nieuwe stap in uw zaak 4" in page
    assert len(many) == len(few)


def test_find_a_person_by_name_and_date_of_birth(world, employee_client, settings):
    settings.DEMO_MODE = True  # the demo BRP knows Suzanne Jansen, born 14 March 1981
    client = employee_client("kcc")
    found = client.post(
        "/medewerker/", {"kind": "naam", "q": "jansen", "geboortedatum": "14-03-1981"}
    )
    assert found["Location"] == "/medewerker/klantbeeld/"
    assert world.zaak_a.identificatie in client.get("/medewerker/klantbeeld/").content.decode()


def test_name_with_the_wrong_birth_date_or_without_one_finds_nobody(
    world, employee_client, settings
):
    settings.DEMO_MODE = True
    client = employee_client("kcc")
    wrong = client.post(
        "/medewerker/", {"kind": "naam", "q": "Jansen", "geboortedatum": "15-03-1981"}
    )
    assert wrong.status_code == 400
    missing = client.post("/medewerker/", {"kind": "naam", "q": "Jansen"})
    assert missing.status_code == 400
    assert "Jansen" in missing.content.decode()  # what was typed stays


def test_birth_date_is_checked_in_the_brp(db, settings):
    from mijnservices.services.casework.search import party_by_name_and_birth_date

    settings.DEMO_MODE = True
    assert party_by_name_and_birth_date("Suzanne", date(1981, 3, 14)) == PARTY
    assert party_by_name_and_birth_date("Suzanne", date(1981, 3, 15)) is None
    assert party_by_name_and_birth_date("S", date(1981, 3, 14)) is None
