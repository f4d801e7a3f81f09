from __future__ import annotations

import json
import uuid

import pytest
from django.db import transaction
from django.urls import reverse
from django.utils import timezone

from mijnservices.registrations.notificaties import services
from mijnservices.registrations.notificaties.models import (
    Abonnement,
    Delivery,
    DeliveryStatus,
)

SECRET = "Bearer zeer-geheim-token-123"


def _failed_delivery(abonnement: Abonnement) -> Delivery:
    with transaction.atomic():
        notificatie = services.notificatie_publish(
            id=uuid.uuid4(),
            kanaal="zaken",
            hoofd_object="http://127.0.0.1:8000/zaken/api/v1/zaken/abc",
            resource="zaak",
            resource_url="http://127.0.0.1:8000/zaken/api/v1/zaken/abc",
            actie="create",
            aanmaakdatum=timezone.now(),
            kenmerken={},
        )
    Delivery.objects.update(status=DeliveryStatus.FAILED, failed_at=timezone.now(), attempts=9)
    return notificatie.deliveries.get(abonnement=abonnement)


@pytest.mark.django_db
def test_the_abonnement_admin_never_shows_the_credentials(admin_client, subscribe):
    abonnement = subscribe("http://127.0.0.1:9/hook", auth=SECRET)
    for url in (
        reverse("admin:notificaties_abonnement_changelist"),
        reverse("admin:notificaties_abonnement_change", args=[abonnement.pk]),
    ):
        response = admin_client.get(url)
        assert response.status_code == 200
        assert "zeer-geheim" not in response.content.decode()


@pytest.mark.django_db
def test_an_administrator_creates_an_abonnement_through_the_policy(admin_client, allow_loopback):
    services.kanalen_seed()
    url = reverse("admin:notificaties_abonnement_add")
    form = {
        "callback_url": "http://10.0.0.9/hook",
        "new_auth": SECRET,
        "client_id": "zaaksysteem",
        "kanalen_json": json.dumps([{"naam": "zaken", "filters": {"bronorganisatie": "1"}}]),
    }
    refused = admin_client.post(url, form)
    assert refused.status_code == 200 and "10.0.0.9" in refused.content.decode()
    assert not Abonnement.objects.exists()

    response = admin_client.post(url, {**form, "allow_private_network": "on"})
    assert response.status_code == 302
    abonnement = Abonnement.objects.get()
    assert abonnement.auth == SECRET and abonnement.allow_private_network
    assert abonnement.kanalen.get().filters == {"bronorganisatie": "1"}

    change = reverse("admin:notificaties_abonnement_change", args=[abonnement.pk])
    admin_client.post(change, {**form, "new_auth": "", "allow_private_network": "on"})
    abonnement.refresh_from_db()
    assert abonnement.auth == SECRET  # left empty: kept


@pytest.mark.django_db
def test_deliveries_can_be_filtered_searched_and_resent(admin_client, subscribe):
    abonnement = subscribe("http://127.0.0.1:9/hook")
    failed = _failed_delivery(abonnement)
    changelist = reverse("admin:notificaties_delivery_changelist")
    for query in (
        {"status__exact": "failed"},
        {"abonnement__id__exact": abonnement.pk},
        {"notificatie__kanaal": "zaken"},
        {"q": "zaken/abc"},
    ):
        response = admin_client.get(changelist, query)
        assert response.status_code == 200
        assert response.context["cl"].result_count == 1, query

    response = admin_client.post(changelist, {"action": "resend", "_selected_action": [failed.pk]})
    assert response.status_code == 302
    failed.refresh_from_db()
    assert failed.status == DeliveryStatus.PENDING and failed.attempts == 0
