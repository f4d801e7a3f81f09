"""The running server against the OFFICIAL Catalogi 1.3.3 and Zaken 1.7.0 specs, over real
HTTP (schemathesis): no server errors, and every response as the official schema says."""

from __future__ import annotations

import pytest

from mijnservices.registrations.zaken import services as zaken_services
from mijnservices.testing.api import OFFICIAL, TEST_SECRET, applicatie_with_secret, token
from mijnservices.testing.factories import ZaakFactory, published_zaaktype_with_relations
from mijnservices.testing.live_spec import check_live

pytestmark = [pytest.mark.django_db(transaction=True), pytest.mark.timeout(300)]


@pytest.fixture
def world():
    zaaktype = published_zaaktype_with_relations(identificatie="ZT-LIVE")
    zaak = ZaakFactory(zaaktype=zaaktype, for_bsn="999993653")
    zaken_services.zaakobject_create(zaak=zaak, object_type="adres", object="https://bag.example/1")
    applicatie_with_secret(client_id="live", heeft_alle_autorisaties=True)
    return {"Authorization": f"Bearer {token('live', TEST_SECRET)}"}


@pytest.mark.parametrize("api", ["catalogi", "zaken"])
def test_every_read_answers_as_the_official_spec_says(live_server, world, api):
    run = check_live(
        OFFICIAL[api],
        base_url=f"{live_server.url}/{api}/api/v1",
        headers={**world, "Accept-Crs": "EPSG:4326"},
    )
    assert run.operations > 10
    assert not run.failures, "\n\n".join(f"{k}\n{v}" for k, v in run.failures.items())


@pytest.mark.parametrize("api", ["catalogi", "zaken"])
def test_no_write_with_generated_input_breaks_the_server(live_server, world, api):
    """Generated (mostly invalid) writes: answered 4xx with a problem body the official
    spec describes, never a server error."""
    run = check_live(
        OFFICIAL[api],
        base_url=f"{live_server.url}/{api}/api/v1",
        headers={**world, "Accept-Crs": "EPSG:4326", "Content-Crs": "EPSG:4326"},
        methods=("POST", "PUT", "PATCH", "DELETE"),
        max_examples=3,
    )
    assert run.operations > 10
    assert not run.failures, "\n\n".join(f"{k}\n{v}" for k, v in run.failures.items())
