"""Synthetic zaken at scale for benchmarks.

Writes rows in bulk instead of through the service layer: creating a million zaken one
service call at a time would take hours. On PostgreSQL the rows go in with ``COPY`` and ids
reserved from the tables' sequences up front, so a zaak is written once with its status
pointer (the foreign keys are deferred to the commit). The rows have the same shape the
services produce (rol with copied omschrijving_generiek, status pointer, activity time; a
closed zaak has its final status, a resultaat and an einddatum); ``test_seed`` checks that
the portal and policy read them like service-made zaken.

What the data looks like: about a third of the zaken closed (so the end-date prediction has
history to work on), every zaak an initiator and a behandelaar (medewerker) rol, and
``citizens`` simulated citizens with ``target_zaken`` zaken each; :mod:`.realistic` adds
documents, besluiten and klantcontacten to some of theirs through the services.
"""

from __future__ import annotations

import random
from collections.abc import Sequence
from dataclasses import dataclass
from datetime import datetime, timedelta
from typing import Any

from django.db import connection, models, transaction
from django.utils import timezone

from mijnservices.registrations.catalogi.models import ZaakType
from mijnservices.registrations.zaken.models import Resultaat, Rol, Status, Zaak

BATCH = 5000
BENCH_PREFIX = "BENCH-"
CLOSED_SHARE = 0.35
BEHANDELAARS = 40
TARGET_OFFSET = 40_000_000  # the simulated citizens' numbers: far above any "people"


@dataclass
class SeedReport:
    zaken: int
    target_bsns: list[str]
    target_zaken: int

    @property
    def target_bsn(self) -> str:
        return self.target_bsns[0]


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


def target_bsns(target_bsn: str, citizens: int) -> list[str]:
    """The simulated citizens: ``target_bsn`` and ``citizens - 1`` synthetic people from a
    range the other zaken are never spread over (whatever the size)."""
    return [target_bsn] + [_bsn(TARGET_OFFSET + i) for i in range(citizens - 1)]


def seeded_targets(citizens: int, per_target: int) -> list[str]:
    """The initiators of the first zaak of each simulated citizen, as the database holds
    them (so a database seeded by an earlier version serves as well)."""
    numbers = [f"{BENCH_PREFIX}{n * per_target:08d}" for n in range(citizens)]
    found = dict(
        Rol.objects.filter(
            zaak__identificatie__in=numbers, omschrijving_generiek="initiator"
        ).values_list("zaak__identificatie", "inp_bsn")
    )
    return [found[number] for number in numbers if number in found]


