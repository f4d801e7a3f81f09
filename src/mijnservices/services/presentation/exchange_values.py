"""Values in a catalogue file (decision 0036): the URNs our export gives its items, the
report of an import, and the conversion of the Catalogi API's values (durations, dates,
booleans, lists) to model fields, shared by the export and the import."""

from __future__ import annotations

from dataclasses import dataclass, field
from datetime import date, timedelta
from typing import Any

from django.utils.dateparse import parse_date
from django.utils.translation import gettext as _

from mijnservices.api.fields import duration_iso, parse_iso_duration
from mijnservices.registrations.catalogi.models import Vertrouwelijkheid

PRESENTATION_FILE = "MijnServicesPresentatie.json"
MAX_FILE_BYTES = 20 * 1024 * 1024
URN = "urn:mijnservices:{kind}:{uuid}"


class ImportRefused(Exception):
    """The file cannot be imported; ``problems`` say why (nothing was changed)."""

    def __init__(self, problems: list[str]) -> None:
        super().__init__("; ".join(problems))
        self.problems = problems


@dataclass
class ImportReport:
    created: list[str] = field(default_factory=list)
    updated: list[str] = field(default_factory=list)
    skipped: list[str] = field(default_factory=list)


def parse_duration_value(value: Any, where: str, problems: list[str]) -> timedelta | None:
    if value in (None, ""):
        return None
    parsed = parse_iso_duration(str(value))
    if parsed is None:
        problems.append(
            _("%(where)s: %(value)s is not a duration.") % {"where": where, "value": value}
        )
    return parsed


def parse_date_value(value: Any, where: str, problems: list[str]) -> date | None:
    if value in (None, ""):
        return None
    try:
        parsed = parse_date(str(value)[:10])
    except ValueError:
        parsed = None
    if parsed is None:
        problems.append(_("%(where)s: %(value)s is not a date.") % {"where": where, "value": value})
    return parsed


def convert(
    item: dict[str, Any], attrs: tuple[tuple[str, str, str], ...], where: str, problems: list[str]
) -> dict[str, Any]:
    fields: dict[str, Any] = {}
    for name, api, kind in attrs:
        if api not in item:
            continue
        value = item[api]
        if kind == "duration":
            fields[name] = parse_duration_value(value, f"{where} {api}", problems)
        elif kind == "date":
            fields[name] = parse_date_value(value, f"{where} {api}", problems)
        elif kind == "bool":
            fields[name] = bool(value)
        elif kind == "list":
            fields[name] = value if isinstance(value, list) else []
        else:
            fields[name] = "" if value is None else str(value)
    if fields.get("vertrouwelijkheidaanduiding", "openbaar") not in Vertrouwelijkheid.values:
        problems.append(_("%(where)s: unknown vertrouwelijkheidaanduiding.") % {"where": where})
    return fields


def out(value: Any, kind: str) -> Any:
    if value is None:
        return None
    if kind == "duration":
        return duration_iso(value)
    if kind == "date":
        return value.isoformat()
    return value
