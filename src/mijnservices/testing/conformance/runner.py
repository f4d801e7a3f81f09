"""Run the vendored Postman collections with newman against a fresh, live MijnServices.

``python -m mijnservices.testing.conformance [--collection TEXT] [--folder NAME]
[--write-expected] [--keep]``. It is a plain program, not a management command, because it
chooses the database itself: a management command has loaded its settings (``VAR_DIR``, the
database) before it could point them at a fresh temporary folder.
"""

from __future__ import annotations

import argparse
import json
import os
import secrets
import shutil
import signal
import subprocess
import sys
import tempfile
import time
import urllib.request
from collections.abc import Iterator, Sequence
from concurrent.futures import ThreadPoolExecutor
from contextlib import ExitStack, contextmanager
from dataclasses import dataclass
from pathlib import Path
from typing import Any

from mijnservices.testing.conformance import repairs

REPOSITORY_ROOT = Path(__file__).resolve().parents[4]
VENDOR = REPOSITORY_ROOT / "vendor"
SUITES = VENDOR / "gemma-postman-tests"
REFERENTIELIJSTEN = VENDOR / "referentielijsten" / "e38ebc5"
NEWMAN = REPOSITORY_ROOT / "conformance" / "node_modules" / "newman" / "bin" / "newman.js"
EXPECTED = REPOSITORY_ROOT / "conformance" / "expected-failures.yaml"
COLLECTIONS = ("ZGW_api_postman_tests", "ZGW_OAS_tests")
TIMEOUT_SECONDS = 1200  # newman --timeout: a last resort, far above a run on a loaded machine

# The clients the suites' environment names (local.postman_environment.json): one with all
# rights, one "limited" that the suites give rights of their own through the Autorisaties API.
CLIENT_ID, SECRET = "zgw_api_tests", "secret"
LIMITED_CLIENT_ID, LIMITED_SECRET = "zgw_api_tests_limited", "secret_limited"
# Where the suites expect each API (environment variable → our mount).
MOUNTS = {
    "zrc_url": "zaken",
    "drc_url": "documenten",
    "ztc_url": "catalogi",
    "brc_url": "besluiten",
    "nrc_url": "notificaties",
    "ac_url": "autorisaties",
}


@dataclass(frozen=True)
class Suite:
    label: str  # the vendored version's folder
    name: str  # the collection file's stem

    @property
    def id(self) -> str:
        return f"{self.label}/{self.name}"

    @property
    def folder(self) -> Path:
        return SUITES / self.label


def suites(selected: Sequence[str] = ()) -> list[Suite]:
    """Every vendored collection, or those whose id contains one of ``selected``."""
    found = [
        Suite(folder.name, name)
        for folder in sorted(p for p in SUITES.iterdir() if p.is_dir())
        for name in COLLECTIONS
        if (folder / f"{name}.json").is_file()
    ]
    return [s for s in found if not selected or any(text in s.id for text in selected)]


def environment(
    suite: Suite, *, api_root: str, mock: str, referentielijsten: str, token_issuer: str
) -> dict[str, Any]:
    """The suite's own environment file with its URLs pointed at our server and stand-ins."""
    env: dict[str, Any] = json.loads((suite.folder / "local.postman_environment.json").read_text())
    values = {
        **{key: f"{api_root}/{mount}/api/v1" for key, mount in MOUNTS.items()},
        "referentielijst_url": f"{referentielijsten}/api/v1",
        "mock_url": mock,
        "token-issuer_url": f"{token_issuer}/",
        "client_id": CLIENT_ID,
        "secret": SECRET,
        "client_id_limited": LIMITED_CLIENT_ID,
        "secret_limited": LIMITED_SECRET,
    }
    rows = [row for row in env["values"] if row["key"] not in values]
    env["values"] = rows + [{"key": k, "value": v, "enabled": True} for k, v in values.items()]
    return env


