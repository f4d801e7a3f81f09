from __future__ import annotations

import io
import logging
import logging.config
import time

import pytest

from mijnservices.conf import logging as logging_conf


def _log_an_exception(fmt: str) -> str:
    config = logging_conf.build(level="INFO", fmt=fmt)
    stream = io.StringIO()
    formatter = logging.config.DictConfigurator(config).configure_formatter(
        config["formatters"]["structured"]
    )
    handler = logging.StreamHandler(stream)
    handler.setFormatter(formatter)
    logger = logging.getLogger(f"test-{fmt}")
    logger.addHandler(handler)
    logger.propagate = False
    try:
        bsn = "999993653"  # a local variable that must never be logged
        deep: list[object] = []
        for _ in range(600):
            deep = [deep]
        raise RuntimeError(f"failed after {len(bsn)} digits")
    except RuntimeError:
        logger.exception("api_unhandled_error")
    finally:
        logger.removeHandler(handler)
    return stream.getvalue()


@pytest.mark.parametrize("fmt", ["console", "json"])
def test_logging_an_exception_never_renders_local_variables(fmt):
    started = time.perf_counter()
    output = _log_an_exception(fmt)
    assert time.perf_counter() - started < 1
    assert "RuntimeError" in output and "api_unhandled_error" in output
    assert "999993653" not in output
