"""Benchmark: the Zaken API's BSN search and zaak detail under 16 concurrent clients."""

from __future__ import annotations

import json
import random
import time
import warnings
from collections.abc import Callable
from typing import Any

import jwt

from mijnservices.bench.cpu import in_process_cpu_ms
from mijnservices.bench.generator import Measurement, measure, report
from mijnservices.bench.seed import _bsn, seed
from mijnservices.bench.server import serving
from mijnservices.core.models import OutboxEvent
from mijnservices.registrations.autorisaties.demo import (
    DEMO_CLIENT_ID,
    DEMO_SECRET,
    ensure_demo_client,
)
from mijnservices.registrations.catalogi.models import ZaakType
from mijnservices.registrations.zaken.models import Zaak

TARGET_BSN = "999995340"
SAMPLE = 2000
LIST = "GET /zaken/api/v1/zaken?rol__…__inpBsn= (≈5 zaken)"
DETAIL = "GET /zaken/api/v1/zaken/{uuid}"
CREATE = "POST /zaken/api/v1/zaken (a zaak of a published zaaktype)"
BRONORGANISATIE = "111222333"  # a valid RSIN for the bench's own zaken, removed after the run


def _token() -> str:
    with warnings.catch_warnings():
        warnings.simplefilter("ignore")  # the demo secret is short
        return jwt.encode(
            {"iss": DEMO_CLIENT_ID, "client_id": DEMO_CLIENT_ID, "iat": int(time.time())},
            DEMO_SECRET,
            algorithm="HS256",
        )


def _create_body(port: int) -> str:
    zaaktype = ZaakType.objects.filter(concept=False).order_by("pk").first()
    if zaaktype is None:
        raise RuntimeError("The bench database has no published zaaktype.")
    return json.dumps(
        {
            "zaaktype": f"http://127.0.0.1:{port}/catalogi/api/v1/zaaktypen/{zaaktype.uuid}",
            "bronorganisatie": BRONORGANISATIE,
            "verantwoordelijkeOrganisatie": "002220647",
            "startdatum": time.strftime("%Y-%m-%d"),
            "omschrijving": "Benchmark",
        }
    )


def _remove_created() -> int:
    """Delete the zaken the create scenario made and the outbox events of their creation,
    so the bench database stays as seeded for the next run."""
    OutboxEvent.objects.filter(resource="zaak", kenmerken__bronorganisatie=BRONORGANISATIE).delete()
    removed, _ = Zaak.objects.filter(bron_url="", bronorganisatie=BRONORGANISATIE).delete()
    return removed


def _in_process(
    paths: dict[str, list[str]], headers: dict[str, str], body: str, write: Callable[[str], None]
) -> None:
    """The three paths through Django's test client in this process: the request thread's
    CPU per request, robust on a loaded machine (decision 0039)."""
    from django.test import Client

    client = Client(headers={**headers, "Host": "127.0.0.1"})

    def get(name: str) -> Callable[[int], object]:
        def send(n: int) -> object:
            response = client.get(paths[name][n % len(paths[name])])
            assert response.status_code == 200, response.content[:200]
            return response

        return send

    def post(n: int) -> object:
        response = client.post(
            "/zaken/api/v1/zaken",
            data=body,
            content_type="application/json",
            headers={"Content-Crs": "EPSG:4326"},
        )
        assert response.status_code == 201, response.content[:200]
        return response

    figures = [(LIST, get(LIST)), (DETAIL, get(DETAIL)), (CREATE, post)]
    write("| path (in-process, thread CPU, best of 3 x 40) | CPU ms/req |\n|---|---|")
    for name, send in figures:
        write(f"| {name} | **{in_process_cpu_ms(send):.1f}** |")


def zaken_api(
    *, zaken: int, clients: int, seconds: float, write: Callable[[str], None], **options: Any
) -> None:
    started = time.monotonic()
    seed(zaken=zaken, target_bsn=TARGET_BSN, target_zaken=50)
    write(f"seeded {zaken} zaken in {time.monotonic() - started:.0f}s")
    ensure_demo_client()
    rng = random.Random(7)  # noqa: S311 - reproducible sample, not security
    people = max(zaken // 5, 1)
    bsns = [_bsn(rng.randrange(people)) for _ in range(SAMPLE)]
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
    search = f"{base}?rol__betrokkeneIdentificatie__natuurlijkPersoon__inpBsn="
    try:
        _in_process(
            {
                LIST: [f"{search}{bsn}" for bsn in bsns],
                DETAIL: [f"{base}/{uuid}" for uuid in uuids],
            },
            headers,
            _create_body(80),
            write,
        )
    finally:
        _remove_created()
    results: list[Measurement] = []
    try:
        _measure_server(
            results,
            bsns=bsns,
            uuids=uuids,
            headers=headers,
            clients=clients,
            seconds=seconds,
            **options,
        )
    finally:
        # After the server stopped: it finishes requests wrk left in flight at its end.
        write(f"removed the {_remove_created()} rows the create scenario made")
    report(results, write, **options)


def _measure_server(
    results: list[Measurement],
    *,
    bsns: list[str],
    uuids: list[str],
    headers: dict[str, str],
    clients: int,
    seconds: float,
    **options: Any,
) -> None:
    base = "/zaken/api/v1/zaken"
    search = f"{base}?rol__betrokkeneIdentificatie__natuurlijkPersoon__inpBsn="
    with serving(
        workers=options.get("web_workers") or 2, threads=options.get("threads") or 1
    ) as server:
        for name, requests in (
            (LIST, [(f"{search}{bsn}", "") for bsn in bsns]),
            (DETAIL, [(f"{base}/{uuid}", "") for uuid in uuids]),
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
        results.append(
            measure(
                name=CREATE,
                server=server,
                requests=[(base, "")],
                headers={
                    **headers,
                    "Content-Crs": "EPSG:4326",
                    "Content-Type": "application/json",
                },
                clients=clients,
                seconds=seconds,
                body=_create_body(server.port),
            )
        )
