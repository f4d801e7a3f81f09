"""``bench sources``: the first sync of citizens' zaken from an external ZGW source.

The source is a second MijnServices process (its own database, real HTTP on loopback), as in
the tests. Each citizen has ``per_citizen`` zaken there (three steps, one status set, an
initiator rol). For each citizen the bench times the first sync (nothing projected yet:
catalogue, zaken, rollen, statussen, documents) and a repeat sync (nothing changed), and
counts the calls made to the source.
"""

from __future__ import annotations

import statistics
import tempfile
import time
from collections.abc import Callable, Mapping
from concurrent.futures import ThreadPoolExecutor
from pathlib import Path
from typing import Any

from mijnservices.bench.sources_roundtrip import status_to_page_and_email
from mijnservices.core.identity import Party
from mijnservices.integration.zgw.client import HttpZgwClient, SourceConfig
from mijnservices.integration.zgw.models import ZgwSource
from mijnservices.integration.zgw.sources import zgw_source_add, zgw_source_remove
from mijnservices.integration.zgw.sync import zaken_sync_for_party
from mijnservices.testing.zgw_source import CLIENT_ID, SECRET, SourceProcess

FIRST_BSN = 999_000_000


class CountingClient(HttpZgwClient):
    """The product's client, counting and timing its calls (every list page is one ``get``)."""

    calls = 0
    seconds: list[float] = []

    def get(self, url: str, params: Mapping[str, str] | None = None) -> dict[str, Any]:
        type(self).calls += 1
        began = time.perf_counter()
        try:
            return super().get(url, params)
        finally:
            type(self).seconds.append(time.perf_counter() - began)

    @classmethod
    def reset(cls) -> None:
        cls.calls = 0
        cls.seconds = []

    @classmethod
    def timing(cls) -> str:
        """The calls' own times, so a reader sees the source's latency was what it claims."""
        if not cls.seconds:
            return "no calls"
        ms = sorted(s * 1000 for s in cls.seconds)
        return f"call min {ms[0]:.0f} / median {statistics.median(ms):.0f} / max {ms[-1]:.0f} ms"


def _bsn(number: int) -> str:
    """A BSN that passes the elfproef (the source's API validates it)."""
    while True:
        digits = f"{number:09d}"
        total = sum(int(d) * w for d, w in zip(digits[:8], range(9, 1, -1), strict=True))
        if (total - int(digits[8])) % 11 == 0:
            return digits
        number += 1


def _citizens(count: int) -> list[str]:
    found: list[str] = []
    number = FIRST_BSN
    while len(found) < count:
        bsn = _bsn(number)
        found.append(bsn)
        number = int(bsn) + 1
    return found


def _seed(
    source: SourceProcess, bsns: list[str], per_citizen: int
) -> tuple[dict[str, Any], list[dict[str, Any]]]:
    """Zaken at the source; every other one has moved on to its second step. Returns the
    zaaktype and the first citizen's zaken still at their first step."""
    types = source.published_zaaktype("ZT-BENCH-BRON")

    def zaak(job: tuple[str, int]) -> dict[str, Any] | None:
        made = source.zaak_for(types, job[0], f"Bench zaak {job[1]}")
        if job[1] % 2:
            source.status_set(made, types["statustypen"][1])
            return None
        return made if job[0] == bsns[0] else None

    jobs = [(bsn, n) for bsn in bsns for n in range(per_citizen)]
    with ThreadPoolExecutor(max_workers=4) as pool:
        first_steps = [made for made in pool.map(zaak, jobs) if made is not None]
    return types, first_steps


def _register(source: SourceProcess) -> ZgwSource:
    ZgwSource.objects.filter(naam="bench-bron").delete()
    return zgw_source_add(
        naam="bench-bron",
        zaken_api=source.root("zaken"),
        catalogi_api=source.root("catalogi"),
        documenten_api=source.root("documenten"),
        besluiten_api=source.root("besluiten"),
        client_id=CLIENT_ID,
        secret=SECRET,
    )


def _client(zgw: ZgwSource) -> CountingClient:
    config = SourceConfig(
        naam=zgw.naam, roots=zgw.roots(), client_id=zgw.client_id, secret=zgw.secret
    )
    return CountingClient(config)


def sources(
    *,
    citizens: int = 3,
    per_citizen: int = 50,
    source_workers: int = 1,
    source_latency_ms: float = 50.0,
    status_changes: int = 10,
    write: Callable[[str], None],
    **_: object,
) -> None:
    with tempfile.TemporaryDirectory(prefix="bench-source-") as tmp:
        source = SourceProcess(Path(tmp), workers=source_workers, latency_ms=source_latency_ms)
        started = time.monotonic()
        source.prepare().start()
        try:
            bsns = _citizens(citizens)
            types, first_steps = _seed(source, bsns, per_citizen)
            write(
                f"source: {source_workers} gunicorn worker(s), each call at least "
                f"{source_latency_ms:.0f} ms, {citizens * per_citizen} zaken "
                f"seeded in {time.monotonic() - started:.0f}s"
            )
            zgw = _register(source)
            firsts: list[float] = []
            cpus: list[float] = []
            for bsn in bsns:
                party = Party(kind="bsn", identifier=bsn)
                CountingClient.reset()
                began, cpu = time.perf_counter(), time.process_time()
                result = zaken_sync_for_party(source=zgw, party=party, reader=_client(zgw))
                first = time.perf_counter() - began
                # Our own work (projection writes in SQLite, which runs in this process, and
                # reading the answers), whatever the source's speed.
                ours = time.process_time() - cpu
                cpus.append(ours)
                calls, timing = CountingClient.calls, CountingClient.timing()
                CountingClient.reset()
                began = time.perf_counter()
                zaken_sync_for_party(source=zgw, party=party, reader=_client(zgw))
                again = time.perf_counter() - began
                firsts.append(first)
                write(
                    f"citizen {len(firsts)}: {len(result.projected)} zaken, first sync "
                    f"{first:.2f}s ({first / max(len(result.projected), 1) * 1000:.0f} ms per "
                    f"zaak, {calls} calls: {timing}; our CPU {ours:.2f}s), repeat {again:.2f}s "
                    f"({CountingClient.calls} calls)"
                    + (f" ERROR {result.error}" if not result.ok else "")
                )
            write(
                f"first sync per citizen: median {statistics.median(firsts):.2f}s, "
                f"max {max(firsts):.2f}s (the first citizen also imports the zaaktype); "
                f"our CPU median {statistics.median(cpus):.2f}s"
            )
            status_to_page_and_email(
                source=source,
                zgw=zgw,
                bsn=bsns[0],
                step=types["statustypen"][1],
                zaken=first_steps[:status_changes],
                write=write,
            )
            zgw_source_remove(source=zgw)
        finally:
            source.stop()
