"""Benchmark scenarios. Each prints its numbers; none asserts a target."""

from __future__ import annotations

import time
from collections.abc import Callable
from typing import Any

from django.conf import settings
from django.contrib.sessions.backends.db import SessionStore
from django.test import RequestFactory

from mijnservices.bench.citizen_notifications import citizen_notifications
from mijnservices.bench.cpu import in_process_cpu_ms
from mijnservices.bench.generator import measure, report
from mijnservices.bench.notifications import notifications
from mijnservices.bench.realistic import enrich
from mijnservices.bench.seed import seed
from mijnservices.bench.server import serving
from mijnservices.bench.sources import sources
from mijnservices.bench.zaken_api import zaken_api
from mijnservices.core.identity import Citizen, Party
from mijnservices.portal.auth import login_citizen
from mijnservices.services.mijnzaken.selectors import zaken_for_overview

TARGET_BSN = "999995340"
DETAIL_ZAKEN = 10  # per citizen: the zaken with documents, a besluit and klantcontacten
OVERVIEW = "portal overview /mijn-zaken/ (50 zaken)"
DETAIL = "portal detail /mijn-zaken/<uuid>/"


def _session_cookie(citizen: Citizen) -> str:
    request = RequestFactory().get("/")
    request.session = SessionStore()
    login_citizen(request, citizen)
    request.session.save()
    return f"{settings.SESSION_COOKIE_NAME}={request.session.session_key}"


def _in_process(
    paths: dict[str, list[tuple[str, str]]], headers: dict[str, str], write: Callable[[str], None]
) -> None:
    """Each page through Django's test client in this process, one client per citizen's
    session: the request thread's CPU per request, robust on a loaded machine (as the Zaken
    API bench's, decision 0039; decision 0046)."""
    from django.test import Client

    clients: dict[str, Client] = {}
    for requests in paths.values():
        for path, cookie in requests:
            if cookie not in clients:
                name, value = cookie.split("=", 1)
                clients[cookie] = Client(headers={**headers, "Host": "127.0.0.1"})
                clients[cookie].cookies[name] = value
            clients[cookie].get(path)  # each session saved once first (at most once a minute)

    def get(requests: list[tuple[str, str]]) -> Callable[[int], object]:
        def send(n: int) -> object:
            path, cookie = requests[n % len(requests)]
            response = clients[cookie].get(path)
            assert response.status_code == 200, response.content[:200]
            return response

        return send

    write("| path (in-process, thread CPU, best of 3 x 40) | CPU ms/req |\n|---|---|")
    for name, requests in paths.items():
        write(f"| {name} | **{in_process_cpu_ms(get(requests)):.1f}** |")


def portal(
    *, zaken: int, clients: int, seconds: float, write: Callable[[str], None], **options: Any
) -> None:
    """Overview and detail for ``clients`` citizens with 50 zaken each among ``zaken``
    others, one session each."""
    started = time.monotonic()
    seeded = seed(zaken=zaken, target_bsn=TARGET_BSN, target_zaken=50, citizens=clients)
    enriched = enrich(seeded.target_bsns, per_citizen=DETAIL_ZAKEN)
    write(f"seeded {zaken} zaken in {time.monotonic() - started:.0f}s")
    overview: list[tuple[str, str]] = []
    detail: list[tuple[str, str]] = []
    for bsn in seeded.target_bsns:
        citizen = Citizen(actor=Party("bsn", bsn), auth_method="demo")
        cookie = _session_cookie(citizen)
        overview.append(("/mijn-zaken/", cookie))
        detail.extend((f"/mijn-zaken/{zaak.uuid}/", cookie) for zaak in enriched[bsn])
    counts = sorted(
        zaken_for_overview(Citizen(actor=Party("bsn", bsn), auth_method="demo")).count()
        for bsn in seeded.target_bsns
    )
    write(f"{len(seeded.target_bsns)} citizens with {counts[0]} to {counts[-1]} zaken")
    headers = {"Accept-Language": "nl"}
    _in_process({OVERVIEW: overview, DETAIL: detail}, headers, write)
    results = []
    with serving(
        workers=options.get("web_workers") or 2, threads=options.get("threads") or 1
    ) as server:
        for name, requests in (
            (OVERVIEW, overview),
            (DETAIL, detail),
        ):
            results.append(
                measure(
                    name=name,
                    server=server,
                    requests=requests,
                    headers=headers,
                    clients=clients,
                    seconds=seconds,
                )
            )
    report(results, write, **options)


SCENARIOS: dict[str, Callable[..., None]] = {
    "portal": portal,
    "zaken-api": zaken_api,
    "notifications": notifications,
    "citizen-notifications": citizen_notifications,
    "sources": sources,
}
