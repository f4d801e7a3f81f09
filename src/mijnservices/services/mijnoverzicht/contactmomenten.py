"""MijnContactmomenten: one timeline of every contact with the municipality, whatever the
channel — calls, desk visits, e-mails and letters, chats, questions asked in the portal
(with their answers) and the notifications we sent. Read from Klantinteracties."""

from __future__ import annotations

from dataclasses import dataclass, field
from datetime import date, datetime, timedelta
from typing import Any
from uuid import UUID

from django.db import transaction
from django.db.models import Exists, OuterRef, QuerySet
from django.utils import timezone

from mijnservices.core.errors import DomainError
from mijnservices.core.identity import Citizen, Party, PartyKind
from mijnservices.core.paging import Page, window
from mijnservices.core.query_shapes import QueryShape
from mijnservices.registrations.klantinteracties.models import (
    ActorKlantcontact,
    Betrokkene,
    Klantcontact,
    Onderwerpobject,
)
from mijnservices.registrations.klantinteracties.selectors import (
    QUESTION_KANAAL,
    answered_question_ids,
    is_question,
    partij_id_subquery,
)
from mijnservices.registrations.klantinteracties.services import klantcontact_register
from mijnservices.registrations.zaken.models import Zaak
from mijnservices.services.access.klantinteracties import (
    klantcontacten_for,
    klantcontacten_visible_to_partij,
)
from mijnservices.services.access.taken import zaak_uuid_of
from mijnservices.services.mijnoverzicht.receipts import receipt_publish
from mijnservices.services.mijnoverzicht.zaken import ZaakLink, zaak_api_url, zaak_links

QUESTION_MAX_LENGTH = 2000

# Klantinteracties kanaal values (free text in the standard) → one of our channel kinds.
_CHANNELS = {
    "telefoon": "phone",
    "telefonisch": "phone",
    "balie": "desk",
    "loket": "desk",
    "e-mail": "email",
    "email": "email",
    "chat": "chat",
    "post": "post",
    "brief": "post",
    "portaal": "portal",
    "website": "portal",
    "sms": "sms",
}


def channel_kind(kanaal: str) -> str:
    return _CHANNELS.get(kanaal.strip().lower(), "other")


@dataclass
class ContactRow:
    uuid: UUID
    channel: str
    kanaal: str
    onderwerp: str
    inhoud: str
    moment: datetime
    by_citizen: bool
    is_question: bool
    answered: bool
    # A notification we sent: did it arrive (None: not known yet)?
    delivered: bool | None
    zaak: ZaakLink | None
    answers: list[ContactRow] = field(default_factory=list)


def _zaak_uuid(contact: Klantcontact) -> UUID | None:
    for onderwerp in contact.onderwerpobjecten.all():
        if onderwerp.code_objecttype == "zgw-Zaak":
            return zaak_uuid_of(onderwerp.object_id)
    return None


NOTIFICATION_ACTOR = "Notificatieservice"


def _is_notification(contact: Klantcontact) -> bool:
    """A message the Notificatieservice sent (its actor; prefetched by klantcontacten_for)."""
    return any(link.actor.naam == NOTIFICATION_ACTOR for link in contact.actorklantcontacten.all())


def _row(contact: Klantcontact, links: dict[UUID, ZaakLink]) -> ContactRow:
    zaak_uuid = _zaak_uuid(contact)
    question = is_question(contact)
    kind = channel_kind(contact.kanaal)
    return ContactRow(
        uuid=contact.uuid,
        channel=kind,
        kanaal=contact.kanaal,
        onderwerp=contact.onderwerp,
        inhoud=contact.inhoud,
        moment=contact.plaatsgevonden_op,
        by_citizen=any(b.initiator for b in contact.betrokkenen.all()),
        is_question=question,
        answered=False,
        delivered=contact.indicatie_contact_gelukt if _is_notification(contact) else None,
        zaak=links.get(zaak_uuid) if zaak_uuid else None,
    )


def _rows(
    citizen: Citizen,
    contacts: list[Klantcontact],
    answers: dict[int, list[Klantcontact]],
    *,
    zaak: Zaak | None = None,
) -> list[ContactRow]:
    """Rows for ``contacts`` (questions, answers already taken out), with their answers."""
    answered = [a for group in answers.values() for a in group]
    links = zaak_links(
        citizen, (u for c in [*contacts, *answered] if (u := _zaak_uuid(c)) is not None)
    )
    restricted = citizen.acts_on_behalf and bool(citizen.mandate_zaaktypen)
    rows: list[ContactRow] = []
    for contact in contacts:
        row = _row(contact, links)
        zaak_uuid = _zaak_uuid(contact)
        if restricted and (zaak_uuid is None or zaak_uuid not in links):
            continue
        if zaak is not None and zaak_uuid != zaak.uuid:
            continue
        row.answers = sorted(
            (_row(a, links) for a in answers.get(contact.pk, [])), key=lambda r: r.moment
        )
        row.answered = bool(row.answers)
        rows.append(row)
    return rows


