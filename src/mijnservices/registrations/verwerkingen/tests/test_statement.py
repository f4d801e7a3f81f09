"""On PostgreSQL a verwerkingsactie and its verwerkte objecten are written in one statement,
with the values the ORM would write."""

from __future__ import annotations

import pytest
from django.db import connection
from django.test.utils import CaptureQueriesContext

from mijnservices.core.identity import Party
from mijnservices.registrations.verwerkingen.models import VerwerktObject
from mijnservices.registrations.verwerkingen.services import Actor, pseudonym, verwerking_log

PERSONS = [Party(kind="bsn", identifier="999993653"), Party(kind="kvk", identifier="12345678")]


def _log():
    return verwerking_log(
        actor=Actor(kind="api_client", id="bench", naam="Bench"),
        activiteit="zaak raadplegen",
        doel="Testen",
        personen=PERSONS,
        objecttype="zaak",
        objecten=["a", "b"],
    )


@pytest.mark.django_db
def test_the_actie_and_its_objecten_are_stored_with_the_orms_values():
    actie = _log()
    assert actie is not None and actie.pk is not None
    stored = type(actie).objects.get(pk=actie.pk)
    assert stored.actie_naam == "zaak raadplegen" and stored.verwerking_naam == "a, b"
    assert stored.gebruiker == "api_client:bench" and stored.systeem == "Bench"
    assert stored.tijdstip_registratie is not None and stored.actie_id == actie.actie_id
    objecten = list(VerwerktObject.objects.filter(actie=stored).order_by("soort_object_id"))
    assert [o.soort_object_id for o in objecten] == ["BSN", "KVK"]
    assert objecten[0].object_pseudonym == pseudonym("bsn", "999993653")
    assert objecten[0].soorten_gegevens == [{"soortGegeven": "zaak"}]
    assert objecten[0].objecttype == "persoon" and objecten[0].betrokkenheid == "betrokkene"
    assert len({o.verwerkt_object_id for o in objecten}) == 2


@pytest.mark.django_db
def test_on_postgresql_it_is_one_statement():
    if connection.vendor != "postgresql":
        pytest.skip("the one-statement write is PostgreSQL's; SQLite keeps two INSERTs")
    with CaptureQueriesContext(connection) as queries:
        _log()
    assert len(queries) == 1
