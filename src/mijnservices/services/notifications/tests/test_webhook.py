"""Notificaties from an external Notificaties API: the webhook stores each once, and the worker
refreshes the zaak from the linked ZGW source, reading only its configured API roots. The whole
path against a real source process is in ``integration/zgw/tests/test_sync.py``."""

from __future__ import annotations

import pytest
from django.test import Client

from mijnservices.integration.zgw.sources import zgw_source_add
from mijnservices.services.notifications.external import external_process_due
from mijnservices.services.notifications.models import (
    ExternalSource,
    Notification,
    ReceivedNotificatie,
)

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


@pytest.mark.django_db
def test_a_notificatie_of_a_sender_without_a_zgw_source_fails_without_reading_anything():
    _source()
    assert _post(Client(), BODY).status_code == 204
    assert external_process_due() == 1
    received = ReceivedNotificatie.objects.get()
    assert received.failed
    assert "No active ZGW source" in received.last_error
    assert not Notification.objects.exists()


@pytest.mark.django_db
def test_a_hoofdobject_outside_the_sources_api_roots_is_refused_without_a_call():
    """The SSRF hole of the old webhook reader: a notificatie named any URL and the worker
    fetched it. Now only the linked source's configured roots are read (decision 0029)."""
    zgw = zgw_source_add(
        naam="openzaak",
        zaken_api="https://open-zaak.example/zaken/api/v1/",
        catalogi_api="https://open-zaak.example/catalogi/api/v1/",
        client_id="lezer",
        secret="geheim",
    )
    _source(zgw_source=zgw)
    body = dict(BODY, hoofdObject="http://169.254.169.254/latest/meta-data/")
    assert _post(Client(), body).status_code == 204
    # The network guard of the tests would raise on any connection attempt; none is made.
    assert external_process_due() == 1
    received = ReceivedNotificatie.objects.get()
    assert received.processed_at is None
    assert "outside the source's Zaken API" in received.last_error