def _configure(var_dir: Path, port: int) -> None:
    """Point this process's settings at the fresh folder before Django starts."""
    os.environ.pop("DATABASE_URL", None)
    os.environ.update(
        DJANGO_SETTINGS_MODULE="mijnservices.conf.settings",
        VAR_DIR=str(var_dir),
        SQLITE_PATH=str(var_dir / "mijnservices.sqlite3"),
        SECRET_KEY=secrets.token_urlsafe(48),
        SITE_URL=f"http://127.0.0.1:{port}",
        LOG_LEVEL="WARNING",
        # The 2024 OAS collection signs its tokens with iat = now + 257 s (its addIAT): accept
        # that much clock skew, as Open Zaak's JWT_LEEWAY lets an operator do.
        JWT_LEEWAY="300",
        # The suites change a client's rights and use them in the next request, which may reach
        # the other web worker: no per-process cache of rights here (decision 0035 bounds the
        # staleness at API_CLIENT_CACHE_SECONDS in production).
        API_CLIENT_CACHE_SECONDS="0",
        # gunicorn's control socket goes here, not into a path other instances share.
        XDG_RUNTIME_DIR=str(var_dir),
    )


def _provision() -> None:
    from mijnservices.registrations.autorisaties.services import AutorisatieData
    from mijnservices.testing.api import applicatie_with_secret

    applicatie_with_secret(client_id=CLIENT_ID, secret=SECRET, heeft_alle_autorisaties=True)
    # The limited client starts with the least right there is; the suites set its rights.
    least: AutorisatieData = {"component": "ac", "scopes": ["autorisaties.lezen"]}
    applicatie_with_secret(client_id=LIMITED_CLIENT_ID, secret=LIMITED_SECRET, autorisaties=[least])


@contextmanager
def _web_server(var_dir: Path, port: int, **extra_env: str) -> Iterator[str]:
    from mijnservices.testing.processes import child_env

    log = (var_dir / "web.log").open("ab")
    process = subprocess.Popen(  # noqa: S603 - our own command
        [sys.executable, "-m", "mijnservices", "serve", "--port", str(port), "--workers", "2"],
        env=child_env(**extra_env),
        stdout=log,
        stderr=log,
    )
    url = f"http://127.0.0.1:{port}"
    try:
        deadline = time.monotonic() + 60
        while True:
            try:
                urllib.request.urlopen(f"{url}/inloggen/", timeout=2)  # noqa: S310 - loopback
                break
            except OSError:
                if time.monotonic() > deadline or process.poll() is not None:
                    raise RuntimeError(f"web server did not start; see {log.name}") from None
                time.sleep(0.3)
        yield url
    finally:
        process.terminate()
        process.wait(timeout=30)
        log.close()


def _fresh_database(var_dir: Path, template: Path) -> None:
    from django.db import connections

    connections.close_all()
    database = var_dir / "mijnservices.sqlite3"
    for suffix in ("-wal", "-shm"):
        Path(f"{database}{suffix}").unlink(missing_ok=True)
    shutil.copyfile(template, database)


LOOP_LIMIT = 25
# Some requests loop with setNextRequest until a list they fetched is done; when an earlier step
# failed, that list is empty and the loop never ends (zrc-007b). The guard skips a request (and
# so its loop) once it ran LOOP_LIMIT times, and names it in the global _conformance_loops.
LOOP_GUARD = f"""// Added by mijnservices' conformance runner (decision 0028): loop guard.
(function () {{
    var runs = JSON.parse(pm.globals.get("_conformance_runs") || "{{}}");
    var key = pm.info.requestId;
    runs[key] = (runs[key] || 0) + 1;
    pm.globals.set("_conformance_runs", JSON.stringify(runs));
    if (runs[key] > {LOOP_LIMIT}) {{
        var stopped = JSON.parse(pm.globals.get("_conformance_loops") || "[]");
        if (stopped.indexOf(pm.info.requestName) < 0) {{ stopped.push(pm.info.requestName); }}
        pm.globals.set("_conformance_loops", JSON.stringify(stopped));
        pm.execution.skipRequest();
    }}
}})();
"""


def with_loop_guard(collection: dict[str, Any]) -> dict[str, Any]:
    """The collection with LOOP_GUARD first in its collection-level pre-request script."""
    events = [e for e in collection.get("event", []) if e.get("listen") != "prerequest"]
    original = [e for e in collection.get("event", []) if e.get("listen") == "prerequest"]
    lines = [line for e in original for line in e.get("script", {}).get("exec", [])]
    script = {"type": "text/javascript", "exec": [*LOOP_GUARD.splitlines(), *lines]}
    return {**collection, "event": [{"listen": "prerequest", "script": script}, *events]}


