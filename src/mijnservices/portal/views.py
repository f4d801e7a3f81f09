"""MijnZaken pages: the start page, the overview of a citizen's zaken and one zaak with
its steps, the accessibility statement and the keep-alive for idle sessions.

Error pages are the templates ``404.html`` and ``500.html`` (Django's own handlers)."""

from __future__ import annotations

from datetime import date, datetime
from typing import Any
from uuid import UUID

from django.conf import settings
from django.http import HttpRequest, HttpResponse, HttpResponseRedirect, JsonResponse
from django.shortcuts import render, resolve_url
from django.views.decorators.http import require_POST

from mijnservices.core.identity import Citizen
from mijnservices.core.sessions import session_touch
from mijnservices.portal import audit
from mijnservices.portal.auth import (
    AFTER_LOGIN_URL,
    citizen_required,
    current_citizen,
)
from mijnservices.portal.kto_form import KtoForm
from mijnservices.portal.question_form import QuestionForm
from mijnservices.portal.upload_form import DocumentUploadForm, upload_limits
from mijnservices.registrations.verwerkingen.selectors import verwerkingen_for
from mijnservices.registrations.zaken.models import Zaak
from mijnservices.services.access.policy import citizen_may_add_document
from mijnservices.services.kpis.portal_use import zaak_view_count
from mijnservices.services.kpis.surveys import kto_invitation
from mijnservices.services.mijnoverzicht.contactmomenten import ContactRow, zaak_contact_rows
from mijnservices.services.mijnoverzicht.taken import zaak_task_activity
from mijnservices.services.mijnzaken.documents import ZaakDocuments, upload_type, zaak_documents
from mijnservices.services.mijnzaken.external_documents import external_upload_offered
from mijnservices.services.mijnzaken.prediction import predict_end
from mijnservices.services.mijnzaken.representatives import representative_view_log
from mijnservices.services.mijnzaken.selectors import (
    behandelaar_names,
    zaak_for_detail,
    zaken_for_overview_values,
)
from mijnservices.services.mijnzaken.sources import (
    source_out_of_date,
    sources_out_of_date,
    sync_running,
)
from mijnservices.services.mijnzaken.titles import (
    zaak_title,
    zaak_title_language,
    zaaktype_title,
    zaaktype_title_language,
)
from mijnservices.services.mijnzaken.tracking import build_tracking, days_without_news
from mijnservices.services.presentation.selectors import applied_presentation
from mijnservices.ui.display import status_text, zaak_rows_from_values
from mijnservices.ui.session import safe_next_url


def home(request: HttpRequest) -> HttpResponse:
    """The start page explains the service; logged-in visitors go straight to their zaken."""
    if current_citizen(request) is not None:
        return HttpResponseRedirect(resolve_url(AFTER_LOGIN_URL))
    return render(request, "portal/start.html")


def accessibility(request: HttpRequest) -> HttpResponse:
    """The accessibility statement after the official model (toegankelijkheidsverklaring.nl;
    Startgids bijlage 6): status, scope, standard, last evaluation, register, contact."""
    evaluated = settings.ACCESSIBILITY_EVALUATED_ON
    return render(
        request,
        "portal/accessibility.html",
        {
            "status": settings.ACCESSIBILITY_STATUS,
            "evaluated_on": date.fromisoformat(evaluated) if evaluated else None,
            "evaluated_by": settings.ACCESSIBILITY_EVALUATED_BY,
            "register_url": settings.ACCESSIBILITY_REGISTER_URL,
            "site_url": settings.SITE_URL,
        },
    )


@citizen_required
def zaken_overview(request: HttpRequest, citizen: Citizen) -> HttpResponse:
    # One query, read as values; splitting in Python keeps "newest activity first" within
    # both sections.
    zaken = zaken_for_overview_values(citizen)
    rows = zaak_rows_from_values(zaken, citizen=citizen)
    audit.record("zaken_overview_viewed", citizen, zaken=len(rows))
    # Only external zaken can be out of date (usually none: no query then).
    external = (
        Zaak(pk=zaak["pk"], bron_url=zaak["bron_url"]) for zaak in zaken if zaak["bron_url"]
    )
    return render(
        request,
        "portal/zaken_overview.html",
        {
            "citizen": citizen,
            "open_rows": [row for row in rows if not row.closed],
            "closed_rows": [row for row in rows if row.closed],
            "sources_out_of_date": sources_out_of_date(external) or sync_running(citizen.party),
        },
    )


@citizen_required
def zaak_detail(request: HttpRequest, citizen: Citizen, zaak_uuid: UUID) -> HttpResponse:
    zaak = zaak_for_detail(citizen, zaak_uuid)  # 404 when missing or not this citizen's
    audit.record("zaak_viewed", citizen, zaak=str(zaak.uuid))
    zaak_view_count(zaaktype=zaak.zaaktype.identificatie)  # a count, not who
    representative_view_log(
        citizen=citizen, activiteit="zaak inzien", objecttype="zaak", objecten=[zaak.identificatie]
    )
    return render(request, "portal/zaak_detail.html", detail_context(citizen, zaak))


