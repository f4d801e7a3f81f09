"""MijnZaken pages: the overview of a citizen's zaken and one zaak with its steps."""

from __future__ import annotations

from uuid import UUID

from django.http import HttpRequest, HttpResponse, HttpResponseRedirect
from django.shortcuts import render, resolve_url

from mijnservices.portal.auth import AFTER_LOGIN_URL, citizen_required
from mijnservices.portal.display import status_text, zaak_row, zaak_title, zaaktype_title
from mijnservices.services.access.principals import Citizen
from mijnservices.services.mijnzaken.selectors import zaak_for_detail, zaken_for_overview
from mijnservices.services.mijnzaken.tracking import build_tracking


def home(request: HttpRequest) -> HttpResponse:
    """The start page is MijnZaken; it sends visitors who are not logged in to the login."""
    return HttpResponseRedirect(resolve_url(AFTER_LOGIN_URL))


@citizen_required
def zaken_overview(request: HttpRequest, citizen: Citizen) -> HttpResponse:
    # One query; splitting in Python keeps "newest activity first" within both sections.
    rows = [zaak_row(zaak) for zaak in zaken_for_overview(citizen)]
    return render(
        request,
        "portal/zaken_overview.html",
        {
            "citizen": citizen,
            "open_rows": [row for row in rows if not row.closed],
            "closed_rows": [row for row in rows if row.closed],
        },
    )


@citizen_required
def zaak_detail(request: HttpRequest, citizen: Citizen, zaak_uuid: UUID) -> HttpResponse:
    zaak = zaak_for_detail(citizen, zaak_uuid)  # 404 when missing or not this citizen's
    tracking = build_tracking(zaak)
    kind = zaaktype_title(zaak.zaaktype)
    title = zaak_title(zaak)
    # The reverse one-to-one raises (an AttributeError subclass) when there is no resultaat.
    resultaat = getattr(zaak, "resultaat", None)
    return render(
        request,
        "portal/zaak_detail.html",
        {
            "citizen": citizen,
            "zaak": zaak,
            "title": title,
            "kind": kind if kind != title else "",
            "status": status_text(zaak),
            "tracking": tracking,
            "result": resultaat.resultaattype.omschrijving if resultaat else "",
        },
    )
