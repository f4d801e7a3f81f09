"""The product runs with its runtime packages only: the dev extra (test tools) and the demo
extra (the demo mail catcher's aiosmtpd) are not needed to import it, nor to run
``mijnservices bench`` (decision 0023)."""

from __future__ import annotations

import os
import re
import subprocess
import sys
import textwrap
import tomllib
from importlib.metadata import packages_distributions

from mijnservices.testing.api import REPOSITORY_ROOT

PACKAGE = REPOSITORY_ROOT / "src" / "mijnservices"
# Test helpers, free to use the dev extra; the benchmarks use only the two named here.
TEST_ONLY = {"tests", "migrations", "testing"}
SHARED_WITH_BENCH = ["mijnservices.testing.builders", "mijnservices.testing.processes"]


def _optional_modules() -> set[str]:
    """Top-level modules of the packages named in the dev and demo extras."""
    extras = tomllib.loads((REPOSITORY_ROOT / "pyproject.toml").read_text())["project"][
        "optional-dependencies"
    ]
    names = {
        re.split(r"[\[<>=!~; ]", requirement, maxsplit=1)[0].lower().replace("_", "-")
        for requirement in extras["dev"] + extras["demo"]
    } - {"mijnservices"}
    return {
        module
        for module, dists in packages_distributions().items()
        if any(dist.lower().replace("_", "-") in names for dist in dists)
    }


def _product_modules() -> list[str]:
    return sorted(
        ".".join(path.relative_to(PACKAGE.parent).with_suffix("").parts).removesuffix(".__init__")
        for path in PACKAGE.rglob("*.py")
        if not TEST_ONLY.intersection(path.relative_to(PACKAGE).parts)
    )


def test_the_extras_are_known_to_the_check():
    blocked = _optional_modules()
    assert {"pytest", "factory", "aiosmtpd", "playwright"} <= blocked
    assert not {"django", "rest_framework", "gunicorn"} & blocked


def test_the_product_and_the_benchmarks_import_without_dev_or_demo_packages():
    script = textwrap.dedent(
        f"""
        import importlib, sys

        BLOCKED = {sorted(_optional_modules())!r}

        class Block:
            def find_spec(self, name, path=None, target=None):
                if name.split(".")[0] in BLOCKED:
                    raise ImportError(f"{{name}} is only in the dev or demo extra")

        sys.meta_path.insert(0, Block())
        import django

        django.setup()
        for module in {[*_product_modules(), *SHARED_WITH_BENCH]!r}:
            importlib.import_module(module)
        print("imported")
        """
    )
    result = subprocess.run(  # noqa: S603 - our own script
        [sys.executable, "-c", script],
        env={
            **os.environ,
            "DJANGO_SETTINGS_MODULE": "mijnservices.conf.settings",
            "DEMO_MODE": "true",
        },
        capture_output=True,
        text=True,
        timeout=180,
        check=False,
    )
    assert result.returncode == 0 and "imported" in result.stdout, result.stderr[-3000:]
