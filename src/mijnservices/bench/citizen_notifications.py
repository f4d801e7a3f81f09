"""Notificatieservice benchmark: status changes turned into e-mails at a real SMTP server on
loopback, by real worker processes.

- **steady rate**: status changes committed at ``rate`` per second for ``seconds`` by
  ``producers`` threads (each its own database connection, as several web processes would);
  reports p50/p95/p99 from the commit of the change to the SMTP server accepting the e-mail,
  and the e-mails per second delivered;
- **backlog**: ``backlog`` changes committed while no worker runs, then the workers start;
  reports how fast they turn into e-mails (the worker's capacity, without sharing the machine
  with the process that makes the changes).
"""

from __future__ import annotations

import subprocess
import sys
import threading
import time
from collections.abc import Callable
from datetime import date, timedelta
from typing import TYPE_CHECKING

from django.db import connection, transaction
from django.utils import timezone

from mijnservices.bench.notifications import _pcts
from mijnservices.core.identity import Party
from mijnservices.registrations.catalogi.models import StatusType
from mijnservices.registrations.klantinteracties.services import digitaal_adres_create
from mijnservices.registrations.zaken import services as zaken_services
from mijnservices.registrations.zaken.models import Zaak
from mijnservices.services.notifications.models import Notification
from mijnservices.testing.builders import published_zaaktype, zaak_with_steps
from mijnservices.testing.processes import child_env

if TYPE_CHECKING:
    from mijnservices.testing.smtp import SmtpSink

PEOPLE = 200


def _setup(people: int = PEOPLE) -> tuple[list[Zaak], list[StatusType]]:
    zaaktype = published_zaaktype(steps=4, identificatie=f"BENCH-NOTIFY-{int(time.time())}")
    StatusType.objects.filter(zaaktype=zaaktype, volgnummer__in=[2, 3]).update(informeren=True)
    steps = list(
        StatusType.objects.filter(zaaktype=zaaktype, volgnummer__in=[2, 3]).order_by("volgnummer")
    )
    zaken: list[Zaak] = []
    for n in range(people):
        bsn = f"8{n:08d}"
        digitaal_adres_create(
            party=Party(kind="bsn", identifier=bsn),
            adres=f"bench{n}@example.nl",
            soort="email",
            is_standaard=True,
            verificatie_datum=date(2026, 1, 1),
        )
        zaken.append(
            zaak_with_steps(
                zaaktype=zaaktype,
                for_bsn=bsn,
                omschrijving=f"Bench {n}",
                startdatum=timezone.localdate() - timedelta(days=10),
            )
        )
    return zaken, steps


def _change(zaken: list[Zaak], steps: list[StatusType], n: int) -> str:
    status = zaken_services.status_set(zaak=zaken[n % len(zaken)], statustype=steps[n % 2])
    return str(status.uuid)


def _arrivals(sink: SmtpSink, uuids_by_event: dict[str, str]) -> dict[str, float]:
    """Arrival time per event id (via the notification's Message-ID)."""
    at = {m.message_id: m.at for m in sink.snapshot()}
    result: dict[str, float] = {}
    for event_id, uuid in uuids_by_event.items():
        arrived = at.get(f"<{uuid}@notificaties.mijnservices>")
        if arrived is not None:
            result[event_id] = arrived
    return result


def _wait(sink: SmtpSink, expected: int, timeout: float) -> None:
    deadline = time.monotonic() + timeout
    while len(sink.snapshot()) < expected and time.monotonic() < deadline:
        time.sleep(0.1)


def _by_event(statuses: dict[str, float]) -> dict[str, float]:
    """Commit time per outbox event id (the event of each status change)."""
    from mijnservices.core.models import OutboxEvent

    paths = {f"/zaken/api/v1/statussen/{uuid}": t for uuid, t in statuses.items()}
    events = OutboxEvent.objects.filter(resource="status", resource_id__in=list(paths)).values_list(
        "id", "resource_id"
    )
    return {str(event_id): paths[path] for event_id, path in events}