def prepared(collection: Path, other: Path | None) -> dict[str, Any]:
    """The collection as newman runs it: requests its flow names but only ``other`` (the other
    vendored version) holds restored (``repairs``), and the loop guard added."""
    data = json.loads(collection.read_text())
    if other is not None and other.is_file():
        data, _ = repairs.with_restored_requests(data, json.loads(other.read_text()))
    return with_loop_guard(data)


def run_newman(
    collection: Path,
    env: dict[str, Any],
    work: Path,
    folders: Sequence[str] = (),
    other: Path | None = None,
) -> Any:
    """newman's JSON report of one run of ``collection`` (repaired, with the loop guard)."""
    env_file = work / f"{collection.stem}.env.json"
    guarded = work / f"{collection.stem}.guarded.json"
    report = work / f"{collection.stem}.report.json"
    env_file.write_text(json.dumps(env))
    guarded.write_text(json.dumps(prepared(collection, other)))
    command = [
        "node",
        str(NEWMAN),
        "run",
        str(guarded),
        "--environment",
        str(env_file),
        "--reporters",
        "json",
        "--reporter-json-export",
        str(report),
        "--timeout-request",
        "60000",
        "--timeout",  # a suite that loops (setNextRequest) must still end
        str(TIMEOUT_SECONDS * 1000),
        "--suppress-exit-code",
        "--color",
        "off",
    ]
    for folder in folders:
        command += ["--folder", folder]
    from django.conf import settings

    # The suites compare dates the server gives with their own "today" (zrc-004a): let the
    # scripts' clock read the server's time zone, or they disagree for an hour each night.
    env_vars = {**os.environ, "TZ": settings.TIME_ZONE}
    subprocess.run(  # noqa: S603
        command, cwd=work, check=True, stdout=subprocess.DEVNULL, env=env_vars
    )
    return json.loads(report.read_text())


def _suite_result(
    suite: Suite, var_dir: Path, template: Path, port: int, folders: Sequence[str]
) -> Any:
    """Run one collection on a fresh copy of ``template``: the parsed result."""
    from mijnservices.testing.conformance import report, standins
    from mijnservices.testing.conformance.http import LoopbackServer
    from mijnservices.testing.conformance.token_issuer import TokenIssuer
    from mijnservices.testing.processes import free_port

    started = time.monotonic()
    _fresh_database(var_dir, template)
    _provision()
    mock = standins.MockServer(standins.mock_examples(suite.folder / "ZGW_mocks.json"))
    with ExitStack() as stack:
        log = var_dir / "standins.log"
        mock_server = stack.enter_context(LoopbackServer(mock, log=log))
        refs_port = free_port()
        refs = standins.Referentielijsten(REFERENTIELIJSTEN, f"http://127.0.0.1:{refs_port}")
        refs_server = stack.enter_context(LoopbackServer(refs, port=refs_port, log=log))
        # The stand-ins are the other APIs the server may consult: it checks the remote URLs
        # the suites send (zrc-003, zrc-010, drc-002) against them, and the Selectielijst.
        api_root = stack.enter_context(
            _web_server(
                var_dir,
                port,
                REMOTE_API_ROOTS=f"{mock_server.url}/",
                SELECTIELIJST_API_ROOT=f"{refs_server.url}/api/v1/",
            )
        )
        issuer = TokenIssuer(api_root=api_root, admin_client_id=CLIENT_ID, admin_secret=SECRET)
        issuer_server = stack.enter_context(LoopbackServer(issuer, log=log))
        env = environment(
            suite,
            api_root=api_root,
            mock=mock_server.url,
            referentielijsten=refs_server.url,
            token_issuer=issuer_server.url,
        )
        work = var_dir / suite.label
        work.mkdir(exist_ok=True)
        others = [s for s in suites() if s.name == suite.name and s.label != suite.label]
        other = others[0].folder / f"{suite.name}.json" if others else None
        data = run_newman(suite.folder / f"{suite.name}.json", env, work, folders, other)
    print(f"{suite.id}: {time.monotonic() - started:.0f}s", flush=True)
    return report.parse(suite.id, data)


