"""Serializer fields for ZGW shapes: ISO 8601 durations, links to resources."""

from __future__ import annotations

import re
import uuid
from datetime import UTC, datetime, timedelta
from typing import Any, ClassVar, NoReturn
from urllib.parse import urlsplit

from django.core.exceptions import ObjectDoesNotExist
from drf_spectacular.types import OpenApiTypes
from drf_spectacular.utils import extend_schema_field
from rest_framework import serializers

from mijnservices.api.remote import RemoteResourceInvalid, remote_resource

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
    """``P56D``, ``PT1H30M``, ``P1DT2H``: ISO 8601 like Open Zaak writes them. Whole years
    (365 days, as :func:`parse_iso_duration` reads ``P1Y``) are written as years, so ``P10Y``
    from a client or the Selectielijst comes back as ``P10Y`` (ztc-002g)."""
    seconds = int(value.total_seconds())
    sign = "-" if seconds < 0 else ""
    if seconds and seconds % (365 * 86400) == 0:
        return f"{sign}P{abs(seconds) // (365 * 86400)}Y"
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


class ResourceLink(serializers.HyperlinkedRelatedField):  # type: ignore[type-arg]
    """A relation written as the URL of a resource, with the ZGW error codes: a URL that
    names nothing is ``bad-url`` (zrc-001d, drc-001b, brc-001d), one that names another
    kind of resource is ``invalid-resource`` (zrc-001e, drc-001c, brc-001e)."""

    ZGW_CODES: ClassVar[dict[str, str]] = {
        "no_match": "bad-url",
        "does_not_exist": "bad-url",
        "incorrect_match": "invalid-resource",
        "incorrect_type": "invalid-resource",
    }

    def fail(self, key: str, **kwargs: Any) -> NoReturn:
        try:
            super().fail(key, **kwargs)
        except serializers.ValidationError as exc:
            message = exc.detail[0] if isinstance(exc.detail, list) else str(exc.detail)
            raise serializers.ValidationError(
                str(message), code=self.ZGW_CODES.get(key, key)
            ) from None
        raise AssertionError("fail() always raises")  # pragma: no cover

    def to_internal_value(self, data: Any) -> Any:
        # A URL that does not even parse (``http://[::1``) names nothing: ``bad-url``, not a
        # 500 from ``urlparse``.
        if isinstance(data, str):
            try:
                urlsplit(data)
            except ValueError:
                self.fail("no_match")
        try:
            return super().to_internal_value(data)
        except serializers.ValidationError as exc:
            self._refine_remote(data, exc)
            raise

    def _refine_remote(self, data: Any, exc: serializers.ValidationError) -> None:
        """A URL of another installation's API (``REMOTE_API_ROOTS``) that answers, but with
        something that is no resource, is ``invalid-resource`` (zrc-001e, drc-001c, brc-001e);
        the relation itself must still name a resource of this installation."""
        codes = exc.get_codes()
        if not isinstance(data, str) or codes not in (["bad-url"], "bad-url"):
            return
        try:
            remote_resource(
                data, kind=str(self.view_name).split(":")[-1].removesuffix("-detail"), keys=("url",)
            )
        except RemoteResourceInvalid as invalid:
            if invalid.code == "invalid-resource":
                raise serializers.ValidationError(invalid.message, code=invalid.code) from None

    def get_object(self, view_name: str, view_args: Any, view_kwargs: dict[str, Any]) -> Any:
        # A URL whose last segment is no UUID names nothing (and must not reach the database).
        try:
            uuid.UUID(str(view_kwargs.get(self.lookup_url_kwarg)))
        except ValueError:
            raise ObjectDoesNotExist() from None
        return super().get_object(view_name, view_args, view_kwargs)


class Rfc3339DateTimeField(serializers.DateTimeField):
    """A date-time in the current time zone, or in UTC where that zone's offset was then no
    whole minute (local mean time before 1900: Amsterdam was +00:19:32), which RFC 3339's
    ``date-time`` cannot express."""

    def to_representation(self, value: Any) -> Any:
        if isinstance(value, datetime):
            offset = self.enforce_timezone(value).utcoffset()
            if offset is not None and offset.seconds % 60:
                return value.astimezone(UTC).isoformat().replace("+00:00", "Z")
        return super().to_representation(value)
