"""How the test suite is isolated and selected (loaded first: ``-p`` in pyproject's addopts).

- Each pytest-xdist worker gets its own ``VAR_DIR`` (``var/test/gw0``, ``var/test/gw1``, …;
  ``var/test/main`` without xdist), set before Django reads its settings, so document files,
  static files and the SQLite test databases of parallel workers never meet. Child processes
  that tests start inherit it.
- Tests marked ``soak`` (volume versions of tests that also run small) are left out unless
  the ``-m`` expression names them: ``make soak`` runs ``pytest -m soak``.
- ``--db-tests-only`` keeps only tests that use the database. CI runs the whole suite on
  SQLite and then only these on PostgreSQL: a test that never touches the database gives the
  same answer on both (decision 0023).
"""

from __future__ import annotations

import os
from pathlib import Path

import pytest

TEST_VAR_DIR = Path("var/test")
# Fixtures that give a test the database (directly or through fixtures that depend on them).
DB_FIXTURES = frozenset(
    {
        "db",
        "transactional_db",
        "django_db_reset_sequences",
        "django_db_serialized_rollback",
        "live_server",
        "admin_user",
        "admin_client",
    }
)


@pytest.hookimpl(tryfirst=True)
def pytest_load_initial_conftests(early_config: pytest.Config) -> None:
    # pytest-django imports the settings in its own (later) implementation of this hook.
    worker = os.environ.get("PYTEST_XDIST_WORKER", "main")
    os.environ["VAR_DIR"] = str(TEST_VAR_DIR / worker)


def pytest_addoption(parser: pytest.Parser) -> None:
    parser.addoption(
        "--db-tests-only",
        action="store_true",
        default=False,
        help="Run only tests that use the database (CI's second pass, on PostgreSQL).",
    )


def uses_database(item: pytest.Item) -> bool:
    if item.get_closest_marker("django_db") is not None:
        return True
    return bool(DB_FIXTURES.intersection(getattr(item, "fixturenames", ())))


def pytest_collection_modifyitems(config: pytest.Config, items: list[pytest.Item]) -> None:
    run_soak = "soak" in (config.option.markexpr or "")
    db_only = bool(config.getoption("--db-tests-only"))
    keep: list[pytest.Item] = []
    drop: list[pytest.Item] = []
    for item in items:
        if (item.get_closest_marker("soak") is not None and not run_soak) or (
            db_only and not uses_database(item)
        ):
            drop.append(item)
        else:
            keep.append(item)
    if drop:
        config.hook.pytest_deselected(items=drop)
        items[:] = keep
