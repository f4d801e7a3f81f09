from __future__ import annotations

from collections.abc import Iterator
from datetime import date
from typing import Any

import pytest

from mijnservices.core import outbox
from mijnservices.core.identity import Party
from mijnservices.registrations.catalogi.models import StatusType
from mijnservices.registrations.klantinteracties.services import digitaal_adres_create
from mijnservices.registrations.zaken.models import Zaak
from mijnservices.testing.factories import ZaakFactory, published_zaaktype
from mijnservices.testing.notify_server import API_KEY, NotifyServer
from mijnservices.testing.smtp import SmtpSink

SUZANNE = Party(kind="bsn", identifier="999993653")
KEES = Party(kind="bsn", identifier="999992570")
BSN = SUZANNE.identifier


def with_email(party: Party, adres: str = "suzanne@example.nl", verified: bool = True) -> None:
    digitaal_adres_create(
        party=party,
        adres=adres,
        soort="email",
        is_standaard=True,
        verificatie_datum=date(2026, 1, 1) if verified else None,
    )


def with_phone(party: Party, adres: str = "+31612345678") -> None:
    digitaal_adres_create(
        party=party,
        adres=adres,
        soort="telefoonnummer",
        is_standaard=True,
        verificatie_datum=date(2026, 1, 1),
    )


def drain() -> None:
    """Run the outbox handlers (as the worker does) until nothing is due."""
    while outbox.drain_once().total:
        pass


@pytest.fixture
def zaak() -> Zaak:
    """Suzanne's zaak at step 1 of 4; steps 2 and 3 inform the initiator."""
    zaaktype = published_zaaktype(steps=4, identificatie="ZT-NOTIFY")
    StatusType.objects.filter(zaaktype=zaaktype, volgnummer__in=[2, 3]).update(informeren=True)
    return ZaakFactory.create(zaaktype=zaaktype, for_bsn=BSN, status_count=1)


@pytest.fixture
def smtp(settings: Any) -> Iterator[SmtpSink]:
    sink = SmtpSink().start()
    sink.use_in(settings)
    yield sink
    sink.stop()


@pytest.fixture
def notify_api(settings: Any) -> Iterator[NotifyServer]:
    server = NotifyServer().start()
    settings.NOTIFY_API_KEY = API_KEY
    settings.NOTIFY_BASE_URL = server.url
    settings.NOTIFY_EMAIL_TEMPLATE_ID = "11111111-1111-4111-8111-111111111111"
    settings.NOTIFY_SMS_TEMPLATE_ID = "22222222-2222-4222-8222-222222222222"
    settings.NOTIFY_CALLBACK_TOKEN = "callback-secret"
    yield server
    server.stop()


@pytest.fixture(autouse=True)
def _fresh_caches() -> Iterator[None]:
    """The per-process caches of templates and switches start empty in every test."""
    from mijnservices.services.notifications import switches, templates

    switches.cache_clear()
    templates.cache_clear()
    yield
    switches.cache_clear()
    templates.cache_clear()
