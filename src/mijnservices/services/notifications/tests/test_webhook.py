"""Notificaties from an external Notificaties API: the webhook stores each once, and the worker
reads the zaak from the source's Zaken API over real HTTP (here our own API on a live server
plays the external Open Zaak) before planning the notification."""

from __future__ import annotations

import pytest
from django.test import Client

from mijnservices.core.resources import resource_path
from mijnservices.registrations.catalogi.models import StatusType
from mijnservices.registrations.zaken import services as zaken
from mijnservices.services.notifications.external import external_process_due
from mijnservices.services.notifications.models import (
    ExternalSource,
    Notification,
    ReceivedNotificatie,
    Trigger,
)
from mijnservices.services.notifications.tests.conftest import SUZANNE, drain, with_email
from mijnservices.testing.api import applicatie_with_secret

URL = "/notificatieservice/zgw/webhook/"


def _source(**fields) -> ExternalSource:
    return ExternalSource.objects.create(naam="Open Zaak", authorization="Token abc", **fields)


def _post(client: Client, body: dict, auth: str = "Token abc", key: str = "n-1"):
    return client.post(
        URL,
        body,
        content_type="application/json",
        HTTP_AUTHORIZATION=auth,
        HTTP_IDEMPOTENCY_KEY=key,
    )


BODY = {
    "kanaal": "zaken",
    "hoofdObject": "https://open-zaak.example/zaken/api/v1/zaken/0",
    "resource": "status",
    "resourceUrl": "https://open-zaak.example/zaken/api/v1/statussen/0",
    "actie": "create",
    "aanmaakdatum": "2026-11-22T10:00:00Z",
    "kenmerken": {},
}


@pytest.mark.django_db
def test_the_webhook_stores_a_notificatie_once_and_refuses_strangers():
    _source()
    client = Client()
    assert _post(client, BODY, auth="Token wrong").status_code == 403
    assert _post(client, {"kanaal": "zaken"}).status_code == 400
    assert _post(client, BODY).status_code == 204
    assert _post(client, BODY).status_code == 204  # a repeat is accepted and ignored
    assert ReceivedNotificatie.objects.count() == 1


@pytest.mark.django_db(transaction=True)
def test_a_status_in_the_external_open_zaak_notifies_the_initiator(live_server, zaak, settings):
    settings.SITE_URL = live_server.url
    settings.NOTIFICATIONS_THROTTLE_MINUTES = 0
    with_email(SUZANNE)
    applicatie_with_secret(
        client_id="extern-lezer", secret="extern-geheim", heeft_alle_autorisaties=True
    )
    _source(client_id="extern-lezer", secret="extern-geheim")
    drain()
    Notification.objects.all().delete()
    status = zaken.status_set(
        zaak=zaak, statustype=StatusType.objects.get(zaaktype=zaak.zaaktype, volgnummer=2)
    )
    body = dict(
        BODY,
        hoofdObject=live_server.url + resource_path("zaken", "zaken", zaak.uuid),
        resourceUrl=live_server.url + resource_path("zaken", "statussen", status.uuid),
    )
    # Only the external path this time: our own event for the status is already handled.
    drain()
    Notification.objects.all().delete()
    assert _post(Client(), body, key="ext-1").status_code == 204
    assert external_process_due() == 1
    assert external_process_due() == 0  # handled once
    [notification] = Notification.objects.filter(event_id__startswith="extern:")
    assert notification.trigger == Trigger.STATUS
    assert notification.adres == "suzanne@example.nl"
    assert zaak.identificatie in notification.tekst
    assert "/mijn-overzicht/" in notification.tekst  # not our zaak: the overview
