"""The running server against the OFFICIAL spec of every API it serves, over real HTTP
(schemathesis, fuzzing phase): no server errors, and every response as the official schema
says — for reads with data present, and for generated (mostly invalid) writes. A status code
an operation's spec does not name must be one docs/standards.md explains (``OUTSIDE_SPEC``).

The suite runs a few examples per operation (the budget is 90 s on two cores); the ``soak``
version runs many more."""

from __future__ import annotations

from datetime import date

import pytest
from schemathesis import GenerationMode

from mijnservices.registrations.contactgegevens import services as contactgegevens_services
from mijnservices.registrations.notificaties import services as notificaties_services
from mijnservices.registrations.notificaties.models import Kanaal
from mijnservices.registrations.zaken import services as zaken_services
from mijnservices.testing import klantinteracties, taken
from mijnservices.testing.api import OFFICIAL, TEST_SECRET, applicatie_with_secret, token
from mijnservices.testing.documents import besluit_on, zaak_document, zaaktype_with_uploads
from mijnservices.testing.factories import ZaakFactory
from mijnservices.testing.live_spec import check_live

pytestmark = [pytest.mark.django_db(transaction=True), pytest.mark.timeout(600)]

APIS = sorted(OFFICIAL)
WRITES = ("POST", "PUT", "PATCH", "DELETE")
# Status codes we answer where an operation's official spec names none (docs/standards.md,
# "Status codes outside the official specs"): each with the reason.
OUTSIDE_SPEC = {
    400: "an invalid or unknown query parameter or body is a 400 problem, also where the spec "
    "lists no 400 (e.g. a detail's unknown parameter, Open Klant's and Open VTB's operations)",
    401: "a missing or invalid token is a 401 problem, also where the spec lists no 401",
    403: "a scope the client lacks, or an object outside its rights, is a 403 problem",
    404: "a path that names nothing is a 404 problem, also where the spec lists no 404",
    405: "the verwerkingenlogging is append-only: PUT and DELETE of a verwerkingsactie",
    406: "an Accept or Accept-Crs the API cannot answer",
    412: "a required Accept-Crs/Content-Crs header is missing (Zaken geo resources)",
    413: "a body over the size limit (decision 0027)",
    415: "a body in a media type the operation does not take",
}
SUITE_EXAMPLES = 1  # per operation and generation mode: the suite's budget (decision 0034)
SOAK_EXAMPLES = 25


@pytest.fixture
def world():
    zaaktype = zaaktype_with_uploads(identificatie="ZT-LIVE")
    zaak = ZaakFactory(zaaktype=zaaktype, for_bsn="999993653")
    zaken_services.zaakobject_create(zaak=zaak, object_type="adres", object="https://bag.example/1")
    zaak_document(zaak)
    besluit_on(zaak)
    if not Kanaal.objects.filter(naam="zaken").exists():
        notificaties_services.kanaal_create(naam="zaken")
    klantinteracties.klantcontact()
    klantinteracties.digitaal_adres()
    contactgegevens_services.persoon_create(
        values={
            "voornamen": "Suzanne",
            "geslachtsnaam": "Moulin",
            "geboortedatum": date(1980, 1, 2),
        }
    )
    taken.betaaltaak()
    taken.urltaak()
    taken.formuliertaak()
    taken.bericht()
    applicatie_with_secret(client_id="live", heeft_alle_autorisaties=True)
    return {
        "Authorization": f"Bearer {token('live', TEST_SECRET)}",
        "Accept-Crs": "EPSG:4326",
        "Content-Crs": "EPSG:4326",
    }


def _run(live_server, world, api, **options):
    from mijnservices.testing.api import MOUNTS

    mount = MOUNTS.get(api, f"{api}/api/v1")
    return check_live(api, base_url=f"{live_server.url}/{mount}", headers=world, **options)


def _fuzz(live_server, world, api, examples):
    run = _run(
        live_server,
        world,
        api,
        methods=("GET", *WRITES),
        modes=(GenerationMode.POSITIVE, GenerationMode.NEGATIVE),
        max_examples=examples,
    )
    assert run.operations > 0
    assert not run.failures, "\n\n".join(f"{k}\n{v}" for k, v in run.failures.items())
    unexplained = {
        label: sorted(codes - set(OUTSIDE_SPEC))
        for label, codes in run.undocumented.items()
        if codes - set(OUTSIDE_SPEC)
    }
    assert not unexplained, unexplained


@pytest.mark.parametrize("api", APIS)
def test_every_api_answers_generated_requests_as_its_official_spec_says(live_server, world, api):
    _fuzz(live_server, world, api, SUITE_EXAMPLES)


@pytest.mark.soak
@pytest.mark.parametrize("api", APIS)
def test_every_api_answers_many_generated_requests_as_its_official_spec_says(
    live_server, world, api
):
    _fuzz(live_server, world, api, SOAK_EXAMPLES)
