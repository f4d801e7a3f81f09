"""Every Zaken API read whose response names a person logs one verwerkingsactie naming
that person, also when the person only arrives through ``expand``."""

from __future__ import annotations

import pytest

from mijnservices.core.identity import Party
from mijnservices.registrations.verwerkingen.models import Verwerkingsactie
from mijnservices.registrations.verwerkingen.selectors import verwerkingen_for
from mijnservices.registrations.zaken import services
from mijnservices.registrations.zaken.tests.api_helpers import BASE, zaken_client
from mijnservices.testing.factories import ZaakFactory, published_zaaktype

pytestmark = pytest.mark.django_db
BSN = "999993653"
PERSON = Party(kind="bsn", identifier=BSN)


def _zaak():
    zaaktype = published_zaaktype(steps=2)
    zaak = ZaakFactory(zaaktype=zaaktype, for_bsn=BSN)
    status = services.status_set(zaak=zaak, statustype=zaaktype.statustypen.first())
    resultaat = services.resultaat_set(zaak=zaak, resultaattype=zaaktype.resultaattypen.first())
    zio = services.zaakinformatieobject_create(zaak=zaak, informatieobject="https://drc.example/1")
    client = zaken_client(zaaktypen={zaaktype: (["zaken.lezen"], "geheim")})
    return client, status, resultaat, zio


@pytest.mark.parametrize(
    ("resource", "expand", "kind"),
    [
        ("statussen", "zaak.rollen", "status"),
        ("statussen", "zaak", "status"),
        ("resultaten", "zaak.rollen", "resultaat"),
        ("zaakinformatieobjecten", "zaak", "zaakinformatieobject"),
        ("zaakinformatieobjecten", "zaak.rollen", "zaakinformatieobject"),
    ],
)
def test_a_list_expanding_rollen_or_zaken_logs_the_persons(resource, expand, kind):
    client, *_ = _zaak()
    response = client.get(f"{BASE}/{resource}", {"expand": expand})
    assert response.status_code == 200, response.content
    [row] = verwerkingen_for(PERSON)
    assert row.activiteit == f"{kind} raadplegen"


def test_a_detail_expanding_rollen_logs_the_persons():
    client, status, resultaat, zio = _zaak()
    for path in (
        f"statussen/{status.uuid}",
        f"resultaten/{resultaat.uuid}",
        f"zaakinformatieobjecten/{zio.uuid}",
    ):
        assert client.get(f"{BASE}/{path}", {"expand": "zaak.rollen"}).status_code == 200
    assert len(verwerkingen_for(PERSON)) == 3


def test_a_read_without_personal_data_logs_nothing():
    client, status, *_ = _zaak()
    assert client.get(f"{BASE}/statussen").status_code == 200
    assert client.get(f"{BASE}/statussen/{status.uuid}").status_code == 200
    assert not Verwerkingsactie.objects.exists()


def test_a_zaak_expanding_its_rollen_logs_one_verwerkingsactie():
    client, *_ = _zaak()
    assert client.get(f"{BASE}/zaken", {"expand": "rollen"}).status_code == 200
    [row] = verwerkingen_for(PERSON)
    assert row.activiteit == "zaak raadplegen"
    assert Verwerkingsactie.objects.count() == 1
