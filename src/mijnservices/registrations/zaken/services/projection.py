"""Writing many projected zaken at once (decisions 0029 and 0042).

A sync of an external source brings dozens of zaken; written one service call at a time that
is ~30 queries per zaak. :func:`zaken_project` writes a whole batch in a handful of
statements, with the same rules, the same rows and the same outbox events (in the same order
per zaak) as ``zaak_create``, ``zaak_update``, ``rol_create``, ``rol_delete``,
``resultaat_set`` and ``status_set``: it uses their own checks and builders. What changes is
only how the rows reach the database.

The caller says what is new (the diff against what is stored); every zaak is checked before
anything is written, and a zaak that breaks a rule is left out (its error returned) while the
others are written.
"""

from __future__ import annotations

from dataclasses import dataclass, field
from datetime import datetime
from typing import Any

from django.db import transaction
from django.utils import timezone

from mijnservices.core.errors import DomainError
from mijnservices.core.outbox import events_record
from mijnservices.core.resources import resource_path
from mijnservices.core.updates import model_assign
from mijnservices.registrations.catalogi.models import ResultaatType, StatusType, ZaakType
from mijnservices.registrations.zaken.models import Resultaat, Rol, Status, Zaak
from mijnservices.registrations.zaken.services.core import (
    _final_volgnummer,
    _resultaat_check,
    _status_check,
    _status_moves,
    _zaak_build,
    _zaak_event_data,
)
from mijnservices.registrations.zaken.services.rollen import _rol_build
from mijnservices.registrations.zaken.services.rules import check_zaak_fields


@dataclass
class StatusChange:
    """A new status: ``status_set``'s arguments."""

    statustype: StatusType
    datum_status_gezet: datetime | None = None
    statustoelichting: str = ""
    bron_url: str = ""


@dataclass
class ResultaatChange:
    """The zaak's resultaat is new or changed: ``resultaat_set``'s arguments."""

    resultaattype: ResultaatType
    toelichting: str = ""


@dataclass
class ZaakChange:
    """What is new about one projected zaak. ``zaak`` None: a new zaak, made from ``create``
    (``zaak_create``'s arguments besides the zaaktype). ``resultaat_now``: the zaak's
    resultaat as stored (the final status needs one)."""

    zaaktype: ZaakType
    zaak: Zaak | None = None
    create: dict[str, Any] = field(default_factory=dict)
    update: dict[str, Any] = field(default_factory=dict)
    rollen: list[dict[str, Any]] = field(default_factory=list)  # rol_create's arguments
    rollen_gone: list[Rol] = field(default_factory=list)
    resultaat: ResultaatChange | None = None
    resultaat_now: Resultaat | None = None
    statussen: list[StatusChange] = field(default_factory=list)  # oldest first


@dataclass
class _Plan:
    zaak: Zaak
    new: bool
    updated: list[str]
    rollen: list[Rol]
    gone: list[Rol]
    resultaat: Resultaat | None  # new or changed
    resultaat_created: bool
    statussen: list[tuple[Status, bool]]  # (status, is final)


def _plan(change: ZaakChange, finals: dict[int, int | None]) -> _Plan:
    """Every check of the per-object services, and the rows, before anything is written."""
    new = change.zaak is None
    if change.zaak is None:
        zaak = _zaak_build(zaaktype=change.zaaktype, **change.create)
    else:
        zaak = change.zaak
    updated: list[str] = []
    if change.update:
        fields = check_zaak_fields(zaak=zaak, zaaktype=zaak.zaaktype, fields=change.update)
        if fields.get("vertrouwelijkheidaanduiding") == "":
            fields["vertrouwelijkheidaanduiding"] = zaak.zaaktype.vertrouwelijkheidaanduiding
        updated = model_assign(zaak, fields)
    rollen = [_rol_build(zaak=zaak, **arguments) for arguments in change.rollen]
    resultaat: Resultaat | None = None  # new or changed
    if change.resultaat is not None:
        _resultaat_check(zaak, change.resultaat.resultaattype)
        resultaat = change.resultaat_now or Resultaat(zaak=zaak)
        resultaat.resultaattype = change.resultaat.resultaattype
        resultaat.toelichting = change.resultaat.toelichting
    has_resultaat = resultaat is not None or change.resultaat_now is not None
    if zaak.zaaktype_id not in finals:
        finals[zaak.zaaktype_id] = _final_volgnummer(zaak.zaaktype_id)
    statussen: list[tuple[Status, bool]] = []
    for item in change.statussen:
        moment = item.datum_status_gezet or timezone.now()
        is_final = _status_check(
            zaak,
            item.statustype,
            moment,
            finals[zaak.zaaktype_id],
            has_resultaat=has_resultaat,
        )
        status = Status(
            zaak=zaak,
            statustype=item.statustype,
            datum_status_gezet=moment,
            statustoelichting=item.statustoelichting,
            bron_url=item.bron_url,
        )
        statussen.append((status, is_final))
    created = resultaat is not None and change.resultaat_now is None
    return _Plan(zaak, new, updated, rollen, list(change.rollen_gone), resultaat, created,
                 statussen)  # fmt: skip


