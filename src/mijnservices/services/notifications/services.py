"""Creating notifications: one per recipient (at the first usable address), deduplicated by
(event, recipient, channel), throttled per person and zaak, rendered from the templates.
Called inside the worker's transaction of the event, so an event and its notifications commit
together (at-least-once consumption, exactly one notification per key)."""

from __future__ import annotations

import functools
import hashlib
from dataclasses import dataclass
from datetime import datetime, timedelta

import structlog
from django.conf import settings
from django.db import IntegrityError, transaction
from django.urls import get_urlconf, reverse
from django.utils import timezone
from django.utils.translation import get_language

from mijnservices.core.identity import Party
from mijnservices.registrations.zaken.models import Zaak
from mijnservices.services.notifications import templates
from mijnservices.services.notifications.models import (
    SOORT,
    ContactSignal,
    Notification,
    Trigger,
)
from mijnservices.services.notifications.recipients import (
    Address,
    addresses_for,
    contact_details_many,
    details_of,
    ranked,
)
from mijnservices.services.presentation.selectors import step_email

logger = structlog.get_logger(__name__)


@dataclass(frozen=True)
class ZaakRef:
    """What a notification needs of a zaak: ours, or one in an external Zaken API."""

    uuid: str
    identificatie: str
    omschrijving: str = ""
    status: str = ""
    naam: str = ""  # the zaaktype's public name: what kind of case, without its content
    local: bool = True
    kto: bool = False  # closed, and invites to the satisfaction survey on its page
    zaaktype: str = ""  # identificatie, when loaded with the zaak (for its own e-mail texts)

    @classmethod
    def of(cls, zaak: Zaak, *, kto: bool = False) -> ZaakRef:
        status = zaak.status.statustype.omschrijving if zaak.status_id and zaak.status else ""
        zaaktype = zaak.zaaktype
        naam = zaaktype.publieke_omschrijving or zaaktype.omschrijving
        return cls(
            str(zaak.uuid), zaak.identificatie, zaak.omschrijving, status, naam, kto=kto,
            zaaktype=zaaktype.identificatie,
        )  # fmt: skip


# Status-like triggers that become one message when they come close together.
THROTTLED = frozenset({Trigger.ZAAK_ONTVANGEN, Trigger.STATUS, Trigger.SUBSTATUS})


_MARK = "00000000-0000-4000-8000-000000000000"


@functools.lru_cache(maxsize=64)
def _path(name: str, urlconf: str, language: str | None) -> str:
    """A portal path, reversed once per URL configuration and language (``reverse`` costs
    more than building the rest of a message); the zaak's uuid is put in afterwards."""
    return reverse(name, args=[_MARK] if name == "portal:zaak_detail" else None)


def portal_link(zaak: ZaakRef | None, trigger: str) -> str:
    base = (settings.NOTIFICATIONS_PORTAL_URL or settings.SITE_URL).rstrip("/")
    key = (str(get_urlconf() or settings.ROOT_URLCONF), get_language())
    if zaak is not None and zaak.local:
        return base + _path("portal:zaak_detail", *key).replace(_MARK, str(zaak.uuid))
    if trigger in (Trigger.TAAK, Trigger.TAAK_DEADLINE):
        return base + _path("portal:taken", *key)
    if trigger in (Trigger.BERICHT, Trigger.BETALING):
        return base + _path("portal:berichten", *key)
    return base + _path("portal:overview", *key)


def signal_store(party: Party, reden: str, *, kanaal: str = "", adres: str = "") -> None:
    """Tell the KCC the person's contact details need checking (once while unresolved)."""
    ContactSignal.objects.get_or_create(
        party_kind=party.kind,
        party_identifier=party.identifier,
        kanaal=kanaal,
        adres=adres,
        reden=reden,
        resolved_at=None,
    )


def _throttle_key(plan: Plan, party: Party) -> tuple[str, str, str] | None:
    """Status-like news about one zaak for one person: the unit of throttling."""
    if plan.trigger not in THROTTLED or plan.zaak is None:
        return None
    if not settings.NOTIFICATIONS_THROTTLE_MINUTES:
        return None
    return (party.kind, party.identifier, plan.zaak.uuid)


def _recently_notified(plans: list[Plan], now: datetime) -> set[tuple[str, str, str]]:
    """(person, zaak) pairs that had status-like news within the throttle window: one query."""
    keys = {k for plan in plans for party in plan.parties if (k := _throttle_key(plan, party))}
    if not keys:
        return set()
    since = now - timedelta(minutes=int(settings.NOTIFICATIONS_THROTTLE_MINUTES))
    recent = Notification.objects.filter(
        party_identifier__in={k[1] for k in keys},
        zaak_uuid__in={k[2] for k in keys},
        trigger__in=list(THROTTLED),
        created_at__gte=since,
        fallback_of__isnull=True,
    ).values_list("party_kind", "party_identifier", "zaak_uuid")
    return set(recent) & keys


