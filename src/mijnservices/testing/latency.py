"""A stand-in for the distance to a remote API: a reverse proxy on loopback that answers every
call no sooner than ``ms`` milliseconds after it arrived (the call's own time at the target
counts towards it; a slower answer is not held longer). Calls are served in parallel, each on
its own kept-alive connection to the target, and the ``Host`` header is passed unchanged, so
the target builds its URLs with the proxy's address and every later call goes through it too.

Run as its own process (``python -m mijnservices.testing.latency --port P --target Q --ms
50``), so its threads do not compete with the measured process for the interpreter.
"""

from __future__ import annotations

import argparse
import http.client
import threading
import time
from http.server import BaseHTTPRequestHandler, ThreadingHTTPServer

# Headers of one connection, not of the message (RFC 9110 §7.6.1): not forwarded.
HOP_BY_HOP = frozenset(
    {"connection", "keep-alive", "proxy-connection", "transfer-encoding", "te", "trailer",
     "upgrade", "content-length"}
)  # fmt: skip


def _handler(target_port: int, seconds: float) -> type[BaseHTTPRequestHandler]:
    local = threading.local()

    def connection(fresh: bool = False) -> http.client.HTTPConnection:
        conn = getattr(local, "conn", None)
        if conn is None or fresh:
            if conn is not None:
                conn.close()
            conn = local.conn = http.client.HTTPConnection("127.0.0.1", target_port, timeout=120)
        return conn

    class Handler(BaseHTTPRequestHandler):
        protocol_version = "HTTP/1.1"

        def log_message(self, format: str, *args: object) -> None:
            return  # quiet: a bench prints its own numbers

        def _forward(self) -> None:
            began = time.monotonic()
            length = int(self.headers.get("Content-Length") or 0)
            body = self.rfile.read(length) if length else None
            headers = {k: v for k, v in self.headers.items() if k.lower() not in HOP_BY_HOP}
            for attempt in (1, 2):  # a kept-alive connection the target closed: once more
                try:
                    conn = connection(fresh=attempt == 2)
                    conn.request(self.command, self.path, body=body, headers=headers)
                    answer = conn.getresponse()
                    data = answer.read()
                    break
                except (OSError, http.client.HTTPException):
                    if attempt == 2:
                        self.send_error(502, "The target did not answer")
                        return
            wait = seconds - (time.monotonic() - began)
            if wait > 0:
                time.sleep(wait)
            self.send_response_only(answer.status, answer.reason)
            for name, value in answer.getheaders():
                if name.lower() not in HOP_BY_HOP:
                    self.send_header(name, value)
            self.send_header("Content-Length", str(len(data)))
            self.end_headers()
            if self.command != "HEAD":
                self.wfile.write(data)

        do_GET = do_POST = do_PUT = do_PATCH = do_DELETE = do_HEAD = do_OPTIONS = _forward

    return Handler


def serve(*, port: int, target_port: int, ms: float) -> None:
    server = ThreadingHTTPServer(("127.0.0.1", port), _handler(target_port, ms / 1000))
    server.daemon_threads = True
    server.serve_forever()


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    parser.add_argument("--port", type=int, required=True)
    parser.add_argument("--target", type=int, required=True, help="The target's port.")
    parser.add_argument("--ms", type=float, default=50.0)
    args = parser.parse_args()
    serve(port=args.port, target_port=args.target, ms=args.ms)


if __name__ == "__main__":
    main()