def _in_child(suite: Suite, template: Path, args: argparse.Namespace, out: Path) -> Any:
    """Run one collection in a runner process of its own (``--jobs``): its parsed result."""
    from mijnservices.testing.conformance.results import result_from_json

    command = [sys.executable, "-m", "mijnservices.testing.conformance", "--collection", suite.id]
    command += ["--from-template", str(template), "--result", str(out)]
    for folder in args.folder:
        command += ["--folder", folder]
    if args.keep:
        command.append("--keep")
    subprocess.run(command, check=True)  # noqa: S603 - this program again
    return result_from_json(json.loads(out.read_text()))


def run(args: argparse.Namespace) -> int:
    chosen = suites(args.collection)
    if not chosen:
        print("No collection matches.", file=sys.stderr)
        return 2
    if not NEWMAN.is_file():
        print("newman is missing: run `cd conformance && npm ci` (make conformance does).")
        return 2
    var_dir = Path(tempfile.mkdtemp(prefix="mijnservices-conformance-"))
    from mijnservices.testing.processes import free_port

    port = free_port()
    _configure(var_dir, port)
    import django

    django.setup()
    from django.core.management import call_command
    from django.db import connection

    from mijnservices.testing.conformance import report
    from mijnservices.testing.conformance.results import result_to_json

    # A stop (Ctrl-C, kill) still stops the web server and removes the folder.
    signal.signal(signal.SIGTERM, lambda *_: sys.exit(143))
    started = time.monotonic()
    try:
        template = args.from_template or var_dir / "migrated.sqlite3"
        if args.from_template is None:
            call_command("migrate", verbosity=0)
            with connection.cursor() as cursor:  # a consistent copy, whatever the WAL holds
                cursor.execute("VACUUM INTO %s", [str(template)])
        if args.jobs > 1 and len(chosen) > 1:
            with ThreadPoolExecutor(max_workers=args.jobs) as pool:
                futures = [
                    pool.submit(_in_child, suite, template, args, var_dir / f"result-{n}.json")
                    for n, suite in enumerate(chosen)
                ]
                results = [future.result() for future in futures]
        else:
            results = [_suite_result(s, var_dir, template, port, args.folder) for s in chosen]
        if args.result is not None:  # a child of --jobs: the parent reports
            args.result.write_text(json.dumps(result_to_json(results[0])))
            return 0
        return report.conclude(
            results,
            expected_path=args.expected,
            write_expected=args.write_expected,
            summary_path=args.summary,
            elapsed=time.monotonic() - started,
        )
    finally:
        if args.keep:
            print(f"Kept {var_dir} (database, newman reports, web.log)")
        else:
            shutil.rmtree(var_dir, ignore_errors=True)


def main(argv: Sequence[str] | None = None) -> int:
    parser = argparse.ArgumentParser(
        prog="python -m mijnservices.testing.conformance", description=__doc__.split("\n\n")[0]
    )
    parser.add_argument(
        "--collection",
        action="append",
        default=[],
        help="Run only collections whose id (<version>/<name>) contains this text; repeatable.",
    )
    parser.add_argument(
        "--folder", action="append", default=[], help="Run only this folder (newman --folder)."
    )
    parser.add_argument("--expected", type=Path, default=EXPECTED, help="Expected-failures file.")
    parser.add_argument(
        "--write-expected",
        action="store_true",
        help="Rewrite the expected-failures file from this run (reasons already given are kept).",
    )
    parser.add_argument("--summary", type=Path, help="Also write every failure to this JSON file.")
    parser.add_argument("--keep", action="store_true", help="Keep the temporary VAR_DIR.")
    parser.add_argument(
        "--jobs",
        type=int,
        default=2,
        help="Collections run at once, each with its own database and server (default 2).",
    )
    # Internal: how a --jobs parent starts a child for one collection.
    parser.add_argument("--from-template", type=Path, help=argparse.SUPPRESS)
    parser.add_argument("--result", type=Path, help=argparse.SUPPRESS)
    return run(parser.parse_args(argv))
