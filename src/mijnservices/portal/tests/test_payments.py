"""Paying a betaaltaak with the demo provider: start -> pay page -> return (server-side
verification) -> taak afgerond + confirmation bericht; forged returns change nothing."""

from __future__ import annotations

import pytest
from django.test import Client

from mijnservices.core.models import OutboxEvent
from mijnservices.portal.auth import SESSION_KEY
from mijnservices.registrations.berichten.models import Bericht
from mijnservices.registrations.taken.models import Betaling, TaakStatus
from mijnservices.services.payments.models import DemoPayment
from mijnservices.services.payments.providers import (
    ProviderUnavailable,
    provider_get,
)
from mijnservices.testing.taken import CITIZEN, OTHER_CITIZEN, bericht, betaaltaak

pytestmark = pytest.mark.django_db


@pytest.fixture(autouse=True)
def demo_mode(settings):
    settings.DEMO_MODE = True


def logged_in(party=CITIZEN) -> Client:
    client = Client()
    session = client.session
    session[SESSION_KEY] = {
        "actor": {"kind": party.kind, "identifier": party.identifier, "vestiging": "", "name": "T"},
        "auth_method": "digid",
        "represented": None,
    }
    session.save()
    return client


def test_paying_with_the_demo_provider_completes_the_taak_and_confirms_by_bericht():
    taak = betaaltaak(party=CITIZEN)
    request = bericht(party=CITIZEN, onderwerp="Betaal uw leges", taak=taak)
    client = logged_in()
    response = client.post(f"/betalen/{taak.uuid}/start/")
    assert response.status_code == 302
    pay_page = response["Location"]
    assert pay_page.startswith("/betalen/demo/")
    page = client.get(pay_page)
    assert page.status_code == 200
    assert "geen echt geld" in page.content.decode()  # Dutch by default: clearly a demo
    response = client.post(pay_page, {"action": "pay"})
    assert response["Location"] == f"/betalen/{taak.uuid}/terug/"
    result = client.get(response["Location"])
    assert result.status_code == 200
    taak.refresh_from_db()
    assert taak.status == TaakStatus.UITGEVOERD
    confirmation = Bericht.objects.get(bericht_type="BETAALD")
    assert confirmation.taak == taak
    assert confirmation.ontvanger == "urn:nld:brp:bsn:999993653"
    request.refresh_from_db()
    assert request.taak.status == TaakStatus.UITGEVOERD  # the portal shows it resolved
    assert OutboxEvent.objects.filter(kanaal="berichten", actie="create").count() == 2


def test_a_forged_return_without_a_verified_payment_changes_nothing():
    taak = betaaltaak(party=CITIZEN)
    client = logged_in()
    client.post(f"/betalen/{taak.uuid}/start/")
    response = client.get(f"/betalen/{taak.uuid}/terug/", {"status": "paid"})
    assert response.status_code == 200
    taak.refresh_from_db()
    assert taak.status == TaakStatus.OPEN
    assert Betaling.objects.get(taak=taak).status == Betaling.Status.OPEN
    assert not Bericht.objects.filter(bericht_type="BETAALD").exists()


def test_a_cancelled_payment_leaves_the_taak_open():
    taak = betaaltaak(party=CITIZEN)
    client = logged_in()
    pay_page = client.post(f"/betalen/{taak.uuid}/start/")["Location"]
    client.get(client.post(pay_page, {"action": "cancel"})["Location"])
    taak.refresh_from_db()
    assert taak.status == TaakStatus.OPEN
    assert Betaling.objects.get(taak=taak).status == Betaling.Status.MISLUKT


def test_someone_else_cannot_start_or_see_the_payment_of_a_taak():
    taak = betaaltaak(party=CITIZEN)
    pay_page = logged_in().post(f"/betalen/{taak.uuid}/start/")["Location"]
    other = logged_in(OTHER_CITIZEN)
    assert other.post(f"/betalen/{taak.uuid}/start/").status_code == 404
    assert other.get(pay_page).status_code == 404
    assert other.post(pay_page, {"action": "pay"}).status_code == 404
    assert DemoPayment.objects.get().status == DemoPayment.Status.OPEN


def test_the_demo_provider_is_refused_outside_demo_mode(settings):
    settings.DEMO_MODE = False
    with pytest.raises(ProviderUnavailable):
        provider_get("demo")
    taak = betaaltaak(party=CITIZEN)
    assert logged_in().post(f"/betalen/{taak.uuid}/start/").status_code == 404
    assert not Betaling.objects.exists()


def test_paying_needs_a_login():
    taak = betaaltaak(party=CITIZEN)
    response = Client().post(f"/betalen/{taak.uuid}/start/")
    assert response.status_code == 302
    assert "next=" in response["Location"]