def contact_rows(citizen: Citizen, *, zaak: Zaak | None = None) -> list[ContactRow]:
    """The timeline, newest first; answers are shown under their question. A representative
    with a machtiging for some zaaktypen sees only contacts about zaken within it.
    A fixed number of queries whatever the number of contacts."""
    contacts = list(klantcontacten_for(citizen.party))
    answers = answered_question_ids(contacts)
    answer_pks = {a.pk for group in answers.values() for a in group}
    return _rows(citizen, [c for c in contacts if c.pk not in answer_pks], answers, zaak=zaak)


def _zaak_contacts(key: tuple[PartyKind, bool], *values: str) -> QuerySet[Klantcontact, Any]:
    """The zaak page's contacts: ``values`` are the party's identifier (and vestiging) and
    the zaak's uuid; ``key`` the party's kind and whether it is one vestiging."""
    kind, vestiging = key
    party = Party(kind=kind, identifier=values[0], vestiging=values[1] if vestiging else "")
    # Candidates only: which zaak a contact is about is decided below, as _zaak_uuid does. An
    # answer is fetched when its question is about the zaak; it is shown under that question
    # only when the question itself is one of the visible rows.
    about = {"code_objecttype": "zgw-Zaak", "object_id__icontains": values[-1]}
    return (
        klantcontacten_visible_to_partij(Klantcontact.objects.all(), partij_id_subquery(party))
        .filter(
            Exists(Onderwerpobject.objects.filter(klantcontact=OuterRef("pk"), **about))
            | Exists(
                Onderwerpobject.objects.filter(
                    klantcontact=OuterRef("pk"),
                    **{f"was_klantcontact__onderwerpobjecten__{k}": v for k, v in about.items()},
                )
            )
        )
        .annotate(
            by_citizen=Exists(
                Betrokkene.objects.filter(klantcontact=OuterRef("pk"), initiator=True)
            ),
            notification=Exists(
                ActorKlantcontact.objects.filter(
                    klantcontact=OuterRef("pk"), actor__naam=NOTIFICATION_ACTOR
                )
            ),
        )
        .order_by("-plaatsgevonden_op", "-pk")
        .values(
            "pk",
            "uuid",
            "kanaal",
            "onderwerp",
            "inhoud",
            "plaatsgevonden_op",
            "indicatie_contact_gelukt",
            "by_citizen",
            "notification",
        )
    )


# Compiled once per process and shape (decision 0047).
_ZAAK_CONTACTS = QueryShape("zaak_contacts", _zaak_contacts)
_SUBJECTS = QueryShape(
    "zaak_contact_subjects",
    lambda _count, *contact_ids: Onderwerpobject.objects.filter(
        klantcontact_id__in=contact_ids
    ).values("klantcontact_id", "code_objecttype", "object_id", "was_klantcontact_id"),
)


