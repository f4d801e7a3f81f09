from __future__ import annotations

from datetime import datetime
from decimal import Decimal
from zoneinfo import ZoneInfo

import pytest

from mijnservices.core.formats import format_moment, format_money


@pytest.mark.parametrize(
    ("amount", "language", "expected"),
    [
        (Decimal("45.5"), "nl", "€\u00a045,50"),
        ("1234.5", "nl", "€\u00a01.234,50"),
        (Decimal("45.50"), "en", "€45.50"),
        ("1234.5", "en", "€1,234.50"),
        (-3, "nl", "-€\u00a03,00"),
    ],
)
def test_money_is_written_the_way_the_language_writes_it(amount, language, expected):
    assert format_money(amount, language=language) == expected


def test_a_missing_or_unreadable_amount_is_empty_not_an_error():
    assert format_money(None) == ""
    assert format_money("veel") == ""


def test_a_moment_is_written_in_local_time_in_the_readers_language():
    moment = datetime(2026, 12, 6, 13, 5, tzinfo=ZoneInfo("UTC"))
    assert format_moment(moment) == "6 december 2026 om 14:05"
    assert format_moment(moment, language="en") == "6 December 2026 at 14:05"
