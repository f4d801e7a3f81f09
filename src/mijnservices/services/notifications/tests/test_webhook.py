"""Notificaties from an external Notificaties API: the webhook stores each once, and the worker
reads the zaak from the source's Zaken API over real HTTP (here our own API on a live server
plays the external Open Zaak) before planning the notification."""

from __future__ import annotations

import threading
from collections.abc import Iterator
from contextlib import contextmanager
from http.server import BaseHTTPRequestHandler, ThreadingHTTPServer

import pytest
from django.test import Client
from django.utils import timezone

from mijnservices.core.resources import resource_path
from mijnservices.registrations.catalogi.models import StatusType
from mijnservices.registrations.zaken import services as zaken
from mijnservices.services.notifications.external import external_process_due, url_within_roots
from mijnservices.services.notifications.models import (
    ExternalSource,
    Notification,
    ReceivedNotificatie,
    Trigger,
)
from mijnservices.services.notifications.tests.conftest import SUZANNE, drain, with_email
from mijnservices.testing.api import applicatie_with_secret
from mijnservices.testing.processes import free_port

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
    settings.NOTIFICATION_CALLBACK_ALLOWED_NETWORKS = ["127.0.0.1/32"]
    _source(
        client_id="extern-lezer",
        secret="extern-geheim",
        api_roots=f"{live_server.url}/zaken/api/v1/\n{live_server.url}/catalogi/api/v1/",
    )
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


@contextmanager
def _recording_server() -> Iterator[tuple[str, list[str]]]:
    """A plain HTTP server on loopback that records every request's Authorization header."""
    seen: list[str] = []

    class Handler(BaseHTTPRequestHandler):
        def do_GET(self) -> None:
            seen.append(self.headers.get("Authorization", ""))
            self.send_response(404)
            self.end_headers()

        def log_message(self, *args: object) -> None:
            pass

    server = ThreadingHTTPServer(("127.0.0.1", free_port()), Handler)
    thread = threading.Thread(target=server.serve_forever, daemon=True)
    thread.start()
    try:
        yield f"http://127.0.0.1:{server.server_port}/", seen
    finally:
        server.shutdown()
        server.server_close()


def _received(source: ExternalSource, resource_url: str) -> ReceivedNotificatie:
    body = dict(BODY, resourceUrl=resource_url)
    return ReceivedNotificatie.objects.create(
        source=source, notificatie_id="n-1", body=body, next_attempt_at=timezone.now()
    )


@pytest.mark.django_db
def test_the_worker_never_follows_a_url_outside_the_sources_api_roots(settings):
    settings.NOTIFICATION_CALLBACK_ALLOWED_NETWORKS = ["127.0.0.1/32"]
    with _recording_server() as (elsewhere, seen):
        source = _source(
            client_id="c", secret="s", api_roots="https://open-zaak.example/zaken/api/v1/"
        )
        _received(source, f"{elsewhere}zaken/api/v1/statussen/0")
        assert external_process_due() == 1
        assert seen == []  # our signed token went nowhere
    received = ReceivedNotificatie.objects.get()
    assert received.failed and "API roots" in received.last_error


@pytest.mark.django_db
def test_a_source_on_a_private_address_is_refused_by_the_callback_policy(settings):
    settings.NOTIFICATION_CALLBACK_ALLOWED_NETWORKS = []
    with _recording_server() as (internal, seen):
        source = _source(client_id="c", secret="s", api_roots=f"{internal}zaken/api/v1/")
        _received(source, f"{internal}zaken/api/v1/statussen/0")
        external_process_due()
        assert seen == []
    assert ReceivedNotificatie.objects.get().failed


@pytest.mark.django_db
def test_a_source_within_its_roots_and_the_policy_is_called(settings):
    settings.NOTIFICATION_CALLBACK_ALLOWED_NETWORKS = ["127.0.0.1/32"]
    with _recording_server() as (root, seen):
        source = _source(client_id="c", secret="s", api_roots=f"{root}zaken/api/v1/")
        _received(source, f"{root}zaken/api/v1/statussen/0")
        external_process_due()
        assert len(seen) == 1 and seen[0].startswith("Bearer ")
    received = ReceivedNotificatie.objects.get()
    assert not received.failed and "404" in received.last_error  # retried later


@pytest.mark.parametrize(
    ("url", "inside"),
    [
        ("https://oz.example/zaken/api/v1/zaken/1", True),
        ("https://OZ.example:443/zaken/api/v1/statussen/1", True),
        ("https://oz.example/zaken/api/v1", True),
        ("http://oz.example/zaken/api/v1/zaken/1", False),
        ("https://oz.example:8443/zaken/api/v1/zaken/1", False),
        ("https://oz.example.evil/zaken/api/v1/zaken/1", False),
        ("https://oz.example/zaken/api/v10/zaken/1", False),
        ("https://oz.example/zaken/api/v1/../../admin/", False),
        ("https://oz.example/zaken/api/v1/%2e%2e/%2e%2e/admin/", False),
        ("https://user@oz.example/zaken/api/v1/zaken/1", False),
        ("http://[::1", False),
    ],
)
def test_a_url_is_within_the_api_roots_only_below_one_of_them(url, inside):
    assert url_within_roots(url, ["https://oz.example/zaken/api/v1/"]) is inside
