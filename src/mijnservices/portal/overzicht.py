"""Mijn overzicht (the home page after login), MijnTaken and MijnBerichten.

Seed 004: what the person must do comes first on the start page, then their current zaken,
then the latest messages; messages are not buried in the middle."""

from __future__ import annotations

from uuid import UUID

from django.http import HttpRequest, HttpResponse
from django.shortcuts import render

from mijnservices.core.identity import Citizen
from mijnservices.portal import audit
from mijnservices.portal.auth import citizen_required
from mijnservices.services.mijnoverzicht.berichten import bericht_open, bericht_rows, unread_total
from mijnservices.services.mijnoverzicht.taken import taak_rows
from mijnservices.services.mijnzaken.selectors import zaken_for_overview_values
from mijnservices.ui.display import zaak_rows_from_values

HOME_ZAKEN = 5
HOME_BERICHTEN = 3


@citizen_required
def overview(request: HttpRequest, citizen: Citizen) -> HttpResponse:
    open_tasks = taak_rows(citizen, open_only=True)
    zaken = zaak_rows_from_values(
        zaken_for_overview_values(citizen, limit=HOME_ZAKEN * 4), citizen=citizen
    )
    open_zaken = [row for row in zaken if not row.closed][:HOME_ZAKEN]
    audit.record("overview_viewed", citizen, tasks=len(open_tasks), zaken=len(open_zaken))
    return render(
        request,
        "portal/overview.html",
        {
            "citizen": citizen,
            "tasks": open_tasks,
            "zaken": open_zaken,
            # Issue 21: a message that only announces an open task is not repeated here.
            "berichten": [
                row
                for row in bericht_rows(citizen, limit=HOME_BERICHTEN * 3)
                if not row.about_open_task
            ][:HOME_BERICHTEN],
            "unread": unread_total(citizen),
        },
    )


@citizen_required
def taken(request: HttpRequest, citizen: Citizen) -> HttpResponse:
    rows = taak_rows(citizen)
    audit.record("taken_viewed", citizen, taken=len(rows))
    return render(
        request,
        "portal/taken.html",
        {
            "citizen": citizen,
            "open_tasks": [row for row in rows if not row.done],
            "done_tasks": [row for row in rows if row.done],
        },
    )


@citizen_required
def berichten(request: HttpRequest, citizen: Citizen) -> HttpResponse:
    rows = bericht_rows(citizen)
    audit.record("berichten_viewed", citizen, berichten=len(rows))
    return render(
        request,
        "portal/berichten.html",
        {"citizen": citizen, "rows": rows, "unread": sum(1 for row in rows if row.unread)},
    )


@citizen_required
def bericht(request: HttpRequest, citizen: Citizen, bericht_uuid: UUID) -> HttpResponse:
    row = bericht_open(citizen, bericht_uuid)
    audit.record("bericht_viewed", citizen, bericht=str(row.uuid))
    return render(request, "portal/bericht.html", {"citizen": citizen, "row": row})
