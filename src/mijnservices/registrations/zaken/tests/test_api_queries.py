"""Every list costs the same number of queries for 1 or 30 objects per page."""

from __future__ import annotations

import pytest
from django.db import connection
from django.test.utils import CaptureQueriesContext

from mijnservices.registrations.zaken import services
from mijnservices.registrations.zaken.tests.api_helpers import BASE, add_contacts, zaken_client
from mijnservices.testing.factories import ZaakFactory, published_zaaktype

pytestmark = pytest.mark.django_db
LISTS = [
    "zaken?expand=rollen,status,resultaat,deelzaken,zaakobjecten",
    "statussen?expand=zaak",
    "rollen?expand=zaak,statussen",
    "resultaten",
    "zaakobjecten",
    "zaakinformatieobjecten",
    "klantcontacten",
    "zaakcontactmomenten",
    "zaakverzoeken",
    "zaaknotities",
]


def _make(zaaktype, count):
    for n in range(count):
        zaak = ZaakFactory(zaaktype=zaaktype, for_bsn="999993653")
        services.zaakobject_create(
            zaak=zaak, object_type="adres", object=f"https://bag.example/{n}"
        )
        services.zaakinformatieobject_create(zaak=zaak, informatieobject=f"https://drc.example/{n}")
        services.resultaat_set(zaak=zaak, resultaattype=zaaktype.resultaattypen.first())
        add_contacts(zaak, n)


def _count(client, path):
    client.get(f"{BASE}/{path}")  # the client's credentials are read once, then kept
    with CaptureQueriesContext(connection) as queries:
        assert client.get(f"{BASE}/{path}").status_code == 200
    return len(queries)


@pytest.mark.parametrize("path", LISTS)
def test_list_queries_do_not_grow_with_the_page(settings, path):
    settings.API_PAGE_SIZE = 100
    settings.API_CLIENT_CACHE_SECONDS = 3600  # the client is read once, however slow the setup
    zaaktype = published_zaaktype(steps=2)
    limited = zaken_client(client_id="limited", zaaktypen={zaaktype: (["zaken.lezen"], "geheim")})
    _make(zaaktype, 1)
    one = _count(limited, path)
    _make(zaaktype, 29)
    assert _count(limited, path) == one