def _events(plan: _Plan) -> list[dict[str, Any]]:
    """The events the per-object services record, in their order."""
    zaak = plan.zaak

    def event(resource: str, actie: str, collection: str, uuid: Any) -> dict[str, Any]:
        resource_id = resource_path("zaken", collection, uuid)
        return _zaak_event_data(zaak, resource=resource, actie=actie, resource_id=resource_id)

    found: list[dict[str, Any]] = []
    if plan.new:
        found.append(event("zaak", "create", "zaken", zaak.uuid))
    if plan.updated:
        found.append(event("zaak", "partial_update", "zaken", zaak.uuid))
    found += [event("rol", "create", "rollen", rol.uuid) for rol in plan.rollen]
    found += [event("rol", "destroy", "rollen", rol.uuid) for rol in plan.gone]
    if plan.resultaat is not None:
        actie = "create" if plan.resultaat_created else "update"
        found.append(event("resultaat", actie, "resultaten", plan.resultaat.uuid))
    found += [event("status", "create", "statussen", status.uuid) for status, _ in plan.statussen]
    return found


@transaction.atomic
def zaken_project(*, changes: list[ZaakChange]) -> list[Zaak | DomainError]:
    """Write the changes of many projected zaken in a few statements; per change the zaak,
    or the rule it broke (nothing of that zaak is written)."""
    finals: dict[int, int | None] = {}
    plans: list[_Plan] = []
    results: list[Zaak | DomainError] = []
    for change in changes:
        try:
            plan = _plan(change, finals)
        except DomainError as exc:
            results.append(exc)
            continue
        plans.append(plan)
        results.append(plan.zaak)
    if not plans:
        return results
    Zaak.objects.bulk_create([plan.zaak for plan in plans if plan.new])
    Rol.objects.bulk_create([rol for plan in plans for rol in plan.rollen])
    gone = [rol.pk for plan in plans for rol in plan.gone]
    if gone:
        Rol.objects.filter(pk__in=gone).delete()
    resultaten = [(plan.resultaat, plan.resultaat_created) for plan in plans if plan.resultaat]
    Resultaat.objects.bulk_create([resultaat for resultaat, new in resultaten if new])
    changed = [resultaat for resultaat, new in resultaten if not new]
    if changed:
        Resultaat.objects.bulk_update(changed, ["resultaattype", "toelichting"])
    # Only now, with the resultaten in place: closing derives the archiving parameters.
    moved: dict[tuple[str, ...], list[Zaak]] = {}  # changed columns → zaken
    for plan in plans:
        names = set(plan.updated)
        for status, is_final in plan.statussen:
            status.zaak = plan.zaak
            names |= set(_status_moves(plan.zaak, status, is_final=is_final))
        if names:
            moved.setdefault(tuple(sorted(names)), []).append(plan.zaak)
    Status.objects.bulk_create([status for plan in plans for status, _ in plan.statussen])
    for columns, zaken in moved.items():  # only the columns that changed, as the services do
        for zaak in zaken:  # the pointer was set before the status had its key
            zaak.status_id = zaak.status.pk if zaak.status is not None else None
        Zaak.objects.bulk_update(zaken, list(columns))
    events_record([event for plan in plans for event in _events(plan)])
    return results
