"""A real HAProxy (Debian's) on loopback in front of several web nodes, for the several-nodes
test: health checks on /readyz, a runtime socket for its view of each server (UP/DOWN, open
sessions) and for draining one before a graceful restart."""

from __future__ import annotations

import shutil
import socket
import subprocess
import time
from pathlib import Path

BACKEND = "nodes"


def haproxy_binary() -> str | None:
    return shutil.which("haproxy") or (
        "/usr/sbin/haproxy" if Path("/usr/sbin/haproxy").exists() else None
    )


def config(*, port: int, servers: dict[str, int], admin_socket: Path) -> str:
    lines = [
        "global",
        f"    stats socket {admin_socket} mode 600 level admin",
        "    maxconn 500",
        "defaults",
        "    mode http",
        "    timeout connect 1s",
        "    timeout client 15s",
        "    timeout server 15s",
        # A connection a node refuses (it is stopping or gone) is tried on another node; a
        # request that was already sent is never replayed, so a killed node's in-flight
        # requests fail and are counted.
        "    retries 3",
        "    option redispatch 1",
        "    retry-on conn-failure",
        "frontend web",
        f"    bind 127.0.0.1:{port}",
        f"    default_backend {BACKEND}",
        f"backend {BACKEND}",
        "    balance roundrobin",
        "    option httpchk GET /readyz",
        "    http-check expect status 200",
        "    default-server inter 250ms fall 2 rise 2",
        "    http-response set-header X-Served-By %[srv_name]",
    ]
    lines += [f"    server {name} 127.0.0.1:{p} check" for name, p in servers.items()]
    return "\n".join(lines) + "\n"


class HAProxy:
    def __init__(self, directory: Path, *, port: int, servers: dict[str, int]) -> None:
        binary = haproxy_binary()
        if binary is None:
            raise RuntimeError("haproxy is not installed (apt-get install haproxy)")
        self.port = port
        self.admin_socket = directory / "haproxy.sock"
        cfg = directory / "haproxy.cfg"
        cfg.write_text(config(port=port, servers=servers, admin_socket=self.admin_socket))
        self.process = subprocess.Popen(  # noqa: S603 - Debian's haproxy, our config
            [binary, "-f", str(cfg), "-db"], stdout=subprocess.DEVNULL, stderr=subprocess.DEVNULL
        )
        deadline = time.monotonic() + 20
        while not self.admin_socket.exists():
            if self.process.poll() is not None or time.monotonic() > deadline:
                raise RuntimeError("haproxy did not start")
            time.sleep(0.05)

    def command(self, line: str) -> str:
        with socket.socket(socket.AF_UNIX) as sock:
            sock.settimeout(5)
            sock.connect(str(self.admin_socket))
            sock.sendall(line.encode() + b"\n")
            chunks = []
            while piece := sock.recv(65536):
                chunks.append(piece)
        return b"".join(chunks).decode()

    def servers(self) -> dict[str, dict[str, str]]:
        """Each server's row of ``show stat``: status (UP, DOWN, DRAIN…), scur (sessions)."""
        text = self.command("show stat")
        header, *rows = [line for line in text.splitlines() if line]
        names = header.lstrip("# ").split(",")
        found = {}
        for row in rows:
            values = dict(zip(names, row.split(","), strict=False))
            if values.get("pxname") == BACKEND and values["svname"] not in ("BACKEND", "FRONTEND"):
                found[values["svname"]] = values
        return found

    def status(self, server: str) -> str:
        return self.servers()[server]["status"]

    def set_state(self, server: str, state: str) -> None:
        self.command(f"set server {BACKEND}/{server} state {state}")

    def stop(self) -> None:
        self.process.terminate()
        try:
            self.process.wait(timeout=10)
        except subprocess.TimeoutExpired:
            self.process.kill()
