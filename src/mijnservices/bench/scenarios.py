"""Benchmark scenarios. Each prints its numbers; none asserts a target."""

from __future__ import annotations

import time
from collections.abc import Callable

from django.conf import settings
from django.contrib.sessions.backends.db import SessionStore
from django.test import RequestFactory

from mijnservices.bench.citizen_notifications import citizen_notifications
from mijnservices.bench.load import run_load
from mijnservices.bench.notifications import notifications
from mijnservices.bench.seed import seed
from mijnservices.bench.server import running_server
from mijnservices.bench.sources import sources
from mijnservices.bench.zaken_api import zaken_api
from mijnservices.core.identity import Citizen, Party
from mijnservices.portal.auth import login_citizen
from mijnservices.services.mijnzaken.selectors import zaken_for_overview

TARGET_BSN = "999995340"


def _session_cookie(citizen: Citizen) -> str:
    request = RequestFactory().get("/")
    request.session = SessionStore()
    login_citizen(request, citizen)
    request.session.save()
    return f"{settings.SESSION_COOKIE_NAME}={request.session.session_key}"


def portal(
    *, zaken: int, clients: int, seconds: float, write: Callable[[str], None], **_: object
) -> None:
    """Overview and detail of a citizen with 50 zaken among ``zaken`` others."""
    started = time.monotonic()
    seed(zaken=zaken, target_bsn=TARGET_BSN, target_zaken=50)
    write(f"seeded {zaken} zaken in {time.monotonic() - started:.0f}s")
    citizen = Citizen(actor=Party("bsn", TARGET_BSN), auth_method="demo")
    uuids = [str(u) for u in zaken_for_overview(citizen).values_list("uuid", flat=True)]
    write(f"citizen has {len(uuids)} zaken")
    headers = {"Cookie": _session_cookie(citizen), "Accept-Language": "nl"}
    with running_server(workers=2) as port:
        for name, path_for in (
            ("overview /mijn-zaken/", lambda n: "/mijn-zaken/"),
            ("detail /mijn-zaken/<uuid>/", lambda n: f"/mijn-zaken/{uuids[n % len(uuids)]}/"),
        ):
            run_load(
                name="warm-up",
                host="127.0.0.1",
                port=port,
                path_for=path_for,
                headers=headers,
                clients=2,
                seconds=1,
            )
            result = run_load(
                name=name,
                host="127.0.0.1",
                port=port,
                path_for=path_for,
                headers=headers,
                clients=clients,
                seconds=seconds,
            )
            write(result.summary())


SCENARIOS: dict[str, Callable[..., None]] = {
    "portal": portal,
    "zaken-api": zaken_api,
    "notifications": notifications,
    "citizen-notifications": citizen_notifications,
    "sources": sources,
}
