"""The overview's rows from its query compiled once per shape of citizen equal the access
policy's queryset read as values (decision 0046)."""

from __future__ import annotations

import pytest
from django.db import connection
from django.test.utils import CaptureQueriesContext

from mijnservices.core.identity import Citizen, Party
from mijnservices.registrations.zaken import services as zaken_services
from mijnservices.services.mijnzaken.selectors import (
    OVERVIEW_VALUES,
    zaken_for_overview,
    zaken_for_overview_values,
)
from mijnservices.testing.builders import published_zaaktype
from mijnservices.testing.factories import ZaakFactory

ANNA, BERT = "999993653", "999990408"
KVK, VESTIGING = "68750110", "000012345678"


def _orm(citizen: Citizen, limit: int | None = None) -> list[dict[str, object]]:
    return list(zaken_for_overview(citizen).values(*OVERVIEW_VALUES)[:limit])


@pytest.mark.django_db
def test_the_overview_rows_equal_the_policy_s_queryset_for_every_kind_of_citizen(settings):
    one, other = published_zaaktype(), published_zaaktype()
    ZaakFactory.create_batch(2, zaaktype=one, for_bsn=ANNA)
    ZaakFactory(zaaktype=other, for_bsn=ANNA, closed=True)
    ZaakFactory(zaaktype=one, for_bsn=BERT)
    ZaakFactory(zaaktype=one, for_kvk=KVK)
    at_vestiging = ZaakFactory.create(zaaktype=other)
    zaken_services.rol_create(
        zaak=at_vestiging,
        roltype=other.roltypen.get(omschrijving_generiek="initiator"),
        betrokkene_type="vestiging",
        kvk_nummer=KVK,
        vestigingsnummer=VESTIGING,
    )
    citizens = [
        Citizen(actor=Party("bsn", ANNA), auth_method="digid"),
        Citizen(actor=Party("bsn", BERT), auth_method="digid"),  # the same shape, other values
        Citizen(actor=Party("kvk", KVK), auth_method="eherkenning"),
        Citizen(actor=Party("kvk", KVK, vestiging=VESTIGING), auth_method="eherkenning"),
        Citizen(actor=Party("kvk", KVK, vestiging="000099999999"), auth_method="eherkenning"),
        Citizen(actor=Party("bsn", BERT), auth_method="digid", represented=Party("bsn", ANNA)),
        Citizen(
            actor=Party("bsn", BERT),
            auth_method="digid",
            represented=Party("bsn", ANNA),
            mandate_zaaktypen=(other.identificatie,),
        ),
    ]
    for citizen in citizens:
        for limit in (None, 2):
            assert zaken_for_overview_values(citizen, limit=limit) == _orm(citizen, limit)
    counts = [len(zaken_for_overview_values(citizen)) for citizen in citizens]
    assert counts == [3, 1, 2, 2, 1, 3, 1]
    settings.CITIZEN_MAX_VERTROUWELIJKHEID = "openbaar"  # compiled into the SQL: a new shape
    assert zaken_for_overview_values(citizens[0]) == _orm(citizens[0]) == []


@pytest.mark.django_db
def test_the_overview_is_one_query_through_the_connection():
    ZaakFactory(for_bsn=ANNA)
    citizen = Citizen(actor=Party("bsn", ANNA), auth_method="digid")
    zaken_for_overview_values(citizen)
    with CaptureQueriesContext(connection) as queries:
        assert len(zaken_for_overview_values(citizen)) == 1
    assert len(queries) == 1
    assert ANNA in queries[0]["sql"]  # logged with its real values
