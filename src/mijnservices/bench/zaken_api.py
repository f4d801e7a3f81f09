"""Benchmark: the Zaken API's BSN search and zaak detail under 16 concurrent clients."""

from __future__ import annotations

import random
import time
import warnings
from collections.abc import Callable

import jwt

from mijnservices.bench.load import run_load
from mijnservices.bench.seed import _bsn, seed
from mijnservices.bench.server import running_server
from mijnservices.registrations.autorisaties.demo import (
    DEMO_CLIENT_ID,
    DEMO_SECRET,
    ensure_demo_client,
)
from mijnservices.registrations.zaken.models import Zaak

TARGET_BSN = "999995340"
SAMPLE = 2000


def _token() -> str:
    with warnings.catch_warnings():
        warnings.simplefilter("ignore")  # the demo secret is short
        return jwt.encode(
            {"iss": DEMO_CLIENT_ID, "client_id": DEMO_CLIENT_ID, "iat": int(time.time())},
            DEMO_SECRET,
            algorithm="HS256",
        )


def zaken_api(
    *, zaken: int, clients: int, seconds: float, write: Callable[[str], None], **_: object
) -> None:
    started = time.monotonic()
    seed(zaken=zaken, target_bsn=TARGET_BSN, target_zaken=50)
    write(f"seeded {zaken} zaken in {time.monotonic() - started:.0f}s")
    ensure_demo_client()
    rng = random.Random(7)  # noqa: S311 - reproducible sample, not security
    people = max(zaken // 5, 1)
    bsns = [TARGET_BSN] + [_bsn(rng.randrange(people)) for _ in range(SAMPLE)]
    low = Zaak.objects.order_by("pk").values_list("pk", flat=True).first() or 0
    high = Zaak.objects.order_by("-pk").values_list("pk", flat=True).first() or 0
    picks = {rng.randint(low, high) for _ in range(SAMPLE)}
    uuids = [str(u) for u in Zaak.objects.filter(pk__in=picks).values_list("uuid", flat=True)]
    headers = {
        "Authorization": f"Bearer {_token()}",
        "Accept-Crs": "EPSG:4326",
        "Accept": "application/json",
    }
    base = "/zaken/api/v1/zaken"
    with running_server(workers=2) as port:
        for name, path_for in (
            (
                "GET /zaken?rol__betrokkeneIdentificatie__natuurlijkPersoon__inpBsn=…",
                lambda n: (
                    f"{base}?rol__betrokkeneIdentificatie__natuurlijkPersoon__inpBsn="
                    f"{bsns[n % len(bsns)]}"
                ),
            ),
            ("GET /zaken/{uuid}", lambda n: f"{base}/{uuids[n % len(uuids)]}"),
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