def zaak_contact_rows(citizen: Citizen, zaak: Zaak) -> list[ContactRow]:
    """``contact_rows(citizen, zaak=zaak)`` for the zaak page, read as rows: only the
    contacts about this zaak and the answers to them, not the whole timeline with its
    prefetches (two queries, the partij found in the first; decisions 0040, 0047). ``zaak``
    was loaded through the access policy for ``citizen``, so it is one of the zaken the
    timeline may link to."""
    from mijnservices.services.mijnzaken.titles import zaak_title  # as zaak_links does

    party = citizen.party
    identifiers = (party.identifier, party.vestiging) if party.vestiging else (party.identifier,)
    rows = _ZAAK_CONTACTS.rows((party.kind, bool(party.vestiging)), *identifiers, str(zaak.uuid))
    if not rows:
        return []
    subjects: dict[int, list[tuple[str, str, int | None]]] = {}
    for subject in _SUBJECTS.rows(len(rows), *[row["pk"] for row in rows]):
        subjects.setdefault(subject["klantcontact_id"], []).append(
            (subject["code_objecttype"], subject["object_id"], subject["was_klantcontact_id"])
        )
    zaak_of: dict[int, UUID | None] = {}
    answers: dict[int, list[dict[str, Any]]] = {}
    for row in rows:
        found = subjects.get(row["pk"], [])
        zaak_of[row["pk"]] = next(
            (zaak_uuid_of(object_id) for code, object_id, _was in found if code == "zgw-Zaak"),
            None,
        )
        for _code, _object_id, question in found:
            if question is not None:
                answers.setdefault(question, []).append(row)
    answer_pks = {a["pk"] for group in answers.values() for a in group}
    others = {u for pk, u in zaak_of.items() if u is not None and u != zaak.uuid}
    links = zaak_links(citizen, others) if others else {}
    links[zaak.uuid] = ZaakLink(
        uuid=zaak.uuid,
        identificatie=zaak.identificatie,
        title=zaak_title(zaak),
        omschrijving=zaak.omschrijving,
        zaaktype_identificatie=zaak.zaaktype.identificatie,
    )

    def contact_row(row: dict[str, Any]) -> ContactRow:
        zaak_uuid = zaak_of[row["pk"]]
        return ContactRow(
            uuid=row["uuid"],
            channel=channel_kind(row["kanaal"]),
            kanaal=row["kanaal"],
            onderwerp=row["onderwerp"],
            inhoud=row["inhoud"],
            moment=row["plaatsgevonden_op"],
            by_citizen=row["by_citizen"],
            is_question=row["kanaal"] == QUESTION_KANAAL and row["by_citizen"],
            answered=False,
            delivered=row["indicatie_contact_gelukt"] if row["notification"] else None,
            zaak=links.get(zaak_uuid) if zaak_uuid else None,
        )

    result: list[ContactRow] = []
    for row in rows:
        if row["pk"] in answer_pks or zaak_of[row["pk"]] != zaak.uuid:
            continue
        contact = contact_row(row)
        contact.answers = sorted(
            (contact_row(a) for a in answers.get(row["pk"], [])), key=lambda r: r.moment
        )
        contact.answered = bool(contact.answers)
        result.append(contact)
    return result


PAGE_SIZE = 25


def contact_page(citizen: Citizen, *, number: int = 1, size: int = PAGE_SIZE) -> Page[ContactRow]:
    """One page of the timeline (``size`` contacts, newest first, answers under their
    question): the database reads only this page and its answers, in a fixed number of
    queries whatever the length of the history."""
    contacts = klantcontacten_for(citizen.party)
    is_answer = Onderwerpobject.objects.filter(
        klantcontact=OuterRef("pk"), was_klantcontact__isnull=False
    )
    loaded = list(contacts.filter(~Exists(is_answer))[window(number, size)])
    shown = loaded[:size]
    answers: dict[int, list[Klantcontact]] = {}
    if shown:
        answers = answered_question_ids(
            list(
                contacts.filter(
                    pk__in=Onderwerpobject.objects.filter(
                        was_klantcontact__in=[c.pk for c in shown]
                    ).values("klantcontact_id")
                )
            )
        )
    rows = _rows(citizen, shown, answers)
    return Page(items=rows, number=number, has_next=len(loaded) > size)


def working_days_after(start: date, days: int) -> date:
    """``days`` working days (Monday to Friday) after ``start``."""
    current = start
    remaining = days
    while remaining > 0:
        current += timedelta(days=1)
        if current.weekday() < 5:
            remaining -= 1
    return current


@dataclass(frozen=True)
class QuestionAsked:
    uuid: UUID
    answer_within_days: int
    answer_by: date


def question_ask(*, citizen: Citizen, zaak: Zaak, vraag: str) -> QuestionAsked:
    """Register the citizen's question about their zaak as a klantcontact (kanaal
    ``portaal``) with the zaak as onderwerpobject; the outbox event tells the employees."""
    text = vraag.strip()
    if not text:
        raise DomainError("Please type your question.", code="required", field="vraag")
    if len(text) > QUESTION_MAX_LENGTH:
        raise DomainError("Your question is too long.", code="max_length", field="vraag")
    days = zaak.zaaktype.vraag_antwoordtermijn_werkdagen
    with transaction.atomic():
        contact = klantcontact_register(
            party=citizen.party,
            kanaal=QUESTION_KANAAL,
            onderwerp=f"Vraag over zaak {zaak.identificatie}",
            inhoud=text,
            zaak_url=zaak_api_url(zaak),
        )
        receipt_publish(
            citizen=citizen,
            zaak=zaak,
            wat="uw vraag",
            onderwerp="Ontvangen: uw vraag",
            moment=contact.plaatsgevonden_op,
        )
    return QuestionAsked(
        uuid=contact.uuid,
        answer_within_days=days,
        answer_by=working_days_after(timezone.localdate(), days),
    )
