"""Overview rows read as values say what rows built from loaded zaken say."""

from __future__ import annotations

from datetime import date

import pytest
from django.db import connection
from django.test.utils import CaptureQueriesContext
from django.utils import translation

from mijnservices.core.identity import Citizen, Party
from mijnservices.registrations.zaken.models import Zaak
from mijnservices.services.mijnzaken.selectors import zaken_for_overview, zaken_for_overview_values
from mijnservices.services.presentation.selectors import presentation_apply
from mijnservices.services.presentation.services import presentation_update
from mijnservices.testing.factories import ZaakFactory, published_zaaktype
from mijnservices.ui.display import DateFormatter, zaak_row, zaak_rows_from_values

pytestmark = pytest.mark.django_db

CITIZEN = Citizen(actor=Party("bsn", "999993653"), auth_method="demo")


def _zaken() -> None:
    named = published_zaaktype(identificatie="ZT-NAAM")
    plain = published_zaaktype(identificatie="ZT-KAAL")
    presentation_update(
        identificatie="ZT-NAAM", fields={"title_nl": "Parkeervergunning", "title_en": "Parking"}
    )
    bsn = CITIZEN.actor.identifier
    ZaakFactory(zaaktype=named, for_bsn=bsn)
    ZaakFactory(zaaktype=named, for_bsn=bsn, omschrijving="")
    ZaakFactory(zaaktype=plain, for_bsn=bsn, omschrijving="", status_count=0)
    ZaakFactory(zaaktype=plain, for_bsn=bsn, closed=True)
    planned = ZaakFactory(zaaktype=plain, for_bsn=bsn, status_count=2)
    Zaak.objects.filter(pk=planned.pk).update(einddatum_gepland=date(2027, 1, 4))
    deadline = ZaakFactory(zaaktype=named, for_bsn=bsn, omschrijving="Met <tekens> & zo")
    Zaak.objects.filter(pk=deadline.pk).update(
        einddatum_gepland=None, uiterlijke_einddatum_afdoening=date(2027, 2, 1)
    )


@pytest.mark.parametrize("language", ["nl", "en"])
def test_rows_from_values_are_the_rows_of_the_loaded_zaken(language):
    _zaken()
    with translation.override(language):
        zaken = list(zaken_for_overview(CITIZEN))
        presentation_apply([zaak.zaaktype for zaak in zaken], steps=False)
        formatter = DateFormatter()
        expected = [zaak_row(zaak, formatter) for zaak in zaken]
        rows = zaak_rows_from_values(zaken_for_overview_values(CITIZEN))
    assert len(rows) == 6
    assert rows == expected
    assert {row.kind for row in rows} >= {"Parkeervergunning" if language == "nl" else "Parking"}


def test_rows_from_values_read_one_query_once_the_presentations_are_cached():
    _zaken()
    zaak_rows_from_values(zaken_for_overview_values(CITIZEN))
    with CaptureQueriesContext(connection) as queries:
        zaak_rows_from_values(zaken_for_overview_values(CITIZEN))
    assert len(queries) == 1
