"""The worker settles payments whose citizen never came back: verified server-side, expired
after PAYMENTS_EXPIRE_HOURS, and never counted twice."""

from __future__ import annotations

from datetime import timedelta

import pytest
from django.utils import timezone

from mijnservices.registrations.berichten.models import Bericht
from mijnservices.registrations.taken.models import Betaling, TaakStatus
from mijnservices.services.payments import services
from mijnservices.services.payments.models import DemoPayment
from mijnservices.services.payments.providers import DemoPaymentProvider
from mijnservices.testing.taken import CITIZEN, betaaltaak

pytestmark = pytest.mark.django_db


@pytest.fixture(autouse=True)
def demo_mode(settings):
    settings.DEMO_MODE = True
    settings.PAYMENTS_RECONCILE_AFTER_SECONDS = 300
    settings.PAYMENTS_EXPIRE_HOURS = 24


def _started(paid: bool = False) -> Betaling:
    betaling, _ = services.betaling_start(
        taak=betaaltaak(party=CITIZEN), provider=DemoPaymentProvider(), return_url="/terug/"
    )
    if paid:
        DemoPayment.objects.filter(payment_id=betaling.provider_payment_id).update(status="paid")
    return betaling


def test_a_paid_payment_without_a_return_is_completed_by_the_worker():
    betaling = _started(paid=True)
    later = timezone.now() + timedelta(minutes=10)
    assert services.betalingen_reconcile(now=later) == 1
    betaling.refresh_from_db()
    assert betaling.status == Betaling.Status.BETAALD
    assert betaling.taak.status == TaakStatus.UITGEVOERD
    assert Bericht.objects.filter(bericht_type="BETAALD", taak=betaling.taak).count() == 1
    # A second round, and the citizen's late return, count nothing twice.
    assert services.betalingen_reconcile(now=later) == 0
    services.betaling_verify(betaling=betaling, provider=DemoPaymentProvider())
    assert Bericht.objects.filter(bericht_type="BETAALD").count() == 1


def test_a_fresh_payment_is_left_alone_until_the_citizen_can_return():
    betaling = _started(paid=True)
    assert services.betalingen_reconcile(now=timezone.now()) == 0
    betaling.refresh_from_db()
    assert betaling.status == Betaling.Status.OPEN


def test_a_payment_still_open_after_the_expiry_is_closed_and_the_taak_can_be_paid_again():
    betaling = _started(paid=False)
    assert services.betalingen_reconcile(now=timezone.now() + timedelta(hours=1)) == 0
    assert Betaling.objects.get(pk=betaling.pk).status == Betaling.Status.OPEN
    Betaling.objects.filter(pk=betaling.pk).update(created_at=timezone.now() - timedelta(hours=25))
    assert services.betalingen_reconcile() == 1
    betaling.refresh_from_db()
    assert betaling.status == Betaling.Status.MISLUKT
    assert betaling.taak.status == TaakStatus.OPEN
    again, _ = services.betaling_start(
        taak=betaling.taak, provider=DemoPaymentProvider(), return_url="/terug/"
    )
    assert again.status == Betaling.Status.OPEN


def test_paying_one_taak_twice_completes_it_once_and_keeps_both_payments():
    first = _started(paid=True)
    second, _ = services.betaling_start(
        taak=first.taak, provider=DemoPaymentProvider(), return_url="/terug/"
    )
    DemoPayment.objects.filter(payment_id=second.provider_payment_id).update(status="paid")
    provider = DemoPaymentProvider()
    services.betaling_verify(betaling=first, provider=provider)
    services.betaling_verify(betaling=second, provider=provider)
    assert Betaling.objects.filter(taak=first.taak, status=Betaling.Status.BETAALD).count() == 2
    assert Bericht.objects.filter(bericht_type="BETAALD").count() == 1
