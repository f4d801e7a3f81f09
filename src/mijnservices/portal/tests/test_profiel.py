"""MijnProfiel pages: BRP data, contact details with verification, choices; only the person
themself; typed input kept on errors; constant queries."""

from __future__ import annotations

import pytest
from django.db import connection
from django.test import Client
from django.test.utils import CaptureQueriesContext
from django.urls import reverse

from mijnservices.core.identity import Party
from mijnservices.portal.auth import SESSION_KEY
from mijnservices.registrations.klantinteracties.selectors import digitale_adressen_for
from mijnservices.services.profiel import services
from mijnservices.services.profiel.models import Verificatie
from mijnservices.services.profiel.selectors import voorkeuren_for

pytestmark = pytest.mark.django_db

SUZANNE = Party(kind="bsn", identifier="999993653")
ELS = Party(kind="bsn", identifier="999991589")


@pytest.fixture(autouse=True)
def demo_brp(settings):
    settings.DEMO_MODE = True
    settings.BRP_API_URL = ""


def _page(client: Client) -> str:
    response = client.get(reverse("portal:profiel"))
    assert response.status_code == 200
    return response.content.decode()


def test_the_profile_shows_brp_data_and_links_to_who_looked_at_my_data(login_as):
    page = _page(login_as(SUZANNE.identifier))
    assert "Suzanne Jansen" in page
    assert "Lindelaan 12" in page
    assert reverse("portal:verwerkingen") in page


def test_adding_an_email_address_then_confirming_it_by_the_link(login_as):
    client = login_as(SUZANNE.identifier)
    response = client.post(
        reverse("portal:profiel_contact_add", kwargs={"kanaal": "email"}),
        {"email-adres": "suzanne@example.nl"},
    )
    assert response.status_code == 302
    page = client.get(response["Location"]).content.decode()
    assert "Nog niet bevestigd" in page
    verificatie = Verificatie.objects.get()
    response = client.get(
        reverse("portal:profiel_email_verify", kwargs={"token": services.email_token(verificatie)})
    )
    assert response.status_code == 302
    assert "Bevestigd op" in client.get(response["Location"]).content.decode()


def test_a_wrong_address_keeps_what_was_typed(login_as):
    response = login_as(SUZANNE.identifier).post(
        reverse("portal:profiel_contact_add", kwargs={"kanaal": "sms"}), {"sms-adres": "020 1234"}
    )
    assert response.status_code == 400
    page = response.content.decode()
    assert 'value="020 1234"' in page
    assert "Nederlands mobiel nummer" in page
    assert digitale_adressen_for(SUZANNE) == []


def test_a_wrong_sms_code_is_refused_next_to_the_field(login_as):
    verificatie = services.contact_detail_add(party=SUZANNE, kanaal="sms", adres="0612345678")
    wrong = "111111" if verificatie.code_te_versturen != "111111" else "222222"
    response = login_as(SUZANNE.identifier).post(
        reverse(
            "portal:profiel_contact_code", kwargs={"adres_uuid": verificatie.digitaal_adres_uuid}
        ),
        {"code": wrong},
    )
    assert response.status_code == 400
    assert "Deze code klopt niet" in response.content.decode()


def test_saving_choices_keeps_tasks_on(login_as):
    client = login_as(SUZANNE.identifier)
    response = client.post(
        reverse("portal:profiel_preferences"),
        {"voorkeurskanaal": "email", "aan": ["bericht"], "alleen_digitaal": "on"},
    )
    assert response.status_code == 302
    voorkeuren = voorkeuren_for(SUZANNE)
    assert voorkeuren.uitgezet == ["status"]
    assert voorkeuren.alleen_digitaal
    assert voorkeuren.wants("taak")


def test_someone_else_cannot_confirm_remove_or_resend_my_address(login_as):
    verificatie = services.contact_detail_add(party=SUZANNE, kanaal="email", adres="s@example.nl")
    adres = verificatie.digitaal_adres_uuid
    client = login_as(ELS.identifier)
    token = services.email_token(verificatie)
    assert (
        client.get(reverse("portal:profiel_email_verify", kwargs={"token": token})).status_code
        == 400
    )
    assert (
        client.post(
            reverse("portal:profiel_contact_remove", kwargs={"adres_uuid": adres})
        ).status_code
        == 404
    )
    assert (
        client.post(
            reverse("portal:profiel_contact_resend", kwargs={"adres_uuid": adres})
        ).status_code
        == 404
    )
    assert "s@example.nl" not in _page(client)
    assert digitale_adressen_for(SUZANNE)[0].verificatie_datum is None


def test_a_representative_sees_no_profile_data_and_cannot_change_it(client):
    services.contact_detail_add(party=ELS, kanaal="email", adres="els@example.nl")
    session = client.session
    session[SESSION_KEY] = {
        "actor": {"kind": "bsn", "identifier": "999992570", "vestiging": "", "name": "Kees"},
        "auth_method": "digid",
        "represented": {
            "kind": "bsn",
            "identifier": ELS.identifier,
            "vestiging": "",
            "name": "Els",
        },
        "mandate": "familie",
        "mandate_zaaktypen": [],
    }
    session.save()
    page = _page(client)
    assert "els@example.nl" not in page
    assert "Kerkplein" not in page
    response = client.post(
        reverse("portal:profiel_contact_add", kwargs={"kanaal": "email"}),
        {"email-adres": "k@example.nl"},
    )
    assert response.status_code == 403
    assert (
        client.post(reverse("portal:profiel_preferences"), {"voorkeurskanaal": "sms"}).status_code
        == 403
    )


def test_profile_queries_do_not_grow_with_contact_details(login_as):
    client = login_as(SUZANNE.identifier)
    services.contact_detail_add(party=SUZANNE, kanaal="email", adres="a0@example.nl")
    _page(client)  # warm: the per-process caches fill on a first request (decision 0040)
    with CaptureQueriesContext(connection) as few:
        _page(client)
    for number in range(1, 6):
        services.contact_detail_add(party=SUZANNE, kanaal="email", adres=f"a{number}@example.nl")
        services.contact_detail_add(party=SUZANNE, kanaal="sms", adres=f"061234567{number}")
    with CaptureQueriesContext(connection) as many:
        _page(client)
    assert len(many) == len(few)


def test_the_profile_needs_a_login():
    response = Client().get(reverse("portal:profiel"))
    assert response.status_code == 302


def test_text_messages_without_a_confirmed_mobile_number_are_refused_with_a_way_out(login_as):
    # Issue 21: choosing SMS without a verified number silently reached nobody.
    from datetime import date

    from mijnservices.registrations.klantinteracties.services import digitaal_adres_create

    client = login_as(SUZANNE.identifier)
    url = reverse("portal:profiel_preferences")
    response = client.post(url, {"voorkeurskanaal": "sms"})
    assert response.status_code == 400
    page = response.content.decode()
    assert 'id="error-summary"' in page
    assert "geen bevestigd mobiel nummer" in page
    assert 'href="#id_sms-adres"' in page
    assert voorkeuren_for(SUZANNE).voorkeurskanaal != "sms"
    digitaal_adres_create(
        party=SUZANNE, adres="0612345678", soort="telefoonnummer", verificatie_datum=date.today()
    )
    assert client.post(url, {"voorkeurskanaal": "sms"}).status_code == 302
    assert voorkeuren_for(SUZANNE).voorkeurskanaal == "sms"
