"""Delivery over a real SMTP server and through a local Notify API: what arrives, the status
machine, retries when SMTP is down or Notify answers 5xx/429, permanent failure → the next
channel and a KCC signal, and every final status on the person's timeline."""

from __future__ import annotations

from datetime import timedelta
from uuid import uuid4

import pytest
from django.test import Client
from django.utils import timezone

from mijnservices.core.models import Destination, DestinationState
from mijnservices.registrations.catalogi.models import StatusType
from mijnservices.registrations.zaken import services as zaken
from mijnservices.services.access.klantinteracties import klantcontacten_for
from mijnservices.services.notifications.channels import smtp_destination
from mijnservices.services.notifications.delivery import (
    klantcontacten_register_due,
    notifications_send_due,
)
from mijnservices.services.notifications.models import ContactSignal, Kanaal, Notification, Status
from mijnservices.services.notifications.tests.conftest import (
    SUZANNE,
    drain,
    with_email,
    with_phone,
)
from mijnservices.services.profiel.services import voorkeuren_update

pytestmark = pytest.mark.django_db


def _status_news(zaak) -> Notification:
    drain()
    Notification.objects.all().delete()
    zaken.status_set(
        zaak=zaak, statustype=StatusType.objects.get(zaaktype=zaak.zaaktype, volgnummer=2)
    )
    drain()
    return Notification.objects.get()


def test_an_email_arrives_once_in_the_persons_language_and_lands_on_the_timeline(
    zaak, smtp, settings
):
    settings.NOTIFICATIONS_THROTTLE_MINUTES = 0
    with_email(SUZANNE)
    voorkeuren_update(
        party=SUZANNE, voorkeurskanaal="email", uitgezet=[], alleen_digitaal=False, taal="en"
    )
    notification = _status_news(zaak)
    assert notifications_send_due() == 1
    [mail] = smtp.snapshot()
    assert mail.to == "suzanne@example.nl"
    # Issue 21: the subject says which case (its public name and number).
    assert mail.subject == f"News about your case Testaanvraag ({zaak.identificatie})"
    assert f"/mijn-zaken/{zaak.uuid}/" in mail.body
    assert SUZANNE.identifier not in mail.body
    assert mail.message_id == f"<{notification.uuid}@notificaties.mijnservices>"
    notification.refresh_from_db()
    assert notification.status == Status.DELIVERED
    assert notification.sent_at is not None and notification.tekst_sha256
    assert klantcontacten_register_due() == 1
    assert klantcontacten_register_due() == 0  # once
    [contact] = [c for c in klantcontacten_for(SUZANNE) if c.kanaal == "e-mail"]
    assert contact.onderwerp == mail.subject
    assert contact.indicatie_contact_gelukt is True
    assert notifications_send_due() == 0  # nothing twice
    assert len(smtp.snapshot()) == 1


def test_smtp_down_pauses_it_and_one_probe_sends_everything_when_it_is_back(zaak, smtp, settings):
    settings.NOTIFICATIONS_THROTTLE_MINUTES = 0
    settings.DELIVERY_BREAKER_THRESHOLD = 1
    with_email(SUZANNE)
    notification = _status_news(zaak)
    smtp.stop()
    notifications_send_due()
    notification.refresh_from_db()
    assert notification.status == Status.TEMPORARY_FAILURE
    assert notification.lease_until is None and notification.claim is None  # released at once
    destination = Destination.objects.get(key=smtp_destination())
    assert destination.state == DestinationState.OPEN
    assert notifications_send_due() == 0  # paused: nothing is attempted until the probe
    smtp.start()
    assert notifications_send_due(now=timezone.now() + timedelta(minutes=1)) == 1
    notification.refresh_from_db()
    assert notification.status == Status.DELIVERED
    assert len(smtp.snapshot()) == 1
    destination.refresh_from_db()
    assert destination.state == DestinationState.CLOSED and destination.failures == 0


