"""MijnBerichten: the citizen's inbox. Opening a bericht records ``geopendOp``."""

from __future__ import annotations

from dataclasses import dataclass
from datetime import date, datetime
from decimal import Decimal
from typing import Any
from uuid import UUID

from django.db.models import Count
from django.http import Http404
from django.utils import timezone

from mijnservices.core.identity import Citizen, Party, PartyKind
from mijnservices.core.query_shapes import QueryShape
from mijnservices.registrations.berichten.models import Bericht
from mijnservices.registrations.berichten.selectors import berichten_for
from mijnservices.registrations.berichten.services import bericht_mark_opened
from mijnservices.registrations.taken.models import TaakStatus
from mijnservices.services.access.taken import citizen_items_visible, zaak_uuids_of
from mijnservices.services.mijnoverzicht.zaken import ZaakLink, zaak_links

_DOCUMENT_UUID = "enkelvoudiginformatieobjecten/"


@dataclass(frozen=True)
class BijlageRow:
    name: str
    document_uuid: UUID | None


@dataclass(frozen=True)
class BerichtRow:
    uuid: UUID
    onderwerp: str
    tekst: str
    published: datetime
    unread: bool
    handelingsperspectief: str
    deadline: date | None
    # The bericht asked for a taak that is now done: it no longer needs the reader.
    resolved: bool
    # The bericht announces a taak that is still open: the task list already shows it.
    about_open_task: bool
    # Payment details shown above the text (seed 004): amount and what it was for.
    paid_amount: Decimal | None
    paid_for: str
    bijlagen: list[BijlageRow]
    zaak: ZaakLink | None


def _document_uuid(reference: str) -> UUID | None:
    if _DOCUMENT_UUID not in reference:
        return None
    try:
        return UUID(reference.rstrip("/").rsplit("/", 1)[-1])
    except ValueError:
        return None


def _row(bericht: Bericht, links: dict[UUID, ZaakLink]) -> BerichtRow:
    taak = bericht.taak
    paid = (
        taak is not None and taak.taak_soort == "betaaltaak" and bericht.bericht_type == "BETAALD"
    )
    amount = taak.details.get("bedrag") if paid and taak is not None else None
    return BerichtRow(
        uuid=bericht.uuid,
        onderwerp=bericht.onderwerp,
        tekst=bericht.bericht_tekst,
        published=bericht.publicatiedatum,
        unread=bericht.geopend_op is None,
        handelingsperspectief=bericht.handelings_perspectief,
        deadline=bericht.einddatum_handelings_termijn,
        resolved=(taak is not None and not paid and taak.status != TaakStatus.OPEN),
        about_open_task=(taak is not None and not paid and taak.status == TaakStatus.OPEN),
        paid_amount=Decimal(str(amount)) if amount is not None else None,
        paid_for=str(taak.details.get("transactieomschrijving", "")) if paid and taak else "",
        bijlagen=[
            BijlageRow(
                name=b.omschrijving or "bijlage",
                document_uuid=_document_uuid(b.informatie_object),
            )
            for b in bericht.bijlagen.all()
        ],
        zaak=next((links[u] for u in zaak_uuids_of(bericht) if u in links), None),
    )


def bericht_rows(citizen: Citizen, *, limit: int | None = None) -> list[BerichtRow]:
    """The citizen's published berichten, newest first (three queries whatever their number)."""
    berichten = berichten_for(citizen.party)
    if limit is not None:
        berichten = berichten[:limit]
    loaded = list(berichten)
    links = zaak_links(citizen, (u for b in loaded for u in zaak_uuids_of(b)))
    return [_row(b, links) for b in citizen_items_visible(citizen, loaded, set(links))]


def bericht_open(citizen: Citizen, bericht_uuid: UUID) -> BerichtRow:
    """One bericht for reading; the first read records ``geopendOp``. 404 when not theirs."""
    bericht = berichten_for(citizen.party).filter(uuid=bericht_uuid).first()
    if bericht is None:
        raise Http404
    links = zaak_links(citizen, zaak_uuids_of(bericht))
    if not citizen_items_visible(citizen, [bericht], set(links)):
        raise Http404
    row = _row(bericht, links)
    if bericht.geopend_op is None:
        bericht_mark_opened(bericht=bericht, party=citizen.party)
    return row


def _unread_queryset(shape: tuple[PartyKind, bool], identifier: str, *vestiging: str) -> Any:
    from mijnservices.registrations.berichten.selectors import unopened

    kind, _has_vestiging = shape
    party = Party(kind, identifier, vestiging=vestiging[0] if vestiging else "")
    # Per publication moment: "published by now" is decided in Python, as the query shapes
    # take no moments (decision 0047); a party's unopened berichten share few moments.
    return unopened(party).order_by().values("publicatiedatum").annotate(unread=Count("pk"))


# Every portal page's menu counts them: compiled once per shape of party (decision 0046).
_UNREAD = QueryShape("unread berichten", _unread_queryset)


def unread_total(citizen: Citizen) -> int:
    """How many berichten the citizen has not opened yet (one query, or the rows for a
    representative whose machtiging covers only some zaaktypen); equal to
    ``berichten.selectors.unread_count`` (tested)."""
    if citizen.acts_on_behalf and citizen.mandate_zaaktypen:
        return sum(1 for row in bericht_rows(citizen) if row.unread)
    party = citizen.party
    vestiging = (party.vestiging,) if party.vestiging else ()
    rows = _UNREAD.rows((party.kind, bool(party.vestiging)), party.identifier, *vestiging)
    now = timezone.now()
    return sum(row["unread"] for row in rows if row["publicatiedatum"] <= now)
