"""Start-up with bad settings stops with a message naming the setting."""

from __future__ import annotations

import os
import subprocess
import sys

import pytest

from mijnservices.conf import env
from mijnservices.conf.env import declare, render_markdown


def _check(env: dict[str, str]) -> subprocess.CompletedProcess[str]:
    base = {k: v for k, v in os.environ.items() if k not in {"SECRET_KEY", "DEMO_MODE", "DEBUG"}}
    return subprocess.run(
        [sys.executable, "-m", "mijnservices", "check"],
        env={**base, **env},
        capture_output=True,
        text=True,
        timeout=120,
        check=False,
    )


def test_missing_secret_key_outside_demo_stops_startup_naming_it():
    result = _check({})
    assert result.returncode == 2
    assert "SECRET_KEY" in result.stderr


def test_unparseable_number_names_the_setting():
    result = _check({"DEMO_MODE": "true", "PORT": "eighty"})
    assert result.returncode == 2
    assert "PORT='eighty'" in result.stderr
    assert "whole number" in result.stderr


def test_unsupported_database_url_is_refused():
    result = _check({"DEMO_MODE": "true", "DATABASE_URL": "mysql://db/x"})
    assert result.returncode == 2
    assert "DATABASE_URL" in result.stderr


def test_secret_values_are_not_echoed_in_errors():
    result = _check({"SECRET_KEY": "tooshort-but-private"})
    assert result.returncode == 2
    assert "tooshort-but-private" not in result.stderr
    assert "(hidden)" in result.stderr


def test_demo_mode_starts_without_secret_key():
    result = _check({"DEMO_MODE": "yes"})
    assert result.returncode == 0, result.stderr


def test_declare_parses_booleans_and_lists(monkeypatch: pytest.MonkeyPatch):
    monkeypatch.setattr(env, "REGISTRY", {})
    monkeypatch.setenv("X_TEST_FLAG", "on")
    monkeypatch.setenv("X_TEST_LIST", "a, b,,c")
    assert declare("X_TEST_FLAG", False, "doc") is True
    assert declare("X_TEST_LIST", ["z"], "doc") == ["a", "b", "c"]


def test_configuration_reference_is_up_to_date():
    """docs/configuration.md is generated from the declarations; it must not drift."""
    from pathlib import Path

    committed = Path(__file__).resolve().parents[4] / "docs" / "configuration.md"
    assert committed.read_text() == render_markdown() + "\n", (
        "docs/configuration.md is outdated: run `mijnservices config-docs`"
    )


def test_behind_tls_turns_on_secure_cookies_and_hsts():
    code = (
        "import django; django.setup(); from django.conf import settings as s; "
        "print(s.SESSION_COOKIE_SECURE, s.CSRF_COOKIE_SECURE, s.SECURE_HSTS_SECONDS)"
    )
    env = {
        **os.environ,
        "BEHIND_TLS": "true",
        "DJANGO_SETTINGS_MODULE": "mijnservices.conf.settings",
    }
    result = subprocess.run(  # noqa: S603 (our own interpreter and code)
        [sys.executable, "-c", code], env=env, capture_output=True, text=True, check=True
    )
    assert result.stdout.split() == ["True", "True", "31536000"]
