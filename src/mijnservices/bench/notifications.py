"""Notification delivery benchmark: real worker processes, a real subscriber on loopback.

Two measurements:

- **steady rate**: changes are committed at ``rate`` per second for ``seconds``; it reports
  the time from each commit to its first delivery attempt arriving at the subscriber
  (p50/p95/p99) and the deliveries per second that kept up;
- **backlog**: ``backlog`` changes committed at once; it reports how fast the workers drain
  them (the sustained delivery capacity).
"""

from __future__ import annotations

import statistics
import subprocess
import sys
import time
from collections.abc import Callable

from django.db import transaction

from mijnservices.bench.load import LoadResult
from mijnservices.core.outbox import event_record
from mijnservices.registrations.notificaties.services import (
    abonnement_create,
    abonnement_delete,
    kanalen_seed,
)
from mijnservices.testing.processes import child_env
from mijnservices.testing.subscriber import Subscriber

BENCH_RSIN = "000000000"  # a bronorganisatie no real zaak has: the abonnement filters on it


def _record(number: int, zaken: int) -> str:
    zaak = f"bench-{number % zaken}"
    event = event_record(
        kanaal="zaken",
        resource="status",
        actie="create",
        hoofd_object=f"/zaken/api/v1/zaken/{zaak}",
        resource_id=f"/zaken/api/v1/statussen/bench-{number}",
        kenmerken={"bronorganisatie": BENCH_RSIN},
    )
    return str(event.id)


def _wait_for(subscriber: Subscriber, ids: set[str], timeout: float) -> dict[str, float]:
    """First arrival time per id, once all arrived (or the timeout passed)."""
    deadline = time.monotonic() + timeout
    while True:
        first: dict[str, float] = {}
        for received in subscriber.snapshot():
            first.setdefault(received.id, received.at)
        if ids <= first.keys() or time.monotonic() > deadline:
            return {i: first[i] for i in ids if i in first}
        time.sleep(0.05)


def _pcts(values: list[float]) -> str:
    return (
        f"p50 {LoadResult._pct(values, 50):.0f} ms p95 {LoadResult._pct(values, 95):.0f} ms "
        f"p99 {LoadResult._pct(values, 99):.0f} ms"
        + (f" mean {statistics.fmean(values):.0f} ms" if values else "")
    )


def notifications(
    *,
    zaken: int,
    seconds: float,
    write: Callable[[str], None],
    workers: int = 1,
    rate: int = 250,
    backlog: int = 5000,
    **_: object,
) -> None:
    kanalen_seed()
    with Subscriber() as subscriber:
        abonnement = abonnement_create(
            callback_url=subscriber.url,
            kanalen=[{"naam": "zaken", "filters": {"bronorganisatie": BENCH_RSIN}}],
            client_id="bench",
            allow_private_network=True,
        )
        env = child_env(LOG_LEVEL="WARNING")
        processes = [
            subprocess.Popen(
                [sys.executable, "-m", "mijnservices", "worker"],
                env=env,
                stdout=subprocess.DEVNULL,
            )
            for _ in range(workers)
        ]
        try:
            with transaction.atomic():
                warm_up = {_record(0, zaken)}
            if not _wait_for(subscriber, warm_up, 60):
                raise RuntimeError("the worker did not deliver the warm-up notificatie")

            # Steady rate: commit one change at a time, paced.
            committed: dict[str, float] = {}
            started = time.monotonic()
            total = int(rate * seconds)
            for n in range(total):
                pause = started + n / rate - time.monotonic()
                if pause > 0:
                    time.sleep(pause)
                with transaction.atomic():
                    event_id = _record(n + 1, zaken)
                committed[event_id] = time.time()
            produced = time.monotonic() - started
            arrived = _wait_for(subscriber, set(committed), 120)
            latencies = [(arrived[i] - t) * 1000 for i, t in committed.items() if i in arrived]
            span = max(arrived.values(), default=0) - min(committed.values())
            write(
                f"steady {rate}/s for {seconds:.0f}s ({workers} worker(s)): {len(arrived)}/"
                f"{total} delivered, committed {total / produced:.0f}/s, delivered "
                f"{len(arrived) / span if span else 0:.0f}/s | commit → first attempt "
                + _pcts(latencies)
            )

            # Backlog: everything committed at once, then drained.
            ids: set[str] = set()
            for start in range(0, backlog, 500):
                with transaction.atomic():
                    ids |= {
                        _record(10**7 + n, zaken) for n in range(start, min(start + 500, backlog))
                    }
            t0 = time.time()
            arrived = _wait_for(subscriber, ids, 300)
            drained = max(arrived.values(), default=t0) - t0
            write(
                f"backlog {backlog} ({workers} worker(s)): {len(arrived)}/{len(ids)} delivered "
                f"in {drained:.1f}s = {len(arrived) / drained if drained else 0:.0f} "
                "deliveries/s"
            )
        finally:
            for process in processes:
                process.terminate()
            for process in processes:
                process.wait(timeout=30)
            abonnement_delete(abonnement=abonnement)
