"""The verwerkingenlogging: append-only, pseudonymised, purged after the bewaartermijn, and
written for every Zaken API read of personal data."""

from __future__ import annotations

from datetime import timedelta

import pytest
from django.db import DatabaseError, connection, transaction
from django.utils import timezone

from mijnservices.core import worker
from mijnservices.core.identity import Party
from mijnservices.registrations.verwerkingen.models import (
    AppendOnlyError,
    Verwerkingsactie,
    VerwerktObject,
)
from mijnservices.registrations.verwerkingen.selectors import verwerkingen_for
from mijnservices.registrations.verwerkingen.services import (
    Actor,
    verwerking_log,
    verwerkingen_purge,
)
from mijnservices.registrations.zaken.tests.api_helpers import BASE, zaken_client
from mijnservices.testing.factories import ZaakFactory, published_zaaktype

pytestmark = pytest.mark.django_db
SUZANNE, ELS = "999993653", "999991589"
KCC = Actor(kind="employee", id="7", naam="Jan", organisatie_eenheid="Klantcontactcentrum")


def _log(*bsns: str, **kwargs):
    return verwerking_log(
        actor=KCC,
        activiteit="klantbeeld inzien",
        doel="Vraag van de inwoner beantwoorden",
        personen=[Party(kind="bsn", identifier=bsn) for bsn in bsns],
        objecttype="zaak",
        **kwargs,
    )


def test_a_logged_read_cannot_be_changed_or_removed():
    actie = _log(SUZANNE)
    actie.doel = "iets anders"
    with pytest.raises(AppendOnlyError):
        actie.save()
    with pytest.raises(AppendOnlyError):
        actie.delete()
    with pytest.raises(AppendOnlyError):
        Verwerkingsactie.objects.all().delete()
    with pytest.raises(AppendOnlyError):
        VerwerktObject.objects.update(betrokkenheid="x")
    assert Verwerkingsactie.objects.get().doel == "Vraag van de inwoner beantwoorden"


def test_the_log_never_holds_a_bsn_yet_finds_the_person():
    _log(SUZANNE, ELS)
    with connection.cursor() as cursor:
        for table in (Verwerkingsactie._meta.db_table, VerwerktObject._meta.db_table):
            cursor.execute(f"SELECT * FROM {table}")  # noqa: S608 - fixed table names
            assert SUZANNE not in repr(cursor.fetchall())
    (row,) = verwerkingen_for(Party(kind="bsn", identifier=SUZANNE))
    assert (row.door, row.door_medewerker, row.activiteit) == (
        "Klantcontactcentrum",
        True,
        "klantbeeld inzien",
    )
    assert "Jan" not in repr(row) and "7" not in row.door
    assert verwerkingen_for(Party(kind="bsn", identifier="123456782")) == []


def test_confidential_verwerkingen_are_not_shown_to_the_person():
    _log(SUZANNE, vertrouwelijkheid="vertrouwelijk")
    assert verwerkingen_for(Party(kind="bsn", identifier=SUZANNE)) == []


def test_nobody_concerned_means_nothing_logged():
    assert _log() is None
    assert not Verwerkingsactie.objects.exists()


def test_the_purge_removes_only_what_is_past_its_bewaartermijn(settings):
    settings.VERWERKINGEN_BEWAARTERMIJN_DAGEN = 30
    old = _log(SUZANNE)
    _log(ELS)
    # A row written 31 days ago (inserted as such: the tables refuse UPDATE).
    aged = Verwerkingsactie.objects.create(
        actie_naam="oud",
        bewaartermijn=timedelta(days=30),
        tijdstip=timezone.now() - timedelta(days=31),
    )
    VerwerktObject.objects.create(
        actie=aged,
        soort_object_id="BSN",
        object_pseudonym=old.verwerkte_objecten.get().object_pseudonym,
    )
    assert verwerkingen_purge() == 1
    assert [row.activiteit for row in verwerkingen_for(Party(kind="bsn", identifier=SUZANNE))] == [
        "klantbeeld inzien"
    ]
    assert VerwerktObject.objects.count() == 2


def test_the_database_itself_refuses_an_update():
    actie = _log(SUZANNE)
    with pytest.raises(DatabaseError), transaction.atomic(), connection.cursor() as cursor:
        cursor.execute(
            f"UPDATE {Verwerkingsactie._meta.db_table} SET doel = %s WHERE id = %s",  # noqa: S608
            ["iets anders", actie.pk],
        )
    assert Verwerkingsactie.objects.get().doel == "Vraag van de inwoner beantwoorden"


def test_the_worker_runs_the_purge():
    assert "verwerkingen-purge" in [name for name, _ in worker.steps()]


def test_an_api_list_of_zaken_is_one_verwerkingsactie_naming_those_persons():
    zaaktype = published_zaaktype()
    ZaakFactory(zaaktype=zaaktype, for_bsn=SUZANNE)
    ZaakFactory(zaaktype=zaaktype, for_bsn=ELS)
    client = zaken_client(client_id="taakapp", zaaktypen={zaaktype: (["zaken.lezen"], "geheim")})

    assert client.get(f"{BASE}/zaken").status_code == 200

    actie = Verwerkingsactie.objects.get()
    assert (actie.actie_naam, actie.gebruiker) == ("zaak raadplegen", "api_client:taakapp")
    assert actie.verwerkte_objecten.count() == 2
    assert len(verwerkingen_for(Party(kind="bsn", identifier=SUZANNE))) == 1
    assert client.get(f"{BASE}/rollen").status_code == 200
    assert Verwerkingsactie.objects.count() == 2