def _start_workers(env: dict[str, str], workers: int) -> list[subprocess.Popen[bytes]]:
    return [
        subprocess.Popen(
            [sys.executable, "-m", "mijnservices", "worker"], env=env, stdout=subprocess.DEVNULL
        )
        for _ in range(workers)
    ]


def _stop(processes: list[subprocess.Popen[bytes]]) -> None:
    for process in processes:
        process.terminate()
    for process in processes:
        process.wait(timeout=30)


def _produce(
    zaken: list[Zaak], steps: list[StatusType], *, rate: int, total: int, producers: int
) -> tuple[dict[str, float], float]:
    """Commit ``total`` status changes at ``rate`` per second from ``producers`` threads;
    returns the commit time per status uuid and the rate reached."""
    committed: dict[str, float] = {}
    started = time.monotonic()

    def run(offset: int) -> None:
        try:
            for n in range(offset, total, producers):
                pause = started + n / rate - time.monotonic()
                if pause > 0:
                    time.sleep(pause)
                with transaction.atomic():
                    uuid = _change(zaken, steps, n)
                committed[uuid] = time.time()
        finally:
            connection.close()

    threads = [threading.Thread(target=run, args=(i,)) for i in range(producers)]
    for thread in threads:
        thread.start()
    for thread in threads:
        thread.join()
    return committed, total / (time.monotonic() - started)


def citizen_notifications(
    *,
    seconds: float,
    write: Callable[[str], None],
    workers: int = 1,
    rate: int = 200,
    backlog: int = 2000,
    producers: int = 2,
    people: int = PEOPLE,
    **_: object,
) -> None:
    try:  # aiosmtpd comes with the demo extra (benchmarks run in demo mode)
        from mijnservices.testing.smtp import SmtpSink
    except ImportError as error:
        raise RuntimeError(
            "This benchmark runs a local SMTP server: pip install 'mijnservices[demo]'"
        ) from error

    zaken, steps = _setup(people)
    with SmtpSink() as sink:
        env = child_env(
            EMAIL_HOST="127.0.0.1",
            EMAIL_PORT=str(sink.port),
            NOTIFICATIONS_THROTTLE_MINUTES="0",
            LOG_LEVEL="WARNING",
        )
        processes = _start_workers(env, workers)
        try:
            _wait(sink, people, 300)  # the "received" e-mails of the setup: the workers are warm
            base = len(sink.snapshot())
            total = int(rate * seconds)
            committed, produced = _produce(
                zaken, steps, rate=rate, total=total, producers=producers
            )
            _wait(sink, base + total, 300)
            by_event = _by_event(committed)
            notes = dict(
                Notification.objects.filter(event_id__in=list(by_event)).values_list(
                    "event_id", "uuid"
                )
            )
            arrived = _arrivals(sink, {e: str(u) for e, u in notes.items()})
            latencies = [(arrived[e] - t) * 1000 for e, t in by_event.items() if e in arrived]
            span = max(arrived.values(), default=0) - min(committed.values())
            write(
                f"steady {rate}/s for {seconds:.0f}s ({workers} worker(s), {producers} "
                f"producer(s)): {len(arrived)}/{total} e-mails, committed {produced:.0f}/s, "
                f"delivered {len(arrived) / span if span else 0:.0f}/s | "
                "status change → SMTP accepted " + _pcts(latencies)
            )
            _stop(processes)
            for start in range(0, backlog, 250):
                with transaction.atomic():
                    for n in range(start, min(start + 250, backlog)):
                        _change(zaken, steps, 10**6 + n)
            base = len(sink.snapshot())
            t0 = time.time()
            processes = _start_workers(env, workers)
            _wait(sink, base + backlog, 600)
            mails = sink.snapshot()[base:]
            took = max((m.at for m in mails), default=t0) - t0
            first = min((m.at for m in mails), default=t0)
            write(
                f"backlog {backlog} ({workers} worker(s)): {len(mails)}/{backlog} e-mails in "
                f"{took:.1f}s from the workers' start = {len(mails) / took if took else 0:.0f} "
                f"e-mails/s; from the first e-mail on "
                f"{len(mails) / (took - (first - t0)) if took > first - t0 else 0:.0f}/s"
            )
        finally:
            _stop(processes)
