"""The citizen's payment pages (the payments themselves are ``services.payments``): start
paying a betaaltaak, the demo provider's own pay page (DEMO_MODE only), and the return, where
the payment is verified server-side. Nothing a browser sends on return (status, amount) is
trusted."""

from __future__ import annotations

from django.conf import settings
from django.http import Http404, HttpRequest, HttpResponse, HttpResponseRedirect
from django.shortcuts import get_object_or_404, render
from django.urls import reverse
from django.views.decorators.http import require_http_methods, require_POST

from mijnservices.core.identity import Citizen
from mijnservices.portal.auth import citizen_required
from mijnservices.registrations.taken.models import Betaling, ExterneTaak
from mijnservices.services.mijnoverzicht.taken import taak_for_citizen
from mijnservices.services.payments import services
from mijnservices.services.payments.models import DemoPayment
from mijnservices.services.payments.providers import ProviderUnavailable, provider_get


def _own_taak(citizen: Citizen, taak_uuid: str) -> ExterneTaak:
    return taak_for_citizen(citizen, taak_uuid)


@require_POST
@citizen_required
def start(request: HttpRequest, citizen: Citizen, taak_uuid: str) -> HttpResponse:
    taak = _own_taak(citizen, taak_uuid)
    try:
        provider = provider_get()
    except ProviderUnavailable:
        raise Http404 from None
    return_url = reverse("payments:return", kwargs={"taak_uuid": taak.uuid})
    _, redirect_url = services.betaling_start(taak=taak, provider=provider, return_url=return_url)
    return HttpResponseRedirect(redirect_url)


@require_http_methods(["GET", "POST"])
@citizen_required
def demo_pay(request: HttpRequest, citizen: Citizen, payment_id: str) -> HttpResponse:
    """The demo "bank": clearly labelled, only in DEMO_MODE, only for the payer's own taak."""
    if not settings.DEMO_MODE:
        raise Http404
    payment = get_object_or_404(DemoPayment, payment_id=payment_id)
    betaling = get_object_or_404(Betaling, provider="demo", provider_payment_id=payment_id)
    _own_taak(citizen, str(betaling.taak.uuid))
    if request.method == "POST" and payment.status == DemoPayment.Status.OPEN:
        paid = request.POST.get("action") == "pay"
        payment.status = DemoPayment.Status.PAID if paid else DemoPayment.Status.CANCELLED
        payment.save(update_fields=["status"])
        return HttpResponseRedirect(payment.return_url)
    return render(request, "payments/demo_pay.html", {"payment": payment, "taak": betaling.taak})


@require_http_methods(["GET"])
@citizen_required
def payment_return(request: HttpRequest, citizen: Citizen, taak_uuid: str) -> HttpResponse:
    taak = _own_taak(citizen, taak_uuid)
    try:
        provider = provider_get()
    except ProviderUnavailable:
        raise Http404 from None
    for betaling in taak.betalingen.filter(status=Betaling.Status.OPEN):
        services.betaling_verify(betaling=betaling, provider=provider)
    taak.refresh_from_db()
    return render(request, "payments/result.html", {"taak": taak})
