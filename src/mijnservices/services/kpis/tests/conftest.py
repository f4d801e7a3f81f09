"""A hand-made set of zaken with known KPI answers (see the table in test_selectors.py)."""

from __future__ import annotations

from collections.abc import Iterator
from dataclasses import dataclass
from datetime import date, datetime, time, timedelta
from typing import Any

import pytest
from django.db import transaction
from django.utils import timezone, translation

from mijnservices.core.identity import Party
from mijnservices.registrations.catalogi.models import ZaakType
from mijnservices.registrations.klantinteracties.models import Internetaak
from mijnservices.registrations.klantinteracties.services import klantcontact_register
from mijnservices.registrations.zaken import services as zaken_services
from mijnservices.registrations.zaken.models import Resultaat, Zaak
from mijnservices.services.casework.referrals import referral_create
from mijnservices.services.casework.selectors import zaak_url
from mijnservices.services.kpis.aggregates import figures_rebuild
from mijnservices.services.notifications.models import Notification
from mijnservices.testing.factories import published_zaaktype

PARTY = Party("bsn", "999993653")


def at(day: date, hour: int = 10) -> datetime:
    return timezone.make_aware(datetime.combine(day, time(hour)))


def steps(zaak: Zaak, *moves: tuple[int, date]) -> None:
    """Set statuses: (volgnummer, day); the final one gets a resultaat first."""
    statustypen = {s.volgnummer: s for s in zaak.zaaktype.statustypen.all()}
    final = max(statustypen)
    for volgnummer, day in moves:
        if volgnummer == final and not Resultaat.objects.filter(zaak=zaak).exists():
            zaken_services.resultaat_set(
                zaak=zaak, resultaattype=zaak.zaaktype.resultaattypen.all()[0]
            )
        zaken_services.status_set(
            zaak=zaak, statustype=statustypen[volgnummer], datum_status_gezet=at(day)
        )


def notification(*, zaak: Zaak | None, kanaal: str, status: str, day: date) -> None:
    n = Notification.objects.count()
    Notification.objects.create(
        dedup_key=f"k{n}",
        event_id=f"e{n}",
        trigger="status",
        party_kind="bsn",
        party_identifier="999993653",
        kanaal=kanaal,
        adres="a@example.org" if kanaal == "email" else "0612345678",
        onderwerp="o",
        tekst="t",
        tekst_sha256="0" * 64,
        zaak_uuid=str(zaak.uuid) if zaak else "",
        status=status,
        next_attempt_at=at(day),
        created_at=at(day),
    )


@dataclass
class Pilot:
    k: ZaakType
    l: ZaakType  # noqa: E741 (the second zaaktype, "L")
    z1: Zaak
    z2: Zaak
    z3: Zaak
    z4: Zaak
    z5: Zaak


@pytest.fixture(scope="module")
def pilot(django_db_setup: Any, django_db_blocker: Any) -> Iterator[Pilot]:
    """Built once per module inside a transaction that is rolled back at the end; each
        test still runs in its own transaction (``db``) on top of it.

    Zaaktype ZT-K (3 steps of 7 days, servicenorm 42 days) and ZT-L, in 2026.

        Z1 10 Jan → 15 Jan → 30 Jan closed (20 days).
        Z2 28 Jan → 10 Feb → 12 Feb closed (15 days): over the month boundary.
        Z3  5 Jan →  8 Jan → 20 Jan closed, reopened 25 Jan, closed 1 Mar (55 days).
        Z4  1 Feb, open.
        Z5 (ZT-L) 20 Jan → 22 Jan closed.
    """
    with django_db_blocker.unblock(), transaction.atomic():
        yield _build()
        transaction.set_rollback(True)


def _build() -> Pilot:
    k = published_zaaktype(identificatie="ZT-K", steps=3, step_days=7)
    other = published_zaaktype(identificatie="ZT-L", steps=2, step_days=7)
    d = date

    def zaak(zaaktype: ZaakType, start: date) -> Zaak:
        return zaken_services.zaak_create(zaaktype=zaaktype, startdatum=start)

    z1 = zaak(k, d(2026, 1, 10))
    steps(z1, (1, d(2026, 1, 10)), (2, d(2026, 1, 15)), (3, d(2026, 1, 30)))
    z2 = zaak(k, d(2026, 1, 28))
    steps(z2, (1, d(2026, 1, 28)), (2, d(2026, 2, 10)), (3, d(2026, 2, 12)))
    z3 = zaak(k, d(2026, 1, 5))
    steps(z3, (1, d(2026, 1, 5)), (2, d(2026, 1, 8)), (3, d(2026, 1, 20)))
    steps(z3, (2, d(2026, 1, 25)), (3, d(2026, 3, 1)))
    z4 = zaak(k, d(2026, 2, 1))
    steps(z4, (1, d(2026, 2, 1)))
    z5 = zaak(other, d(2026, 1, 20))
    steps(z5, (1, d(2026, 1, 20)), (2, d(2026, 1, 22)))

    # Contacts: a KCC status question on Z1 with a referral, an unrelated call, a portal
    # question on Z2.
    call = klantcontact_register(
        party=PARTY,
        kanaal="telefoon",
        onderwerp="vraag over status",
        inhoud="Hoe staat het ervoor?",
        zaak_url=zaak_url(z1),
        actor_naam="kcc",
        plaatsgevonden_op=at(d(2026, 1, 12)),
    )
    referral_create(klantcontact=call, zaak=z1, gevraagde_handeling="Bel terug")
    Internetaak.objects.update(toegewezen_op=at(d(2026, 1, 12)))
    klantcontact_register(
        party=PARTY,
        kanaal="balie",
        onderwerp="overig",
        inhoud="Parkeervergunning",
        plaatsgevonden_op=at(d(2026, 1, 12)),
    )
    klantcontact_register(
        party=PARTY,
        kanaal="portaal",
        onderwerp=f"Vraag over zaak {z2.identificatie}",
        inhoud="Wanneer hoor ik iets?",
        zaak_url=zaak_url(z2),
        plaatsgevonden_op=at(d(2026, 2, 3)),
    )
    notification(zaak=z1, kanaal="email", status="delivered", day=d(2026, 1, 15))
    notification(zaak=z1, kanaal="email", status="permanent-failure", day=d(2026, 1, 30))
    notification(zaak=z2, kanaal="sms", status="delivered", day=d(2026, 2, 10))
    figures_rebuild(start=d(2026, 1, 1), end=d(2026, 3, 31))
    return Pilot(k=k, l=other, z1=z1, z2=z2, z3=z3, z4=z4, z5=z5)


@pytest.fixture
def days_ago() -> Any:
    return lambda n: timezone.localdate() - timedelta(days=n)


@pytest.fixture(autouse=True)
def _english() -> Iterator[None]:
    """Messages are asserted in English (the Dutch catalogue is tested on the pages)."""
    with translation.override("en"):
        yield