def seed(
    *,
    zaken: int,
    target_bsn: str,
    target_zaken: int = 50,
    people: int | None = None,
    citizens: int = 1,
) -> SeedReport:
    """Add ``zaken`` synthetic zaken over published zaaktypen; ``target_zaken`` of them
    belong to each of ``citizens`` citizens (the first is ``target_bsn``). Idempotent per
    size: existing BENCH zaken count towards it."""
    zaaktypen = list(
        ZaakType.objects.filter(concept=False).prefetch_related(
            "statustypen", "roltypen", "resultaattypen"
        )
    )
    if not zaaktypen:
        raise RuntimeError("No published zaaktype: load the demo data first")
    existing = Zaak.objects.filter(identificatie__startswith=BENCH_PREFIX).count()
    people = people or max(zaken // 5, 1)
    targets = target_bsns(target_bsn, citizens)
    plan = _Plan(zaaktypen=zaaktypen, targets=targets, per_target=target_zaken, people=people)
    for start in range(existing, zaken, BATCH):
        stop = min(start + BATCH, zaken)
        _seed_batch(range(start, stop), plan)
    return SeedReport(
        zaken=zaken,
        target_bsns=seeded_targets(citizens, target_zaken) or targets,
        target_zaken=target_zaken,
    )


@dataclass
class _Plan:
    zaaktypen: list[ZaakType]
    targets: list[str]
    per_target: int
    people: int

    def bsn(self, n: int, rng: random.Random) -> str:
        if n < len(self.targets) * self.per_target:
            return self.targets[n // self.per_target]
        return _bsn(rng.randrange(self.people))


def _reserve_ids(model: type[models.Model], count: int) -> list[int]:
    table = model._meta.db_table
    with connection.cursor() as cursor:
        if connection.vendor == "postgresql":
            cursor.execute(
                "SELECT nextval(pg_get_serial_sequence(%s, 'id')) FROM generate_series(1, %s)",
                [table, count],
            )
            return [row[0] for row in cursor.fetchall()]
        cursor.execute(f'SELECT COALESCE(MAX(id), 0) FROM "{table}"')  # noqa: S608 - a model's table
        first = cursor.fetchone()[0] + 1
        return list(range(first, first + count))


def _write(model: type[models.Model], objects: Sequence[models.Model]) -> None:
    """Insert rows whose primary keys are set: ``COPY`` on PostgreSQL, else bulk INSERT."""
    if not objects:
        return
    if connection.vendor != "postgresql":
        model._default_manager.bulk_create(objects, batch_size=500)
        return
    fields = [f for f in model._meta.concrete_fields]
    columns = ", ".join(connection.ops.quote_name(f.column) for f in fields)
    table = connection.ops.quote_name(model._meta.db_table)
    with connection.cursor() as cursor:
        raw: Any = cursor.cursor
        with raw.copy(f"COPY {table} ({columns}) FROM STDIN") as copy:
            for obj in objects:
                copy.write_row(
                    [f.get_db_prep_save(getattr(obj, f.attname), connection) for f in fields]
                )


@transaction.atomic
def _seed_batch(numbers: range, plan: _Plan) -> None:
    rng = random.Random(numbers.start)  # noqa: S311 - reproducible synthetic data, not security
    now = timezone.now()
    zaak_ids = _reserve_ids(Zaak, len(numbers))
    new_zaken: list[Zaak] = []
    statussen: list[Status] = []
    rollen: list[Rol] = []
    resultaten: list[Resultaat] = []
    for zaak_id, n in zip(zaak_ids, numbers, strict=True):
        zaaktype = plan.zaaktypen[n % len(plan.zaaktypen)]
        statustypen = sorted(zaaktype.statustypen.all(), key=lambda st: st.volgnummer)
        started = now - timedelta(days=rng.randint(1, 700))
        closed = rng.random() < CLOSED_SHARE and started < now - timedelta(days=60)
        reached = len(statustypen) if closed else rng.randint(1, len(statustypen) - 1)
        moments = [min(started + timedelta(days=day * 7), now) for day in range(reached)]
        zaak = Zaak(
            id=zaak_id,
            identificatie=f"{BENCH_PREFIX}{n:08d}",
            bronorganisatie="002220647",
            zaaktype=zaaktype,
            omschrijving=f"Synthetische zaak {n}",
            registratiedatum=started.date(),
            startdatum=started.date(),
            uiterlijke_einddatum_afdoening=started.date() + zaaktype.doorlooptijd,
            einddatum=moments[-1].date() if closed else None,
            vertrouwelijkheidaanduiding=zaaktype.vertrouwelijkheidaanduiding,
            laatste_activiteit=moments[-1],
        )
        zaak_statussen = [
            Status(zaak_id=zaak_id, statustype=statustype, datum_status_gezet=moment)
            for statustype, moment in zip(statustypen[:reached], moments, strict=True)
        ]
        statussen.extend(zaak_statussen)
        new_zaken.append(zaak)
        rollen.extend(_rollen(zaak_id, zaaktype, plan.bsn(n, rng), started, n))
        if closed:
            resultaten.append(
                Resultaat(zaak_id=zaak_id, resultaattype=next(iter(zaaktype.resultaattypen.all())))
            )
    for status, status_id in zip(statussen, _reserve_ids(Status, len(statussen)), strict=True):
        status.id = status_id
    latest = {status.zaak_id: status.id for status in statussen}
    for zaak in new_zaken:
        zaak.status_id = latest.get(zaak.pk)
    for model, rows in ((Rol, rollen), (Resultaat, resultaten)):
        for row, row_id in zip(rows, _reserve_ids(model, len(rows)), strict=True):
            row.pk = row_id
    _write(Zaak, new_zaken)
    _write(Status, statussen)
    _write(Rol, rollen)
    _write(Resultaat, resultaten)


def _rollen(zaak_id: int, zaaktype: ZaakType, bsn: str, started: datetime, n: int) -> list[Rol]:
    roltypen = {rt.omschrijving_generiek: rt for rt in zaaktype.roltypen.all()}
    rollen = [
        Rol(
            zaak_id=zaak_id,
            roltype=roltypen["initiator"],
            omschrijving_generiek="initiator",
            betrokkene_type="natuurlijk_persoon",
            inp_bsn=bsn,
            registratiedatum=started,
        )
    ]
    if "behandelaar" in roltypen:
        rollen.append(
            Rol(
                zaak_id=zaak_id,
                roltype=roltypen["behandelaar"],
                omschrijving_generiek="behandelaar",
                betrokkene_type="medewerker",
                identificatie=f"mdw-{n % BEHANDELAARS:03d}",
                naam=f"Behandelaar {n % BEHANDELAARS}",
                registratiedatum=started,
            )
        )
    return rollen
