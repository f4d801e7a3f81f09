"""Query filters every API shares."""

from __future__ import annotations

from datetime import UTC, datetime
from typing import Any

from django_filters import rest_framework as filters
from rest_framework.exceptions import ValidationError


class IsoDateTimeFilter(filters.IsoDateTimeFilter):
    """An ISO 8601 date-time, compared in UTC: PostgreSQL refuses an offset beyond ±15:59
    (ISO 8601 allows ±23:59), and a moment that leaves the calendar in UTC (year 1 with an
    eastern offset) is refused as invalid input, not a server error."""

    def filter(self, qs: Any, value: Any) -> Any:
        if isinstance(value, datetime) and value.tzinfo is not None:
            try:
                value = value.astimezone(UTC)
            except OverflowError:
                raise ValidationError(
                    {self.field_name: ["The date-time lies outside the calendar in UTC."]},
                    code="invalid",
                ) from None
        return super().filter(qs, value)
