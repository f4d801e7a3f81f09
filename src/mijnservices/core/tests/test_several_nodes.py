"""Several stateless nodes on one PostgreSQL, behind a real HAProxy (Debian's), on loopback:
three `mijnservices serve` and two `mijnservices worker` processes.

Under a steady load: a web node killed with SIGKILL costs only the requests in flight on it,
and HAProxy's health check takes it out; restarted, it comes back; a rolling graceful restart
of every web node (drain in HAProxy, SIGTERM, start, ready) fails no request; a worker killed
in the middle of a burst loses no event. Runs on PostgreSQL only (CI's PostgreSQL phase)."""

from __future__ import annotations

import http.client
import os
import signal
import subprocess
import sys
import threading
import time
from collections import Counter
from collections.abc import Callable

import pytest
from django.db import connection, transaction

from mijnservices.core import outbox
from mijnservices.core.models import OutboxEvent, OutboxStatus
from mijnservices.testing.haproxy import HAProxy, haproxy_binary
from mijnservices.testing.processes import child_env, free_port

pytestmark = [
    pytest.mark.django_db(transaction=True),
    pytest.mark.skipif(haproxy_binary() is None, reason="haproxy is not installed"),
]
LOAD_THREADS = 4


def _wait(predicate: Callable[[], bool], timeout: float, what: str) -> float:
    started = time.monotonic()
    while not predicate():
        if time.monotonic() - started > timeout:
            raise AssertionError(f"timed out waiting for {what}")
        time.sleep(0.05)
    return time.monotonic() - started


class Cluster:
    def __init__(self, tmp_path) -> None:
        self.env = child_env(
            VAR_DIR=str(tmp_path / "var"),
            WEB_CONCURRENCY="1",
            LOG_LEVEL="WARNING",
            HOME=str(tmp_path),
        )
        self.ports = {f"web{n}": free_port() for n in (1, 2, 3)}
        self.web: dict[str, subprocess.Popen[bytes]] = {}
        self.workers: list[subprocess.Popen[bytes]] = []
        self.spares: list[subprocess.Popen[bytes]] = []

    def _spawn(self, *args: str) -> subprocess.Popen[bytes]:
        return subprocess.Popen(  # noqa: S603 - our own command
            [sys.executable, "-m", "mijnservices", *args],
            env=self.env,
            stdout=subprocess.DEVNULL,
            stderr=subprocess.DEVNULL,
            start_new_session=True,  # a process group: SIGKILL takes gunicorn's workers too
        )

    def start_web(self, name: str) -> None:
        self.web[name] = self._spawn("serve", "--port", str(self.ports[name]))

    def spawn_web(self, port: int) -> tuple[subprocess.Popen[bytes], int]:
        process = self._spawn("serve", "--port", str(port))
        self.spares.append(process)
        return process, port

    def start_worker(self) -> None:
        self.workers.append(self._spawn("worker"))

    def stop_all(self) -> None:
        for process in [*self.web.values(), *self.workers, *self.spares]:
            if process.poll() is None:
                os.killpg(process.pid, signal.SIGKILL)
                process.wait(timeout=10)


def _answers(port: int) -> bool:
    conn = http.client.HTTPConnection("127.0.0.1", port, timeout=5)
    try:
        conn.request("GET", "/readyz")
        return conn.getresponse().status == 200
    except OSError:
        return False
    finally:
        conn.close()


class Load:
    """A bounded loop of requests from a few threads; every outcome is counted per phase."""

    def __init__(self, port: int) -> None:
        self.port = port
        self.phase = "steady"
        self.results: Counter[tuple[str, str]] = Counter()
        self.served_by: Counter[str] = Counter()
        self._stop = threading.Event()
        self._lock = threading.Lock()
        self._threads = [threading.Thread(target=self._run, args=(n,)) for n in range(LOAD_THREADS)]

    def _one(self, path: str) -> str:
        conn = http.client.HTTPConnection("127.0.0.1", self.port, timeout=15)
        try:
            conn.request("GET", path)
            response = conn.getresponse()
            response.read()
            self.served_by[response.getheader("X-Served-By") or "?"] += 1
            return "ok" if response.status == 200 else f"http-{response.status}"
        except OSError as exc:
            return type(exc).__name__
        finally:
            conn.close()

    def _run(self, number: int) -> None:
        paths = ["/", "/readyz"]
        count = 0
        while not self._stop.is_set() and count < 20_000:
            outcome = self._one(paths[(count + number) % 2])
            with self._lock:
                self.results[(self.phase, "ok" if outcome == "ok" else "failed")] += 1
            count += 1
            time.sleep(0.01)

    def start(self) -> None:
        for thread in self._threads:
            thread.start()

    def stop(self) -> None:
        self._stop.set()
        for thread in self._threads:
            thread.join(timeout=30)

    def count(self, phase: str, outcome: str) -> int:
        return self.results[(phase, outcome)]


