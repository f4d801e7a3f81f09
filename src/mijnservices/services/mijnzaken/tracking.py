"""Track & trace: turn a zaak's statustypen and status history into dated steps.

Works on a zaak loaded by :func:`selectors.zaak_for_detail` (everything prefetched), so
building the steps costs no queries.
"""

from __future__ import annotations

from collections.abc import Iterable
from dataclasses import dataclass, field
from datetime import date, datetime, timedelta
from typing import Literal

from django.conf import settings
from django.utils import timezone
from django.utils.translation import get_language

from mijnservices.api.fields import parse_iso_duration
from mijnservices.registrations.catalogi.models import StatusType
from mijnservices.registrations.zaken.models import Status, Zaak

StepState = Literal["past", "current", "future", "skipped"]


@dataclass
class SubUpdate:
    omschrijving: str
    tijdstip: datetime


@dataclass
class Step:
    volgnummer: int
    title: str
    explanation: str
    state: StepState
    explanation_language: str = "nl"  # "en" when the statustype has an English text
    reached_at: datetime | None = None
    expected_on: date | None = None
    toelichting: str = ""
    updates: list[SubUpdate] = field(default_factory=list)

    @property
    def is_current(self) -> bool:
        return self.state == "current"


@dataclass(frozen=True)
class Extension:
    """A verlenging (Awb: verdaging): the legal deadline moved, and why."""

    reason: str
    days: int
    original: date


@dataclass
class Tracking:
    steps: list[Step]
    expected_end: date | None
    # One date model (decision 0037): the planned date is the last step's expected date, so
    # it moves with the stepper; the zaak's own einddatum_gepland only when the steps carry no
    # durations. The legal date includes a verlenging.
    planned_end: date | None
    legal_end: date | None
    extension: Extension | None = None
    suspension_reason: str | None = None  # None: not suspended (opgeschort)

    @property
    def planned_after_legal(self) -> bool:
        """The plan runs past the legal deadline: the page must say so, never hide it."""
        return bool(self.planned_end and self.legal_end and self.planned_end > self.legal_end)


def _explanation(statustype: StatusType) -> str:
    if get_language() == "en" and statustype.statustekst_en:
        return statustype.statustekst_en
    return statustype.statustekst


def _state(statustype: StatusType, *, current_nr: int, reached: bool, closed: bool) -> StepState:
    if closed or statustype.volgnummer < current_nr:
        return "past" if reached else "skipped"
    if statustype.volgnummer == current_nr:
        return "current"
    return "future"


def build_tracking(zaak: Zaak, *, today: date | None = None) -> Tracking:
    """All steps of the zaaktype: past ones with the date reached, the current one,
    and future ones with an expected date.

    A step's statustype ``doorlooptijd`` is how long the zaak is expected to stay in
    it, so the next step is expected that long after this one was reached. An expected
    date that has already passed becomes today: the step is late, not skipped.
    """
    today = today or timezone.localdate()
    statustypen: list[StatusType] = list(zaak.zaaktype.statustypen.all())
    reached: dict[int, Status] = {}
    for visit in zaak.statussen.all():  # chronological: the latest visit of a step wins
        reached[visit.statustype_id] = visit
    updates: dict[int | None, list[SubUpdate]] = {}
    for sub in zaak.substatussen.all():
        updates.setdefault(sub.status_id, []).append(
            SubUpdate(omschrijving=sub.omschrijving, tijdstip=sub.tijdstip)
        )
    current = zaak.status
    current_nr = current.statustype.volgnummer if current else 0
    cursor = timezone.localdate(current.datum_status_gezet) if current else zaak.startdatum
    previous_duration = timedelta(0)
    steps: list[Step] = []
    for statustype in statustypen:
        status = reached.get(statustype.pk)
        step = Step(
            volgnummer=statustype.volgnummer,
            title=statustype.omschrijving,
            explanation=_explanation(statustype),
            explanation_language=(
                "en" if get_language() == "en" and statustype.statustekst_en else "nl"
            ),
            state=_state(
                statustype, current_nr=current_nr, reached=status is not None, closed=zaak.is_closed
            ),
        )
        if status is not None and step.state in ("past", "current"):
            step.reached_at = status.datum_status_gezet
            step.toelichting = status.statustoelichting
            step.updates = updates.get(status.pk, [])
        elif step.state == "future":
            cursor = max(cursor + previous_duration, today)
            step.expected_on = cursor
        previous_duration = statustype.expected_duration
        steps.append(step)
    expected_end = steps[-1].expected_on if steps and not zaak.is_closed else None
    has_durations = any(statustype.expected_duration for statustype in statustypen)
    legal_end, extension = _legal_end(zaak)
    return Tracking(
        steps=steps,
        expected_end=expected_end,
        planned_end=expected_end if has_durations else zaak.einddatum_gepland,
        legal_end=legal_end,
        extension=extension,
        suspension_reason=_suspension_reason(zaak),
    )


def _legal_end(zaak: Zaak) -> tuple[date | None, Extension | None]:
    """The legal deadline, moved by the zaak's verlenging (ZGW ``verlenging.duur``).

    ZGW keeps ``uiterlijkeEinddatumAfdoening`` as registered and the extension beside it; the
    date the citizen must be told is the sum.
    """
    original = zaak.uiterlijke_einddatum_afdoening
    verlenging = zaak.verlenging if isinstance(zaak.verlenging, dict) else None
    if original is None or not verlenging:
        return original, None
    duration = parse_iso_duration(str(verlenging.get("duur") or ""))
    if duration is None or duration.days <= 0:
        return original, None
    extension = Extension(
        reason=str(verlenging.get("reden") or ""), days=duration.days, original=original
    )
    return original + timedelta(days=duration.days), extension


def _suspension_reason(zaak: Zaak) -> str | None:
    opschorting = zaak.opschorting if isinstance(zaak.opschorting, dict) else None
    if not opschorting or not opschorting.get("indicatie"):
        return None
    return str(opschorting.get("reden") or "")


def days_without_news(
    zaak: Zaak, *, today: date | None = None, activity: Iterable[date | datetime] = ()
) -> int | None:
    """Days since the last thing that happened on the zaak, when that is longer than the
    zaaktype's quiet period (``stilte_signaal_dagen``, else ``STATUS_SILENCE_DAYS_DEFAULT``);
    else ``None``.

    Tilburg's pilot: when there is nothing to report, people still want to hear that their
    case is not forgotten. "Nothing happened" must not contradict the page: a status, a
    sub-status, and what the caller adds in ``activity`` (documents, answers, tasks) all count.
    """
    if zaak.is_closed:
        return None
    today = today or timezone.localdate()
    moments: list[date] = [zaak.startdatum]
    if zaak.status:
        moments.append(timezone.localdate(zaak.status.datum_status_gezet))
    moments += [
        timezone.localdate(sub.tijdstip)
        for sub in zaak.substatussen.all()
        if sub.doelgroep == "betrokkenen"
    ]
    moments += [
        timezone.localdate(item) if isinstance(item, datetime) else item for item in activity
    ]
    days = (today - max(moments)).days
    limit = zaak.zaaktype.stilte_signaal_dagen or settings.STATUS_SILENCE_DAYS_DEFAULT
    return days if days > limit else None
