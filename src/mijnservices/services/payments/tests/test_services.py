"""Payment services: verification is idempotent."""

from __future__ import annotations

import pytest

from mijnservices.registrations.berichten.models import Bericht
from mijnservices.services.payments import services
from mijnservices.services.payments.models import DemoPayment
from mijnservices.services.payments.providers import DemoPaymentProvider
from mijnservices.testing.taken import CITIZEN, betaaltaak

pytestmark = pytest.mark.django_db


@pytest.fixture(autouse=True)
def demo_mode(settings):
    settings.DEMO_MODE = True


def test_verifying_twice_publishes_one_confirmation():
    taak = betaaltaak(party=CITIZEN)
    provider = DemoPaymentProvider()
    betaling, _ = services.betaling_start(taak=taak, provider=provider, return_url="/x")
    DemoPayment.objects.filter(payment_id=betaling.provider_payment_id).update(status="paid")
    services.betaling_verify(betaling=betaling, provider=provider)
    services.betaling_verify(betaling=betaling, provider=provider)
    assert Bericht.objects.filter(bericht_type="BETAALD").count() == 1