def test_notify_email_is_sending_until_the_callback_says_delivered(zaak, notify_api, settings):
    settings.NOTIFICATIONS_THROTTLE_MINUTES = 0
    settings.NOTIFICATIONS_EMAIL_CHANNEL = "notify"
    with_email(SUZANNE)
    notification = _status_news(zaak)
    notifications_send_due()
    [sent] = notify_api.sent
    assert sent["type"] == "email" and sent["email_address"] == "suzanne@example.nl"
    assert sent["reference"] == str(notification.uuid)
    assert sent["personalisation"]["subject"].startswith("Nieuws over uw zaak")
    notification.refresh_from_db()
    assert notification.status == Status.SENDING and notification.provider_reference == sent["id"]
    client = Client()
    callback = {"id": sent["id"], "reference": str(notification.uuid), "status": "delivered"}
    refused = client.post(
        "/notificatieservice/notify/callback/", callback, content_type="application/json"
    )
    assert refused.status_code == 401
    response = client.post(
        "/notificatieservice/notify/callback/",
        callback,
        content_type="application/json",
        HTTP_AUTHORIZATION="Bearer callback-secret",
    )
    assert response.status_code == 204
    notification.refresh_from_db()
    assert notification.status == Status.DELIVERED
    klantcontacten_register_due()
    assert [c.kanaal for c in klantcontacten_for(SUZANNE)] == ["e-mail"]


@pytest.mark.parametrize("answer", [500, 429])
def test_notify_5xx_or_429_is_retried(zaak, notify_api, settings, answer):
    settings.NOTIFICATIONS_THROTTLE_MINUTES = 0
    settings.NOTIFICATIONS_EMAIL_CHANNEL = "notify"
    with_email(SUZANNE)
    notification = _status_news(zaak)
    notify_api.status = answer
    notifications_send_due()
    notification.refresh_from_db()
    assert notification.status == Status.TEMPORARY_FAILURE
    notify_api.status = 201
    notifications_send_due(now=timezone.now() + timedelta(minutes=1))
    notification.refresh_from_db()
    assert notification.status == Status.SENDING
    assert len(notify_api.sent) == 1


def test_notify_400_is_permanent_then_the_next_channel_is_tried_and_the_kcc_told(
    zaak, notify_api, smtp, settings
):
    settings.NOTIFICATIONS_THROTTLE_MINUTES = 0
    with_email(SUZANNE)
    with_phone(SUZANNE)
    voorkeuren_update(party=SUZANNE, voorkeurskanaal="sms", uitgezet=[], alleen_digitaal=False)
    notification = _status_news(zaak)
    assert notification.kanaal == Kanaal.SMS  # the preferred channel first
    notify_api.status = 400
    notifications_send_due()
    notification.refresh_from_db()
    assert notification.status == Status.PERMANENT_FAILURE
    assert notification.attempts == 1  # no retry loop
    assert ContactSignal.objects.filter(kanaal="sms", adres="+31612345678").exists()
    [fallback] = notification.fallbacks.all()
    assert fallback.kanaal == Kanaal.EMAIL
    notifications_send_due()
    fallback.refresh_from_db()
    assert fallback.status == Status.DELIVERED
    assert [m.to for m in smtp.snapshot()] == ["suzanne@example.nl"]
    assert klantcontacten_register_due() == 2
    gelukt = sorted(c.indicatie_contact_gelukt for c in klantcontacten_for(SUZANNE))
    assert gelukt == [False, True]  # both attempts are on the timeline


def _two_news(zaak) -> tuple[Notification, Notification]:
    drain()
    Notification.objects.all().delete()
    for volgnummer in (2, 3):
        zaken.status_set(
            zaak=zaak,
            statustype=StatusType.objects.get(zaaktype=zaak.zaaktype, volgnummer=volgnummer),
        )
    drain()
    first, second = Notification.objects.order_by("created_at", "id")
    return first, second


def test_a_later_message_about_a_zaak_waits_while_an_earlier_one_is_out_elsewhere(
    zaak, smtp, settings
):
    settings.NOTIFICATIONS_THROTTLE_MINUTES = 0
    with_email(SUZANNE)
    first, second = _two_news(zaak)
    # Another worker holds the first one under its lease (e.g. it is being sent right now).
    Notification.objects.filter(pk=first.pk).update(
        status=Status.SENDING, lease_until=timezone.now() + timedelta(minutes=1), claim=uuid4()
    )
    assert notifications_send_due() == 0  # the second may not overtake it
    assert smtp.snapshot() == []
    # That worker died: its lease runs out; both go, in the order of the changes.
    Notification.objects.filter(pk=first.pk).update(lease_until=timezone.now())
    assert notifications_send_due(now=timezone.now() + timedelta(seconds=1)) == 2
    assert [m.message_id for m in smtp.snapshot()] == [
        f"<{first.uuid}@notificaties.mijnservices>",
        f"<{second.uuid}@notificaties.mijnservices>",
    ]