def notification_build(
    *,
    event_id: str,
    trigger: str,
    party: Party,
    address: Address,
    taal: str,
    zaak: ZaakRef | None,
    now: datetime,
    fallback_of: Notification | None = None,
    extra: dict[str, str] | None = None,
) -> Notification:
    link = portal_link(zaak, trigger)
    kto_link = f"{link}#kto" if zaak is not None and zaak.kto and zaak.local else ""
    values = {
        "organisatie": settings.ORGANISATION_NAME,
        "portaal_link": link,
        "zaaknummer": zaak.identificatie if zaak else "",
        "zaak_omschrijving": zaak.omschrijving if zaak else "",
        "status": zaak.status if zaak else "",
        "kto_link": kto_link,
        "kto_uitnodiging": templates.kto_invitation(taal, kto_link),
        "zaak_naam": zaak.naam if zaak else "",
        **(extra or {}),
    }
    override = None
    if zaak is not None and trigger == Trigger.STATUS and address.kanaal == "email":
        found = step_email(zaak.zaaktype, zaak.status, taal)
        override = templates.Text(*found) if found else None
    text = templates.render(trigger, address.kanaal, taal, values, override=override)
    return Notification(
        dedup_key=f"{event_id}:{party.kind}:{party.identifier}:{address.kanaal}"[:200],
        event_id=event_id[:100],
        trigger=trigger,
        party_kind=party.kind,
        party_identifier=party.identifier,
        party_vestiging=party.vestiging,
        kanaal=address.kanaal,
        adres=address.adres,
        taal=taal,
        onderwerp=text.onderwerp[:200],
        tekst=text.tekst,
        tekst_sha256=hashlib.sha256(text.tekst.encode()).hexdigest(),
        zaak_uuid=zaak.uuid if zaak else "",
        zaak_identificatie=zaak.identificatie if zaak else "",
        next_attempt_at=now,
        created_at=now,
        fallback_of=fallback_of,
    )


@dataclass(frozen=True)
class Plan:
    """The notifications one event asks for: its trigger, for these people, about this zaak."""

    event_id: str
    trigger: str
    parties: tuple[Party, ...]
    zaak: ZaakRef | None = None
    not_before: datetime | None = None
    # What this event adds to the text: the tasks, the receipt's wording (issue 21).
    values: tuple[tuple[str, str], ...] = ()


def notify(
    *,
    event_id: str,
    trigger: str,
    parties: list[Party],
    zaak: Zaak | ZaakRef | None = None,
    not_before: datetime | None = None,
) -> list[Notification]:
    """Plan the notifications for one event (see ``notify_many``)."""
    if isinstance(zaak, Zaak):
        zaak = ZaakRef.of(zaak)
    return notify_many([Plan(event_id, trigger, tuple(parties), zaak, not_before)])


def notify_many(plans: list[Plan]) -> list[Notification]:
    """Create the notifications of many events in a constant number of queries: each
    recipient once per event at their first usable address, unless they switched the kind
    off or had status-like news about the same zaak within the throttle window (earlier plans
    in the list count). Idempotent: an event handled twice creates nothing new. Returns the
    notifications created now."""
    now = timezone.now()
    details = contact_details_many({party for plan in plans for party in plan.parties})
    recent = _recently_notified(plans, now)
    created: list[Notification] = []
    for plan in plans:
        soort = SOORT[Trigger(plan.trigger)]
        for party in plan.parties:
            voorkeuren, verified = details_of(details, party)
            if soort is not None and not voorkeuren.wants(soort):
                continue  # the person switched this kind off (never for action-required kinds)
            addresses = ranked(
                voorkeuren, verified, referentie=plan.zaak.identificatie if plan.zaak else ""
            )
            if not addresses:
                signal_store(party, "No verified e-mail address or mobile number to notify.")
                continue
            key = _throttle_key(plan, party)
            if key is not None and key in recent:
                logger.info("notification_throttled", trigger=plan.trigger, event_id=plan.event_id)
                continue
            if key is not None:
                recent.add(key)
            notification = notification_build(
                event_id=plan.event_id,
                trigger=plan.trigger,
                party=party,
                address=addresses[0],
                taal=voorkeuren.taal,
                zaak=plan.zaak,
                now=now,
                extra=dict(plan.values),
            )
            if plan.not_before is not None and plan.not_before > now:
                notification.next_attempt_at = plan.not_before
            created.append(notification)
    # One INSERT; a notification an event already has (same key) is left as it is.
    Notification.objects.bulk_create(created, ignore_conflicts=True)
    return created


def fallback_create(failed: Notification) -> Notification | None:
    """After a permanent failure: the person's next address on another channel, if any."""
    party = Party(kind=failed.party_kind, identifier=failed.party_identifier)  # type: ignore[arg-type]
    _, addresses = addresses_for(party, referentie=failed.zaak_identificatie)
    tried = {failed.adres} | set(failed.fallbacks.values_list("adres", flat=True))
    chain = failed
    while chain.fallback_of is not None:
        chain = chain.fallback_of
        tried.add(chain.adres)
    for address in addresses:
        if address.adres in tried:
            continue
        zaak = ZaakRef(failed.zaak_uuid, failed.zaak_identificatie) if failed.zaak_uuid else None
        notification = notification_build(
            event_id=failed.event_id,
            trigger=failed.trigger,
            party=party,
            address=address,
            taal=failed.taal,
            zaak=zaak,
            now=timezone.now(),
            fallback_of=failed,
        )
        try:
            with transaction.atomic():
                notification.save()
        except IntegrityError:
            return None
        return notification
    return None
