"""The demo mail catcher: a real SMTP server that stores what it receives, and the demo mail
viewer that shows it — only in demo mode."""

from __future__ import annotations

import smtplib
from email.message import EmailMessage

import pytest
from aiosmtpd.controller import Controller
from django.test import Client

from mijnservices.demo.mailcatcher import StoringHandler, stored_mails
from mijnservices.testing.processes import free_port

# The pages read the organisation's branding (decision 0036).
pytestmark = pytest.mark.django_db


@pytest.fixture
def catcher(settings, tmp_path):
    settings.VAR_DIR = tmp_path
    settings.DEMO_MODE = True
    controller = Controller(StoringHandler(), hostname="127.0.0.1", port=free_port())
    controller.start()
    yield controller
    controller.stop()


def _send(port: int, subject: str, body: str) -> None:
    message = EmailMessage()
    message["From"] = "gemeente@example.nl"
    message["To"] = "suzanne.jansen@example.nl"
    message["Subject"] = subject
    message.set_content(body)
    with smtplib.SMTP("127.0.0.1", port) as smtp:
        smtp.send_message(message)


def test_mail_sent_over_smtp_is_stored_and_shown_newest_first(catcher):
    _send(catcher.port, "Eerste", "Er is nieuws over uw zaak.")
    _send(catcher.port, "Tweede", "Nog meer nieuws.")
    mails = stored_mails()
    assert [m.subject for m in mails] == ["Tweede", "Eerste"]
    assert mails[1].recipients == "suzanne.jansen@example.nl"
    assert "Er is nieuws over uw zaak." in mails[1].text
    page = Client().get("/demo/mail/").content.decode()
    assert page.index("Tweede") < page.index("Eerste")
    detail = Client().get(f"/demo/mail/{mails[1].id}/")
    assert "Er is nieuws over uw zaak." in detail.content.decode()


def test_the_viewer_does_not_exist_outside_demo_mode(catcher, settings):
    _send(catcher.port, "Geheim", "tekst")
    settings.DEMO_MODE = False
    assert Client().get("/demo/mail/").status_code == 404
    assert Client().get(f"/demo/mail/{stored_mails()[0].id}/").status_code == 404


def test_an_unknown_or_crafted_id_is_not_found(catcher):
    assert Client().get("/demo/mail/..%2Fsecret/").status_code == 404
    assert Client().get("/demo/mail/00000000000000000000-deadbeef/").status_code == 404
