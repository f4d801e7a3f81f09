"""Synthetic zaken at scale for benchmarks.

Writes with ``bulk_create`` in batches instead of the service layer: creating a million
zaken one service call at a time would take hours. The rows have the same shape the
services produce (rol with copied omschrijving_generiek, status pointer, activity time);
``test_seed`` checks that the portal and policy read them like service-made zaken.
"""

from __future__ import annotations

import random
from dataclasses import dataclass
from datetime import datetime, timedelta

from django.db import transaction
from django.utils import timezone

from mijnservices.registrations.catalogi.models import StatusType, ZaakType
from mijnservices.registrations.zaken.models import Rol, Status, Zaak

BATCH = 2000
BENCH_PREFIX = "BENCH-"


@dataclass
class SeedReport:
    zaken: int
    target_bsn: str
    target_zaken: int


def _bsn(n: int) -> str:
    """The n-th synthetic person: a unique 9-digit number starting with 9 that passes the
    11-proef. Prefixes 2n and 2n+1 belong to n only; their weighted sums differ by 2, so at
    most one of them needs the impossible check digit 10."""
    for prefix in (9_000_000 + 2 * n, 9_000_000 + 2 * n + 1):
        digits = f"{prefix:08d}"
        check = sum(int(d) * w for d, w in zip(digits, range(9, 1, -1), strict=True)) % 11
        if check < 10:
            return f"{digits}{check}"
    raise AssertionError("unreachable: one of two neighbouring prefixes always works")


def seed(
    *, zaken: int, target_bsn: str, target_zaken: int = 50, people: int | None = None
) -> SeedReport:
    """Add ``zaken`` synthetic zaken over published zaaktypen; ``target_zaken`` of them
    belong to ``target_bsn``. Idempotent per size: existing BENCH zaken count towards it."""
    zaaktypen = list(
        ZaakType.objects.filter(concept=False).prefetch_related("statustypen", "roltypen")
    )
    if not zaaktypen:
        raise RuntimeError("No published zaaktype: load the demo data first")
    existing = Zaak.objects.filter(identificatie__startswith=BENCH_PREFIX).count()
    people = people or max(zaken // 5, 1)
    rng = random.Random(42)  # noqa: S311 - reproducible synthetic data, not security
    now = timezone.now()
    for start in range(existing, zaken, BATCH):
        stop = min(start + BATCH, zaken)
        _seed_batch(range(start, stop), zaaktypen, target_bsn, target_zaken, people, rng, now)
    return SeedReport(zaken=zaken, target_bsn=target_bsn, target_zaken=target_zaken)


@transaction.atomic
def _seed_batch(
    numbers: range,
    zaaktypen: list[ZaakType],
    target_bsn: str,
    target_zaken: int,
    people: int,
    rng: random.Random,
    now: datetime,
) -> None:
    new_zaken: list[Zaak] = []
    plans: list[tuple[ZaakType, list[StatusType], str, datetime]] = []
    for n in numbers:
        zaaktype = zaaktypen[n % len(zaaktypen)]
        statustypen = sorted(zaaktype.statustypen.all(), key=lambda st: st.volgnummer)
        started = now - timedelta(days=rng.randint(1, 700))
        reached = rng.randint(1, len(statustypen) - 1)
        new_zaken.append(
            Zaak(
                identificatie=f"{BENCH_PREFIX}{n:08d}",
                bronorganisatie="002220647",
                zaaktype=zaaktype,
                omschrijving=f"Synthetische zaak {n}",
                registratiedatum=started.date(),
                startdatum=started.date(),
                uiterlijke_einddatum_afdoening=started.date() + zaaktype.doorlooptijd,
                vertrouwelijkheidaanduiding=zaaktype.vertrouwelijkheidaanduiding,
                laatste_activiteit=started + timedelta(days=reached),
            )
        )
        bsn = target_bsn if n < target_zaken else _bsn(rng.randrange(people))
        plans.append((zaaktype, statustypen[:reached], bsn, started))
    Zaak.objects.bulk_create(new_zaken, batch_size=BATCH)
    rollen: list[Rol] = []
    statussen: list[Status] = []
    for zaak, (zaaktype, reached_types, bsn, started) in zip(new_zaken, plans, strict=True):
        roltype = next(
            rt for rt in zaaktype.roltypen.all() if rt.omschrijving_generiek == "initiator"
        )
        rollen.append(
            Rol(
                zaak=zaak,
                roltype=roltype,
                omschrijving_generiek="initiator",
                betrokkene_type="natuurlijk_persoon",
                inp_bsn=bsn,
                registratiedatum=started,
            )
        )
        for day, statustype in enumerate(reached_types):
            statussen.append(
                Status(
                    zaak=zaak,
                    statustype=statustype,
                    datum_status_gezet=started + timedelta(days=day),
                )
            )
    Rol.objects.bulk_create(rollen, batch_size=BATCH)
    Status.objects.bulk_create(statussen, batch_size=BATCH)
    latest: dict[int, Status] = {}
    for status in statussen:
        latest[status.zaak_id] = status
    for zaak in new_zaken:
        zaak.status = latest.get(zaak.pk)
    Zaak.objects.bulk_update(new_zaken, ["status"], batch_size=BATCH)
