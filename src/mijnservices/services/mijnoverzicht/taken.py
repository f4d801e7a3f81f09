"""MijnTaken in the portal: what the citizen must do, open ones first by deadline.

Three kinds reach the citizen (Open VTB Taken): a betaaltaak (pay through the payment
provider), a urltaak (a link to an external form, done when the source system says so) and
an **upload task**: a urltaak with handelingsperspectief ``informatie_geven`` whose
``uitvraagLink`` is the portal's own "add a document" place on the zaak. It is done when the
citizen adds a document to that zaak (``upload_tasks_complete``, called by the upload)."""

from __future__ import annotations

from dataclasses import dataclass
from datetime import date
from decimal import Decimal
from uuid import UUID

from django.db import transaction
from django.db.models import QuerySet
from django.http import Http404
from django.urls import reverse
from django.utils import timezone

from mijnservices.core.identity import Citizen, Party, PartyKind
from mijnservices.core.query_shapes import QueryShape
from mijnservices.registrations.taken.models import (
    ExterneTaak,
    HandelingsPerspectief,
    TaakSoort,
    TaakStatus,
)
from mijnservices.registrations.taken.selectors import taken_for
from mijnservices.registrations.taken.services import taak_complete
from mijnservices.registrations.zaken.models import Zaak
from mijnservices.services.access.taken import citizen_items_visible, zaak_uuids_of
from mijnservices.services.mijnoverzicht.zaken import ZaakLink, zaak_links

UPLOAD_ANCHOR = "#document-toevoegen"


def upload_link(zaak: Zaak) -> str:
    """The ``uitvraagLink`` that makes a urltaak an upload task for ``zaak``."""
    from django.conf import settings

    path = reverse("portal:zaak_detail", args=[zaak.uuid])
    return settings.SITE_URL.rstrip("/") + path + UPLOAD_ANCHOR


def is_upload_task(taak: ExterneTaak) -> bool:
    link = str(taak.details.get("uitvraagLink", ""))
    return (
        taak.taak_soort == TaakSoort.URLTAAK
        and taak.handelings_perspectief == HandelingsPerspectief.INFORMATIE_GEVEN
        and link.endswith(UPLOAD_ANCHOR)
        and "/mijn-zaken/" in link
    )


@dataclass(frozen=True)
class TaakRow:
    uuid: UUID
    kind: str  # "pay" | "upload" | "form"
    title: str
    explanation: str
    deadline: date
    overdue: bool
    done: bool
    done_on: date | None
    amount: Decimal | None
    payment_description: str
    form_url: str
    zaak: ZaakLink | None


def _row(taak: ExterneTaak, links: dict[UUID, ZaakLink], today: date) -> TaakRow:
    kind = "form"
    if taak.taak_soort == TaakSoort.BETAALTAAK:
        kind = "pay"
    elif is_upload_task(taak):
        kind = "upload"
    zaak = next((links[u] for u in zaak_uuids_of(taak) if u in links), None)
    done = taak.status != TaakStatus.OPEN
    amount = taak.details.get("bedrag") if kind == "pay" else None
    return TaakRow(
        uuid=taak.uuid,
        kind=kind,
        title=taak.titel,
        explanation=taak.toelichting,
        deadline=taak.einddatum_handelings_termijn,
        overdue=not done and taak.einddatum_handelings_termijn < today,
        done=done,
        done_on=timezone.localdate(taak.afgerond_op) if taak.afgerond_op else None,
        amount=Decimal(str(amount)) if amount is not None else None,
        payment_description=str(taak.details.get("transactieomschrijving", "")),
        form_url=str(taak.details.get("uitvraagLink", "")) if kind == "form" else "",
        zaak=zaak,
    )


def taak_rows(citizen: Citizen, *, open_only: bool = False) -> list[TaakRow]:
    """The citizen's taken as rows: open ones first (earliest deadline first), then done
    ones (most recent first). Two queries whatever the number of taken."""
    taken = list(taken_for(citizen.party, open_only=open_only))
    links = zaak_links(citizen, (u for taak in taken for u in zaak_uuids_of(taak)))
    visible = citizen_items_visible(citizen, taken, set(links))
    today = timezone.localdate()
    rows = [_row(taak, links, today) for taak in visible]
    open_rows = sorted((r for r in rows if not r.done), key=lambda r: (r.deadline, r.title))
    done_rows = sorted(
        (r for r in rows if r.done), key=lambda r: r.done_on or date.min, reverse=True
    )
    return open_rows + done_rows


def taak_for_citizen(citizen: Citizen, taak_uuid: UUID | str) -> ExterneTaak:
    """One of the citizen's taken (within a representative's machtiging), or 404."""
    taak = taken_for(citizen.party).filter(uuid=taak_uuid).first()
    if taak is None:
        raise Http404
    links = zaak_links(citizen, zaak_uuids_of(taak))
    if not citizen_items_visible(citizen, [taak], set(links)):
        raise Http404
    return taak


def upload_tasks_complete(*, citizen: Citizen, zaak: Zaak) -> list[ExterneTaak]:
    """Mark the citizen's open upload tasks for ``zaak`` done (call inside the upload's
    transaction, so the document and the finished task are stored together)."""
    done: list[ExterneTaak] = []
    with transaction.atomic():
        for taak in taken_for(citizen.party, open_only=True).filter(taak_soort=TaakSoort.URLTAAK):
            if is_upload_task(taak) and zaak.uuid in zaak_uuids_of(taak):
                done.append(taak_complete(taak=taak))
    return done


def _task_activity(key: tuple[PartyKind, bool], *values: str) -> QuerySet[ExterneTaak]:
    kind, vestiging = key
    party = Party(kind=kind, identifier=values[0], vestiging=values[1] if vestiging else "")
    return taken_for(party).only(
        "startdatum", "afgerond_op", "is_gerelateerd_aan", "party_kind", "party_identifier"
    )


# The zaak page's tasks, compiled once per process and kind of party (decision 0047).
_TASK_ACTIVITY = QueryShape("zaak_task_activity", _task_activity)


def zaak_task_activity(citizen: Citizen, zaak: Zaak) -> list[date]:
    """When the citizen's taken on ``zaak`` were given or done: activity on the zaak that the
    "not forgotten" note must count (one query)."""
    moments: list[date] = []
    party = citizen.party
    identifiers = (party.identifier, party.vestiging) if party.vestiging else (party.identifier,)
    for taak in _TASK_ACTIVITY.instances((party.kind, bool(party.vestiging)), *identifiers):
        if zaak.uuid in zaak_uuids_of(taak):
            moments.append(taak.startdatum)
            if taak.afgerond_op:
                moments.append(timezone.localdate(taak.afgerond_op))
    return moments
