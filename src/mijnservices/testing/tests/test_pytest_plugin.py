"""The suite's own isolation and selection (mijnservices.testing.pytest_plugin)."""

from __future__ import annotations

import os
from pathlib import Path

import pytest
from django.conf import settings

from mijnservices.testing.pytest_plugin import TEST_VAR_DIR, uses_database


def test_each_xdist_worker_has_its_own_var_dir():
    worker = os.environ.get("PYTEST_XDIST_WORKER", "main")
    assert Path(settings.VAR_DIR) == (TEST_VAR_DIR / worker).resolve()
    assert os.environ["VAR_DIR"] == str(TEST_VAR_DIR / worker)


def test_a_test_without_the_database_is_not_counted_as_a_database_test(request):
    assert not uses_database(request.node)


@pytest.mark.django_db
def test_the_django_db_marker_counts_as_a_database_test(request):
    assert uses_database(request.node)


def test_a_database_fixture_counts_as_a_database_test(request, db):
    assert uses_database(request.node)


@pytest.fixture
def _indirect(transactional_db):
    return None


def test_a_fixture_that_needs_the_database_counts_too(request, _indirect):
    assert uses_database(request.node)
