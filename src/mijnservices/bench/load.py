"""A small closed-loop HTTP load generator for loopback benchmarks.

``clients`` threads each keep one HTTP/1.1 connection open and send requests back to
back for ``seconds`` (or until ``max_requests``). It reports client latency and the
server's own time from the ``Server-Timing`` header. Only loopback targets are allowed.
"""

from __future__ import annotations

import http.client
import re
import statistics
import threading
import time
from collections.abc import Callable
from dataclasses import dataclass, field

SERVER_TIMING = re.compile(r"app;dur=([0-9.]+)")
LOOPBACK = ("127.", "localhost", "::1")


@dataclass
class LoadResult:
    name: str
    latencies_ms: list[float] = field(default_factory=list)
    server_ms: list[float] = field(default_factory=list)
    errors: int = 0
    seconds: float = 0.0

    @staticmethod
    def _pct(values: list[float], pct: float) -> float:
        if not values:
            return float("nan")
        ordered = sorted(values)
        index = min(len(ordered) - 1, max(0, round(pct / 100 * len(ordered)) - 1))
        return ordered[index]

    def summary(self) -> str:
        count = len(self.latencies_ms)
        rps = count / self.seconds if self.seconds else 0.0
        lat, srv = self.latencies_ms, self.server_ms
        return (
            f"{self.name}: {count} requests, {self.errors} errors, {rps:.0f} req/s | "
            f"latency p50 {self._pct(lat, 50):.1f} ms p95 {self._pct(lat, 95):.1f} ms "
            f"p99 {self._pct(lat, 99):.1f} ms | server p50 {self._pct(srv, 50):.1f} ms "
            f"p95 {self._pct(srv, 95):.1f} ms p99 {self._pct(srv, 99):.1f} ms"
            + (f" mean {statistics.fmean(srv):.1f} ms" if srv else "")
        )


def run_load(
    *,
    name: str,
    host: str,
    port: int,
    path_for: Callable[[int], str],
    headers: dict[str, str],
    clients: int = 16,
    seconds: float = 10.0,
    max_requests: int | None = None,
) -> LoadResult:
    if not host.startswith(LOOPBACK):
        raise ValueError("benchmarks only target loopback addresses")
    result = LoadResult(name=name)
    lock = threading.Lock()
    deadline = time.monotonic() + seconds
    sent = [0]

    def client_loop() -> None:
        connection = http.client.HTTPConnection(host, port, timeout=30)
        while time.monotonic() < deadline:
            with lock:
                if max_requests is not None and sent[0] >= max_requests:
                    break
                number = sent[0]
                sent[0] += 1
            started = time.perf_counter()
            try:
                connection.request("GET", path_for(number), headers=headers)
                response = connection.getresponse()
                response.read()
                ok = response.status == 200
                timing = SERVER_TIMING.search(response.getheader("Server-Timing") or "")
            except (OSError, http.client.HTTPException):
                ok, timing = False, None
                connection.close()
                connection = http.client.HTTPConnection(host, port, timeout=30)
            elapsed = (time.perf_counter() - started) * 1000
            with lock:
                if ok:
                    result.latencies_ms.append(elapsed)
                    if timing:
                        result.server_ms.append(float(timing.group(1)))
                else:
                    result.errors += 1
        connection.close()

    started = time.monotonic()
    threads = [threading.Thread(target=client_loop) for _ in range(clients)]
    for thread in threads:
        thread.start()
    for thread in threads:
        thread.join()
    result.seconds = time.monotonic() - started
    return result
