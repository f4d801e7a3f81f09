"""Drive a running server with a load generator and measure what it cost.

wrk (Debian's compiled load generator, with ``lua/paths.lua``) keeps ``clients`` connections
busy for ``seconds`` and reports client latency; the server's ``Server-Timing`` gives its
wall and in-process CPU time per request; ``/proc`` gives the CPU time of the web processes
and of the PostgreSQL backends (:mod:`.cpu`), which divided by the requests served is the
robust figure on a shared machine. Without wrk the Python generator of :mod:`.load` runs
instead and the table says so (its threads compete with the server for the cores)."""

from __future__ import annotations

import json
import resource
import shutil
import subprocess
import tempfile
from collections.abc import Callable
from dataclasses import asdict, dataclass
from pathlib import Path
from typing import Any

from mijnservices.bench.cpu import CpuMeter
from mijnservices.bench.load import run_load
from mijnservices.bench.server import Server

LUA = Path(__file__).parent / "lua" / "paths.lua"


@dataclass
class Measurement:
    name: str
    requests: int
    errors: int
    seconds: float
    p50_ms: float
    p95_ms: float
    p99_ms: float
    server_ms: float  # mean wall time in the server (Server-Timing app)
    python_cpu_ms: float  # mean CPU time of the request's thread (Server-Timing cpu)
    web_cpu_ms: float  # web processes' CPU per request (/proc)
    db_cpu_ms: float  # PostgreSQL backends' CPU per request (/proc)
    generator_cpu_ms: float  # the load generator's own CPU per request
    generator: str

    @property
    def rps(self) -> float:
        return self.requests / self.seconds if self.seconds else 0.0

    @property
    def cpu_ms(self) -> float:
        return self.web_cpu_ms + self.db_cpu_ms


Request = tuple[str, str]  # (path, cookie)


def _children_cpu() -> float:
    usage = resource.getrusage(resource.RUSAGE_CHILDREN)
    return usage.ru_utime + usage.ru_stime


def _wrk(
    server: Server,
    requests: list[Request],
    headers: dict[str, str],
    clients: int,
    seconds: float,
    body: str | None = None,
) -> dict[str, float]:
    with tempfile.NamedTemporaryFile("w", suffix=".txt", delete=False) as paths:
        paths.write("".join(f"{path}\t{cookie}\n" for path, cookie in requests))
    extra: list[str] = []
    if body is not None:
        with tempfile.NamedTemporaryFile("w", suffix=".json", delete=False) as body_file:
            body_file.write(body)
        extra = [body_file.name]  # the script POSTs it to the paths, expecting 201
    command = [
        "wrk",
        "-t",
        "1",
        "-c",
        str(clients),
        "-d",
        f"{max(1, round(seconds))}s",
        "--timeout",
        "10s",
    ]
    for name, value in headers.items():
        command += ["-H", f"{name}: {value}"]
    command += ["-s", str(LUA), f"http://127.0.0.1:{server.port}", "--", paths.name, *extra]
    try:
        # wrk from PATH with our own arguments: loopback URL, files we wrote.
        output = subprocess.run(command, capture_output=True, text=True, check=True).stdout  # noqa: S603
    finally:
        for name in (paths.name, *extra):
            Path(name).unlink()
    line = next(line for line in output.splitlines() if line.startswith("WRK "))
    return json.loads(line[4:])  # type: ignore[no-any-return]


def _python(
    server: Server,
    requests: list[Request],
    headers: dict[str, str],
    clients: int,
    seconds: float,
    body: str | None = None,
) -> dict[str, float]:
    if body is not None:
        raise RuntimeError("A write scenario needs wrk (make system-deps installs it).")

    def path_for(n: int) -> str:
        return requests[n % len(requests)][0]

    cookie = requests[0][1]  # the Python generator keeps one session
    result = run_load(
        name="",
        host="127.0.0.1",
        port=server.port,
        path_for=path_for,
        headers={**headers, **({"Cookie": cookie} if cookie else {})},
        clients=clients,
        seconds=seconds,
    )
    lat = result.latencies_ms
    return {
        "requests": len(lat),
        "duration_us": result.seconds * 1e6,
        "p50_us": result._pct(lat, 50) * 1000,
        "p95_us": result._pct(lat, 95) * 1000,
        "p99_us": result._pct(lat, 99) * 1000,
        "non_200": result.errors,
        "socket_errors": 0,
        "timed": len(result.server_ms),
        "app_ms_sum": sum(result.server_ms),
        "cpu_ms_sum": 0.0,
    }


