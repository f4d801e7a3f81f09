from __future__ import annotations

from collections.abc import Iterator
from typing import Any

import pytest

from mijnservices.testing.zgw_source import SourceProcess


@pytest.fixture(scope="session")
def source_process(tmp_path_factory: Any) -> Iterator[SourceProcess]:
    """A second MijnServices process as "the existing zaaksysteem" (one per test session:
    migrating its database takes a while; tests use their own zaaktypen and BSNs there)."""
    process = SourceProcess(tmp_path_factory.mktemp("zgw-source")).prepare().start()
    yield process
    process.stop()


@pytest.fixture
def source(source_process: SourceProcess) -> Iterator[SourceProcess]:
    """The source process, running (a test may stop it; it is started again after)."""
    if source_process.process is None:
        source_process.start()
    yield source_process
    if source_process.process is None:
        source_process.start()
