"""The ``bench`` management command belongs to the bench app and refuses to seed synthetic
data outside demo mode."""

from __future__ import annotations

import pytest
from django.core.management import CommandError, call_command, get_commands


def test_the_bench_command_comes_from_the_bench_app():
    assert get_commands()["bench"] == "mijnservices.bench"


def test_the_bench_command_refuses_to_run_outside_demo_mode(settings):
    settings.DEMO_MODE = False
    with pytest.raises(CommandError, match="DEMO_MODE"):
        call_command("bench", "portal")
