"""The SMTP channel builds plain e-mails itself (fast path); they must read exactly like the
ones Django's e-mail package builds, and unusual content must still go through Django."""

from __future__ import annotations

import uuid
from email import message_from_bytes, policy

import pytest

from mijnservices.services.notifications.channels import SmtpEmail, message_id, plain_message
from mijnservices.services.notifications.models import Notification


def _notification(**fields) -> Notification:
    values = {
        "uuid": uuid.uuid4(),
        "adres": "suzanne@example.nl",
        "onderwerp": "Er is nieuws over uw zaak",
        "tekst": "Beste inwoner,\n\nBekijk het in MijnZaken.\n",
    }
    values.update(fields)
    return Notification(**values)


def _read(raw: bytes):
    return message_from_bytes(raw, policy=policy.default)


@pytest.mark.parametrize(
    ("onderwerp", "tekst"),
    [
        ("Er is nieuws over uw zaak", "Beste inwoner,\n\nBekijk het in MijnZaken.\n.\n"),
        ("Uw aanvraag is ontvangen: geüpload", "Geachte heer Ünal,\r\nZie één bericht.\n"),
    ],
)
def test_the_fast_message_reads_like_djangos(settings, onderwerp, tekst):
    settings.DEFAULT_FROM_EMAIL = "Gemeente Zaanstad <noreply@mijn.example.nl>"
    notification = _notification(onderwerp=onderwerp, tekst=tekst)
    reference = message_id(notification)
    fast = _read(plain_message(notification, settings.DEFAULT_FROM_EMAIL, reference) or b"")
    django = _read(
        SmtpEmail._django_message(notification, reference).message().as_bytes(linesep="\r\n")
    )
    for header in ("Subject", "From", "To", "Message-ID", "X-Notification-Id"):
        assert str(fast[header]) == str(django[header]), header
    assert fast.get_content() == django.get_content()
    assert fast.get_content_type() == "text/plain"
    assert fast["Date"]


@pytest.mark.django_db
def test_the_sender_is_the_organisation_when_the_address_names_nobody(settings):
    # Issue 21: e-mails are sent in the organisation's name, not "MijnServices".
    from mijnservices.services.notifications.channels import sender_header

    settings.DEFAULT_FROM_EMAIL = "noreply@mijn.example.nl"
    settings.ORGANISATION_NAME = "Gemeente Voorbeeldstad"
    assert sender_header() == "Gemeente Voorbeeldstad <noreply@mijn.example.nl>"
    settings.DEFAULT_FROM_EMAIL = "Team Zaken <zaken@mijn.example.nl>"
    assert sender_header() == "Team Zaken <zaken@mijn.example.nl>"


def test_unusual_content_goes_through_django():
    assert plain_message(_notification(adres="jösé@example.nl"), "a@b.nl", "<x@y>") is None
    assert plain_message(_notification(tekst="x" * 1200), "a@b.nl", "<x@y>") is None
    assert plain_message(_notification(adres="a@b.nl\r\nBcc: c@d.nl"), "a@b.nl", "<x@y>") is None


@pytest.mark.django_db
def test_both_ways_arrive_at_a_real_smtp_server(smtp):
    channel = SmtpEmail()
    try:
        channel.send(_notification(onderwerp="Gewoon"))
        channel.send(_notification(adres="jösé@example.nl", onderwerp="Anders"))
    finally:
        channel.close()
    assert sorted(m.subject for m in smtp.snapshot()) == ["Anders", "Gewoon"]
