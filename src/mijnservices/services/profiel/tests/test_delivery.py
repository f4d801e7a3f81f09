"""The worker sends verification messages to a real SMTP server (aiosmtpd); when the server is
down the message waits and is sent once it is back; a refused address fails visibly."""

from __future__ import annotations

import smtplib
from datetime import timedelta

import pytest
from aiosmtpd.controller import Controller
from aiosmtpd.handlers import Message
from django.utils import timezone

from mijnservices.core.delivery import destinations
from mijnservices.core.identity import Party
from mijnservices.core.models import Destination, DestinationState
from mijnservices.services.profiel import delivery, services
from mijnservices.services.profiel.models import Verificatie
from mijnservices.testing.processes import free_port

pytestmark = pytest.mark.django_db
SUZANNE = Party(kind="bsn", identifier="999993653")


class Inbox(Message):
    def __init__(self) -> None:
        super().__init__()
        self.messages: list = []

    def handle_message(self, message) -> None:
        self.messages.append(message)


@pytest.fixture
def smtp(settings):
    settings.EMAIL_BACKEND = "django.core.mail.backends.smtp.EmailBackend"
    settings.EMAIL_HOST = "127.0.0.1"
    settings.EMAIL_PORT = free_port()
    settings.EMAIL_TIMEOUT = 2
    inbox = Inbox()
    controller = Controller(inbox, hostname="127.0.0.1", port=settings.EMAIL_PORT)
    yield controller, inbox
    if controller._thread is not None:
        controller.stop()


def test_the_link_arrives_at_the_smtp_server_in_the_persons_language(smtp, settings):
    controller, inbox = smtp
    controller.start()
    verificatie = services.contact_detail_add(
        party=SUZANNE, kanaal="email", adres="s@example.nl", taal="en"
    )
    assert delivery.verificaties_send_due() == 1
    [message] = inbox.messages
    assert message["To"] == "s@example.nl"
    assert message["Subject"] == "Confirm your e-mail address"
    body = message.get_payload()
    assert "/mijn-profiel/bevestigen/" in body
    assert SUZANNE.identifier not in body  # no BSN in the message
    verificatie.refresh_from_db()
    assert verificatie.status == Verificatie.Status.VERSTUURD
    assert delivery.verificaties_send_due() == 0  # sent once


def test_smtp_down_pauses_it_and_the_probe_sends_when_it_is_back(smtp, settings):
    settings.DELIVERY_BREAKER_THRESHOLD = 1
    controller, inbox = smtp
    verificatie = services.contact_detail_add(party=SUZANNE, kanaal="email", adres="s@example.nl")
    assert delivery.verificaties_send_due() == 1  # nothing listens: a temporary failure
    verificatie.refresh_from_db()
    assert verificatie.status == Verificatie.Status.TE_VERSTUREN
    assert verificatie.laatste_fout and verificatie.claim is None  # released at once
    assert verificatie.volgende_poging_op <= timezone.now()
    assert Destination.objects.get(key=destinations.smtp()).state == DestinationState.OPEN
    assert delivery.verificaties_send_due() == 0  # paused: nothing attempted until the probe
    controller.start()
    assert delivery.verificaties_send_due(now=timezone.now() + timedelta(minutes=2)) == 1
    assert len(inbox.messages) == 1
    verificatie.refresh_from_db()
    assert verificatie.status == Verificatie.Status.VERSTUURD


def test_a_refused_address_is_marked_failed_without_a_retry_loop(smtp, monkeypatch):
    controller, _ = smtp
    controller.start()

    def refuse(self, *args, **kwargs):
        raise smtplib.SMTPRecipientsRefused({"s@example.nl": (550, b"no such user")})

    monkeypatch.setattr("django.core.mail.backends.smtp.EmailBackend.send_messages", refuse)
    verificatie = services.contact_detail_add(party=SUZANNE, kanaal="email", adres="s@example.nl")
    delivery.verificaties_send_due()
    verificatie.refresh_from_db()
    assert verificatie.status == Verificatie.Status.VERSTUREN_MISLUKT
    assert delivery.verificaties_send_due(now=timezone.now() + timedelta(days=2)) == 0


def test_in_demo_mode_the_sms_code_goes_to_the_demo_mailbox(smtp, settings):
    controller, inbox = smtp
    controller.start()
    settings.DEMO_MODE = True
    verificatie = services.contact_detail_add(party=SUZANNE, kanaal="sms", adres="0612345678")
    code = verificatie.code_te_versturen
    delivery.verificaties_send_due()
    [message] = inbox.messages
    assert message["Subject"].startswith("DEMO SMS")
    assert code in message.get_payload()
    verificatie.refresh_from_db()
    assert verificatie.code_te_versturen == ""  # not kept once sent


def test_outside_demo_mode_without_an_sms_channel_the_code_fails_visibly(settings):
    settings.DEMO_MODE = False
    verificatie = services.contact_detail_add(party=SUZANNE, kanaal="sms", adres="0612345678")
    delivery.verificaties_send_due()
    verificatie.refresh_from_db()
    assert verificatie.status == Verificatie.Status.VERSTUREN_MISLUKT
    assert "No SMS channel" in verificatie.laatste_fout
