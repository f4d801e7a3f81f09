"""Payment providers: start a payment for a betaaltaak (a redirect URL) and verify it
server-side by its id. The only provider here is the labelled demo provider."""

from __future__ import annotations

from dataclasses import dataclass
from decimal import Decimal
from typing import Literal, Protocol

from django.conf import settings
from django.urls import reverse

from mijnservices.services.payments.models import DemoPayment

PaymentStatus = Literal["open", "paid", "failed"]


class ProviderUnavailable(Exception):
    """The provider may not be used here (e.g. the demo provider outside DEMO_MODE)."""


@dataclass(frozen=True)
class StartedPayment:
    payment_id: str
    redirect_url: str


class PaymentProvider(Protocol):
    name: str

    def start(self, *, amount: Decimal, description: str, return_url: str) -> StartedPayment: ...

    def verify(self, payment_id: str) -> PaymentStatus: ...


class DemoPaymentProvider:
    """DEMO ONLY: no money moves. Its pay page is served by this app; refused unless
    DEMO_MODE is on."""

    name = "demo"

    def __init__(self) -> None:
        if not settings.DEMO_MODE:
            raise ProviderUnavailable("The demo payment provider only works in DEMO_MODE.")

    def start(self, *, amount: Decimal, description: str, return_url: str) -> StartedPayment:
        payment = DemoPayment.objects.create(
            amount=amount, description=description[:80], return_url=return_url
        )
        path = reverse("payments:demo-pay", kwargs={"payment_id": payment.payment_id})
        return StartedPayment(payment_id=payment.payment_id, redirect_url=path)

    def verify(self, payment_id: str) -> PaymentStatus:
        payment = DemoPayment.objects.filter(payment_id=payment_id).first()
        if payment is None or payment.status == DemoPayment.Status.CANCELLED:
            return "failed"
        return "paid" if payment.status == DemoPayment.Status.PAID else "open"


def provider_get(name: str = "demo") -> PaymentProvider:
    if name == "demo":
        return DemoPaymentProvider()
    raise ProviderUnavailable(f"No payment provider {name!r} is configured.")