@pytest.fixture
def cluster(tmp_path):
    if connection.vendor != "postgresql":
        pytest.skip("several nodes share one PostgreSQL: runs in CI's PostgreSQL phase")
    nodes = Cluster(tmp_path)
    for name in nodes.ports:
        nodes.start_web(name)
    nodes.start_worker()
    nodes.start_worker()
    proxy = HAProxy(tmp_path, port=free_port(), servers=nodes.ports)
    try:
        yield nodes, proxy
    finally:
        proxy.stop()
        nodes.stop_all()


def test_nodes_behind_haproxy_survive_a_kill_and_a_rolling_restart(cluster, capsys):
    nodes, proxy = cluster
    up = lambda name: proxy.status(name) == "UP"  # noqa: E731
    _wait(lambda: all(up(name) for name in nodes.ports), 90, "all web nodes UP")
    load = Load(proxy.port)
    load.start()
    try:
        time.sleep(1.5)

        # kill -9 one web node (gunicorn master and worker): HAProxy takes it out.
        load.phase = "kill"
        os.killpg(nodes.web["web2"].pid, signal.SIGKILL)
        nodes.web["web2"].wait(timeout=10)
        out_after = _wait(lambda: proxy.status("web2").startswith("DOWN"), 10, "web2 DOWN")
        time.sleep(1)

        # Restarted, it comes back into rotation. Meanwhile the replacements for the rolling
        # restart start on ports of their own (a surge, as an orchestrator does it).
        load.phase = "restart"
        nodes.start_web("web2")
        replacements = {name: nodes.spawn_web(free_port()) for name in nodes.ports}
        back_after = _wait(lambda: up("web2"), 60, "web2 UP again")
        _wait(lambda: all(_answers(port) for _, port in replacements.values()), 60, "surge up")

        # Rolling graceful restart, node by node: drain it in HAProxy, wait until its requests
        # are answered, point the server at its replacement, put it back, SIGTERM the old one.
        load.phase = "rolling"
        stopping: list[subprocess.Popen[bytes]] = []
        for name, (process, port) in replacements.items():
            proxy.set_state(name, "drain")
            _wait(lambda n=name: proxy.servers()[n]["scur"] == "0", 15, f"{name} drained")
            proxy.command(f"set server nodes/{name} addr 127.0.0.1 port {port}")
            proxy.set_state(name, "ready")
            old = nodes.web[name]
            old.send_signal(signal.SIGTERM)  # gunicorn finishes what it has, then exits
            stopping.append(old)
            nodes.web[name] = process
            _wait(lambda n=name: up(n), 10, f"{name} UP")
        assert [old.wait(timeout=30) for old in stopping] == [0, 0, 0]
        load.phase = "after"
        time.sleep(1)
    finally:
        load.stop()

    lost = _kill_a_worker_mid_burst(nodes)

    with capsys.disabled():
        print(
            "\nseveral nodes: "
            f"{sum(load.results.values())} requests "
            f"(served by {dict(sorted(load.served_by.items()))}); "
            f"failed: steady {load.count('steady', 'failed')}, "
            f"during kill {load.count('kill', 'failed')}, "
            f"during restart {load.count('restart', 'failed')}, "
            f"during rolling restart {load.count('rolling', 'failed')} "
            f"of {load.count('rolling', 'ok') + load.count('rolling', 'failed')}; "
            f"killed node out of rotation after {out_after:.2f}s, back after {back_after:.2f}s; "
            f"events lost after a worker kill: {lost}"
        )
    assert load.count("steady", "failed") == 0
    assert load.count("kill", "failed") <= LOAD_THREADS, "only requests in flight may fail"
    assert load.count("restart", "failed") == 0
    assert load.count("rolling", "failed") == 0
    assert load.count("rolling", "ok") > 0 and load.count("after", "ok") > 0
    assert set(load.served_by) >= {"web1", "web2", "web3"}
    assert out_after < 5
    assert lost == 0


def _kill_a_worker_mid_burst(nodes: Cluster) -> int:
    """Record a burst of outbox events, SIGKILL one worker while they are handled: the other
    handles the rest, including the batch the killed one had claimed (its transaction rolls
    back). Returns how many events did not end processed."""
    with transaction.atomic():
        events = [
            outbox.event_record(
                kanaal="ops-test",
                resource="burst",
                actie="create",
                hoofd_object=f"burst-{n}",
                resource_id=f"burst-{n}",
            )
            for n in range(400)
        ]
    ids = [event.id for event in events]
    time.sleep(0.02)
    victim = nodes.workers[0]
    os.killpg(victim.pid, signal.SIGKILL)
    victim.wait(timeout=10)
    processed = OutboxEvent.objects.filter(id__in=ids, status=OutboxStatus.PROCESSED)
    _wait(lambda: processed.count() == len(ids), 30, "every event processed")
    return len(ids) - processed.count()
