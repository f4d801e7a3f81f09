"""Serializer fields for ZGW shapes: ISO 8601 durations, links to resources."""

from __future__ import annotations

import re
from datetime import timedelta
from typing import Any
from urllib.parse import urlsplit

from drf_spectacular.types import OpenApiTypes
from drf_spectacular.utils import extend_schema_field
from rest_framework import serializers

_ISO_DURATION = re.compile(
    r"^(?P<sign>-?)P(?!$)(?:(?P<years>\d+)Y)?(?:(?P<months>\d+)M)?(?:(?P<weeks>\d+)W)?"
    r"(?:(?P<days>\d+)D)?(?:T(?=\d)(?:(?P<hours>\d+)H)?(?:(?P<minutes>\d+)M)?"
    r"(?:(?P<seconds>\d+(?:[.,]\d+)?)S)?)?$"
)


def parse_iso_duration(text: str) -> timedelta | None:
    """Parse ISO 8601 durations. Years and months are stored as 365 and 30 days: our
    durations are timedeltas (see docs/standards.md)."""
    match = _ISO_DURATION.match(text)
    if match is None:
        return None
    parts = {
        key: float((value or "0").replace(",", "."))
        for key, value in match.groupdict().items()
        if key != "sign"
    }
    value = timedelta(
        days=parts["years"] * 365 + parts["months"] * 30 + parts["weeks"] * 7 + parts["days"],
        hours=parts["hours"],
        minutes=parts["minutes"],
        seconds=parts["seconds"],
    )
    return -value if match.group("sign") else value


def duration_iso(value: timedelta) -> str:
    """``P56D``, ``PT1H30M``, ``P1DT2H``: ISO 8601 like Open Zaak writes them."""
    seconds = int(value.total_seconds())
    sign = "-" if seconds < 0 else ""
    days, rest = divmod(abs(seconds), 86400)
    hours, rest = divmod(rest, 3600)
    minutes, secs = divmod(rest, 60)
    date_part = f"{days}D" if days else ""
    time_part = "".join(
        f"{amount}{unit}" for amount, unit in ((hours, "H"), (minutes, "M"), (secs, "S")) if amount
    )
    if not date_part and not time_part:
        return "P0D"
    return f"{sign}P{date_part}" + (f"T{time_part}" if time_part else "")


@extend_schema_field(OpenApiTypes.DURATION)
class ISODurationField(serializers.Field):  # type: ignore[type-arg]
    default_error_messages = {"invalid": "Give an ISO 8601 duration, e.g. P56D."}

    def to_representation(self, value: timedelta) -> str:
        return duration_iso(value)

    def to_internal_value(self, data: object) -> timedelta:
        parsed = parse_iso_duration(data) if isinstance(data, str) else None
        if parsed is None:
            self.fail("invalid")
        return parsed


def http_status_field() -> serializers.IntegerField:
    """An audit trail's ``resultaat``: an HTTP status code, 100 to 599, as the standards fix it.

    Declared explicitly: left to the model, the bounds follow the database vendor's integer
    range and the generated schema would differ between SQLite and PostgreSQL.
    """
    return serializers.IntegerField(min_value=100, max_value=599, read_only=True)


class ResourceLinkField(serializers.HyperlinkedRelatedField):  # type: ignore[type-arg]
    """A URL to one of our resources. A URL that does not even parse (``http://[::1``) is a
    400 ``no_match`` like any URL that names no resource, not a 500 from ``urlparse``."""

    def to_internal_value(self, data: Any) -> Any:
        if isinstance(data, str):
            try:
                urlsplit(data)
            except ValueError:
                self.fail("no_match")
        return super().to_internal_value(data)
