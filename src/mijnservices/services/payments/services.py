"""Paying a betaaltaak: start at the provider, and on the citizen's return verify the payment
server-side; only a verified payment completes the taak and publishes the confirmation
bericht, in one transaction."""

from __future__ import annotations

import time
from datetime import datetime, timedelta
from decimal import Decimal

from django.conf import settings
from django.db import transaction
from django.utils import timezone

from mijnservices.core.errors import DomainError
from mijnservices.core.formats import format_moment, format_money
from mijnservices.registrations.berichten.services import bericht_publish
from mijnservices.registrations.taken.models import Betaling, ExterneTaak, TaakSoort, TaakStatus
from mijnservices.registrations.taken.services import taak_complete
from mijnservices.services.payments.providers import (
    PaymentProvider,
    ProviderUnavailable,
    provider_get,
)

CONFIRMATION_TYPE = "BETAALD"


@transaction.atomic
def betaling_start(
    *, taak: ExterneTaak, provider: PaymentProvider, return_url: str
) -> tuple[Betaling, str]:
    """A new payment for an open betaaltaak; returns it and where to send the citizen."""
    if taak.taak_soort != TaakSoort.BETAALTAAK or taak.status != TaakStatus.OPEN:
        raise DomainError("This taak cannot be paid.", code="not-payable")
    amount = Decimal(str(taak.details["bedrag"]))
    started = provider.start(
        amount=amount,
        description=str(taak.details["transactieomschrijving"]),
        return_url=return_url,
    )
    betaling = Betaling.objects.create(
        taak=taak, provider=provider.name, provider_payment_id=started.payment_id, bedrag=amount
    )
    return betaling, started.redirect_url


@transaction.atomic
def betaling_verify(*, betaling: Betaling, provider: PaymentProvider) -> Betaling:
    """Ask the provider (server-side) how the payment stands. Paid: the taak is afgerond
    (uitgevoerd) and a confirmation bericht, linked to the taak, is published. Idempotent."""
    betaling = Betaling.objects.select_for_update().select_related("taak").get(pk=betaling.pk)
    if betaling.status != Betaling.Status.OPEN:
        return betaling
    status = provider.verify(betaling.provider_payment_id)
    if status == "open":
        return betaling
    betaling.verified_at = timezone.now()
    if status == "failed":
        betaling.status = Betaling.Status.MISLUKT
        betaling.save(update_fields=["status", "verified_at"])
        return betaling
    betaling.status = Betaling.Status.BETAALD
    betaling.save(update_fields=["status", "verified_at"])
    if betaling.taak.status != TaakStatus.OPEN:
        # Paid twice (two tabs, or a late provider): the taak counts once; the second
        # payment stays recorded as betaald so the back office can refund it.
        return betaling
    taak = taak_complete(taak=betaling.taak)
    bericht_publish(
        ontvanger=taak.is_toegewezen_aan,
        onderwerp="Betaling ontvangen"[:50],
        bericht_tekst=(
            f"We hebben uw betaling van {format_money(betaling.bedrag)} ontvangen op "
            f"{format_moment(betaling.verified_at)} voor: {taak.titel}."
        ),
        is_gerelateerd_aan=taak.is_gerelateerd_aan,
        bericht_type=CONFIRMATION_TYPE,
        taak=taak,
    )
    return betaling


def _reconcile_after() -> timedelta:
    return timedelta(seconds=int(settings.PAYMENTS_RECONCILE_AFTER_SECONDS))


def betalingen_reconcile(*, now: datetime | None = None, limit: int = 50) -> int:
    """The worker step: payments whose provider callback or citizen return never came are
    verified server-side; payments still open after ``PAYMENTS_EXPIRE_HOURS`` are closed
    as mislukt (the taak stays open to pay again). Returns how many were settled."""
    now = now or timezone.now()
    due = Betaling.objects.filter(
        status=Betaling.Status.OPEN, created_at__lte=now - _reconcile_after()
    ).order_by("created_at")[:limit]
    expire_before = now - timedelta(hours=int(settings.PAYMENTS_EXPIRE_HOURS))
    settled = 0
    for betaling in due:
        try:
            provider = provider_get(betaling.provider)
        except ProviderUnavailable:
            continue
        result = betaling_verify(betaling=betaling, provider=provider)
        if result.status == Betaling.Status.OPEN and result.created_at <= expire_before:
            Betaling.objects.filter(pk=result.pk, status=Betaling.Status.OPEN).update(
                status=Betaling.Status.MISLUKT, verified_at=now
            )
        if Betaling.objects.filter(pk=result.pk).exclude(status=Betaling.Status.OPEN).exists():
            settled += 1
    return settled


_last_reconcile = [float("-inf")]


def betalingen_reconcile_when_due() -> int:
    """The worker step: reconcile at most once a minute."""
    if time.monotonic() - _last_reconcile[0] < 60:
        return 0
    _last_reconcile[0] = time.monotonic()
    betalingen_reconcile()
    return 0