def measure(
    *,
    name: str,
    server: Server,
    requests: list[Request],
    headers: dict[str, str],
    clients: int,
    seconds: float,
    body: str | None = None,
) -> Measurement:
    """``body``: POST it (JSON) to the paths instead of GETting them; 201 is success."""
    generator = "wrk" if shutil.which("wrk") else "python"
    drive = _wrk if generator == "wrk" else _python
    drive(server, requests, headers, 2, 2.0, body)  # warm-up: connections, caches, plans
    meter = CpuMeter(server.pid)
    meter.start()
    before = _children_cpu()
    raw = drive(server, requests, headers, clients, seconds, body)
    generator_cpu = _children_cpu() - before
    meter.stop()
    count = max(int(raw["requests"]), 1)
    timed = max(int(raw["timed"]), 1)
    return Measurement(
        name=name,
        requests=int(raw["requests"]),
        errors=int(raw["non_200"] + raw["socket_errors"]),
        seconds=raw["duration_us"] / 1e6,
        p50_ms=raw["p50_us"] / 1000,
        p95_ms=raw["p95_us"] / 1000,
        p99_ms=raw["p99_us"] / 1000,
        server_ms=raw["app_ms_sum"] / timed,
        python_cpu_ms=raw["cpu_ms_sum"] / timed,
        web_cpu_ms=meter.web * 1000 / count,
        db_cpu_ms=meter.database * 1000 / count,
        generator_cpu_ms=generator_cpu * 1000 / count if generator == "wrk" else float("nan"),
        generator=generator,
    )


HEADER = (
    "| path | req/s | CPU ms/req (web + PG) | web | PG | thread CPU | server wall | "
    "client p50 / p95 / p99 ms | errors | generator CPU ms/req |\n"
    "|---|---|---|---|---|---|---|---|---|---|"
)


def row(m: Measurement) -> str:
    return (
        f"| {m.name} | {m.rps:.0f} | **{m.cpu_ms:.1f}** | {m.web_cpu_ms:.1f} | "
        f"{m.db_cpu_ms:.1f} | {m.python_cpu_ms:.1f} | {m.server_ms:.1f} | "
        f"{m.p50_ms:.0f} / {m.p95_ms:.0f} / {m.p99_ms:.0f} | {m.errors} | "
        f"{m.generator_cpu_ms:.2f} ({m.generator}) |"
    )


def table(measurements: list[Measurement]) -> str:
    return "\n".join([HEADER, *(row(m) for m in measurements)])


def save(measurements: list[Measurement], path: Path) -> None:
    """Append to a JSON file that ``--compare`` reads back (before/after tables)."""
    existing = json.loads(path.read_text()) if path.exists() else {}
    existing.update({m.name: asdict(m) for m in measurements})
    path.write_text(json.dumps(existing, indent=1))


def comparison(measurements: list[Measurement], before_path: Path) -> str:
    before = json.loads(before_path.read_text())
    lines = [
        "| path | CPU ms/req before → after | req/s before → after | client p95 before → after |",
        "|---|---|---|---|",
    ]
    for m in measurements:
        b = before.get(m.name)
        if b is None:
            continue
        old = Measurement(**b)
        lines.append(
            f"| {m.name} | {old.cpu_ms:.1f} → **{m.cpu_ms:.1f}** | {old.rps:.0f} → "
            f"**{m.rps:.0f}** | {old.p95_ms:.0f} → **{m.p95_ms:.0f}** |"
        )
    return "\n".join(lines)


def report(measurements: list[Measurement], write: Callable[[str], None], **options: Any) -> None:
    """The table; with ``save`` the figures are kept, with ``compare`` set beside earlier ones."""
    write(table(measurements))
    if options.get("compare"):
        write(comparison(measurements, Path(options["compare"])))
    if options.get("save"):
        save(measurements, Path(options["save"]))