def detail_context(
    citizen: Citizen,
    zaak: Zaak,
    upload_form: DocumentUploadForm | None = None,
    question_form: QuestionForm | None = None,
) -> dict[str, Any]:
    """What the zaak page shows; the forms carry a refused upload's or question's input."""
    tracking = build_tracking(zaak)
    kind = zaaktype_title(zaak.zaaktype)
    title = zaak_title(zaak)
    # The reverse one-to-one raises (an AttributeError subclass) when there is no resultaat;
    # the page shows the outcome of a closed zaak only (zaak_for_detail loaded it then).
    resultaat = getattr(zaak, "resultaat", None) if zaak.einddatum else None
    behandelaar = ", ".join(behandelaar_names(zaak)) if zaak.zaaktype.toon_behandelaar else ""
    presented = applied_presentation(zaak.zaaktype)  # set by zaak_for_detail
    can_upload = citizen_may_add_document(citizen, zaak) and (
        external_upload_offered(zaak) if zaak.bron_url else upload_type(zaak) is not None
    )
    questionnaire = kto_invitation(zaak)  # None: open, KTO off for the zaaktype, or answered
    documents = zaak_documents(citizen, zaak)
    contacts = zaak_contact_rows(citizen, zaak)
    return {
        "citizen": citizen,
        "zaak": zaak,
        "title": title,
        "title_language": zaak_title_language(zaak),
        "kind": kind if kind != title else "",
        "kind_language": zaaktype_title_language(zaak.zaaktype),
        "status": status_text(zaak),
        "tracking": tracking,
        "result": resultaat.resultaattype.omschrijving if resultaat else "",
        "behandelaar": behandelaar,
        "department": presented.department if presented else "",
        "prediction": predict_end(zaak),
        "quiet_days": _quiet_days(citizen, zaak, documents, contacts),
        "documents": documents,
        "sources_out_of_date": source_out_of_date(zaak)
        or bool(zaak.bron_url and sync_running(citizen.party)),
        "upload_form": (upload_form or DocumentUploadForm()) if can_upload else None,
        "upload_limits": upload_limits(),
        "contacts": contacts,
        "question_form": question_form or QuestionForm(),
        # The satisfaction survey, once a closed zaak's survey is not answered yet.
        "kto_form": KtoForm(questionnaire=questionnaire) if questionnaire else None,
    }


def _quiet_days(
    citizen: Citizen, zaak: Zaak, documents: ZaakDocuments, contacts: list[ContactRow]
) -> int | None:
    """``days_without_news`` with all activity. More activity can only make a zaak less
    quiet: when its steps alone are recent enough, the tasks are not read (decision 0040)."""
    if days_without_news(zaak) is None:
        return None
    return days_without_news(zaak, activity=_activity(citizen, zaak, documents, contacts))


def _activity(
    citizen: Citizen, zaak: Zaak, documents: ZaakDocuments, contacts: list[ContactRow]
) -> list[date | datetime]:
    """Everything besides steps that happened on the zaak: documents, contact and answers,
    tasks. The "nothing has changed" note counts them (issue 21)."""
    moments: list[date | datetime] = [row.dated for row in documents.documents]
    moments += [besluit.datum for besluit in documents.besluiten]
    for contact in contacts:
        moments.append(contact.moment)
        moments += [answer.moment for answer in contact.answers]
    return moments + list(zaak_task_activity(citizen, zaak))


@citizen_required
def verwerkingen(request: HttpRequest, citizen: Citizen) -> HttpResponse:
    """ "Wie heeft mijn gegevens bekeken": the verwerkingenlogging about this party."""
    audit.record("verwerkingen_viewed", citizen)
    rows = verwerkingen_for(citizen.party)
    return render(request, "portal/verwerkingen.html", {"citizen": citizen, "rows": rows})


@require_POST
def keep_alive(request: HttpRequest) -> HttpResponse:
    """ "Stay logged in": saves the session, so its idle time starts again.

    The page's script calls this with fetch; without script the form posts here and
    comes back to the page.
    """
    citizen = current_citizen(request)
    if citizen is None:
        return JsonResponse({"logged_in": False}, status=401)
    audit.record("session_kept_alive", citizen)
    session_touch(request)
    if request.headers.get("accept", "").startswith("application/json"):
        response: HttpResponse = JsonResponse({"logged_in": True})
    else:
        next_url = safe_next_url(request, request.POST.get("next"))
        response = HttpResponseRedirect(next_url or resolve_url(AFTER_LOGIN_URL))
    response["Cache-Control"] = "no-store"
    return response
