"""Fixtures for the portal tests: logged-in clients, demo mode, and Debian's Chromium."""

from __future__ import annotations

import time
from collections.abc import Callable
from pathlib import Path
from typing import Any

import pytest
from django.test import Client

from mijnservices.core.sessions import TOUCHED
from mijnservices.portal.auth import SESSION_KEY
from mijnservices.portal.management.commands.compile_translations import po_files

CHROMIUM = Path("/usr/bin/chromium")


@pytest.fixture(scope="session", autouse=True)
def _translations_compiled() -> None:
    """The Dutch pages need compiled catalogues; say how to make them instead of failing oddly."""
    stale = [
        po
        for po in po_files()
        if not po.with_suffix(".mo").exists()
        or po.with_suffix(".mo").stat().st_mtime < po.stat().st_mtime
    ]
    if stale:
        pytest.fail(
            f"Translations are not compiled ({', '.join(p.name for p in stale)}): "
            "run `mijnservices compile-translations` first.",
            pytrace=False,
        )


@pytest.fixture(scope="session")
def browser_type_launch_args(browser_type_launch_args: dict[str, Any]) -> dict[str, Any]:
    """Drive Debian's Chromium; Playwright's own browser download is not possible here."""
    if not CHROMIUM.exists():
        pytest.fail(
            f"{CHROMIUM} is missing: install Debian's Chromium (`apt-get install -y chromium`). "
            "Never `playwright install`.",
            pytrace=False,
        )
    return {
        **browser_type_launch_args,
        "executable_path": str(CHROMIUM),
        "args": [
            "--no-sandbox",
            "--disable-gpu",
            "--disable-dev-shm-usage",
            "--disable-background-networking",
            "--disable-component-update",
            "--disable-sync",
            "--no-first-run",
        ],
    }


@pytest.fixture
def demo_mode(settings: Any) -> None:
    settings.DEMO_MODE = True


LoginAs = Callable[..., Client]


@pytest.fixture
def login_as(client: Client) -> LoginAs:
    """Put a citizen in the test client's session, as a DigiD/eHerkenning login would."""

    def _login(identifier: str, *, kind: str = "bsn", name: str = "Test Persoon") -> Client:
        session = client.session
        session[SESSION_KEY] = {
            "actor": {"kind": kind, "identifier": identifier, "vestiging": "", "name": name},
            "auth_method": "digid" if kind == "bsn" else "eherkenning",
            "represented": None,
        }
        # As the response to a real login saves it (core.sessions: at most once a minute).
        session[TOUCHED] = int(time.time())
        session.save()
        return client

    return _login