def test_a_worker_whose_lease_ran_out_sends_nothing_and_its_outcome_is_dropped(
    zaak, smtp, settings
):
    from mijnservices.services.notifications import delivery
    from mijnservices.services.notifications.channels import SmtpEmail

    settings.NOTIFICATIONS_THROTTLE_MINUTES = 0
    with_email(SUZANNE)
    first, _ = _two_news(zaak)
    claimed, lease = delivery._claim(timezone.now(), 10)
    assert lease is not None and [n.pk for n in claimed][:1] == [first.pk]
    # Its lease ran out (the process stalled) and another worker took the message over.
    lease.until = timezone.now() - timedelta(seconds=1)
    Notification.objects.filter(pk=first.pk).update(claim=uuid4())
    channel = SmtpEmail()
    with pytest.raises(delivery._Stop):
        delivery._send_one(claimed[0], channel, lease)
    channel.close()
    assert smtp.snapshot() == []  # fenced: nothing sent
    first.refresh_from_db()
    assert first.status == Status.SENDING and first.attempts == 0  # the other worker's now


def test_old_notifications_keep_only_their_proof_of_sending(zaak, smtp, settings):
    from mijnservices.services.notifications.retention import notifications_purge

    settings.NOTIFICATIONS_THROTTLE_MINUTES = 0
    settings.NOTIFICATIONS_CONTENT_RETENTION_DAYS = 90
    settings.NOTIFICATIONS_PROOF_RETENTION_DAYS = 365
    with_email(SUZANNE)
    notification = _status_news(zaak)
    notifications_send_due()
    klantcontacten_register_due()
    notification.refresh_from_db()
    proof = (notification.tekst_sha256, notification.provider_reference, notification.sent_at)
    assert notifications_purge(at=timezone.now() + timedelta(days=30)) == 0
    assert notifications_purge(at=timezone.now() + timedelta(days=91)) == 1
    notification.refresh_from_db()
    assert (notification.adres, notification.onderwerp, notification.tekst) == ("", "", "")
    assert (notification.tekst_sha256, notification.provider_reference, notification.sent_at) == (
        proof
    )
    assert notifications_purge(at=timezone.now() + timedelta(days=366)) == 1
    assert not Notification.objects.exists()


@pytest.mark.django_db(transaction=True)
def test_a_due_message_another_transaction_holds_still_keeps_the_later_one_of_its_stream_back(
    zaak, smtp, settings
):
    import threading

    from django.db import connection, connections, transaction

    if connection.vendor != "postgresql":
        pytest.skip("SKIP LOCKED, which leaves held rows out of a claim, is PostgreSQL's")
    from mijnservices.services.notifications import delivery

    settings.NOTIFICATIONS_THROTTLE_MINUTES = 0
    with_email(SUZANNE)
    first, second = _two_news(zaak)
    # A dead worker's claim ran out: the first is due again, and at this moment another
    # transaction (a worker giving it back) holds its row, so SKIP LOCKED leaves it out.
    Notification.objects.filter(pk=first.pk).update(
        status=Status.SENDING, lease_until=timezone.now() - timedelta(seconds=1), claim=uuid4()
    )
    held, done = threading.Event(), threading.Event()

    def hold() -> None:
        try:
            with transaction.atomic():
                list(Notification.objects.select_for_update().filter(pk=first.pk))
                held.set()
                done.wait(10)
        finally:
            connections.close_all()

    holder = threading.Thread(target=hold)
    holder.start()
    try:
        assert held.wait(10)
        claimed, _ = delivery._claim(timezone.now(), 10)
    finally:
        done.set()
        holder.join()
    assert second.pk not in [n.pk for n in claimed]  # it may not overtake the first
