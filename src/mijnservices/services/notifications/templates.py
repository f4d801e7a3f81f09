"""Texts of notifications: plain-language defaults per trigger, channel and language, which
the functional administrator can override in the admin (``NotificationTemplate``).

Placeholders are written ``{name}``. A notification says there is news and links to the
portal; it never carries a BSN. ``CASE_CONTENT`` placeholders put what the case is about into
an e-mail or SMS: only use them deliberately (the admin warns)."""

# ruff: noqa: E501 - the default texts read best one per line
from __future__ import annotations

import string
import time
from dataclasses import dataclass

from mijnservices.services.notifications.models import Kanaal, NotificationTemplate, Trigger

PLACEHOLDERS = {
    "organisatie": "name of the municipality",
    "portaal_link": "link to the page in the portal",
    "zaaknummer": "the zaak's number (no personal data)",
    "zaak_omschrijving": "what the zaak is about (case content)",
    "status": "the new status (case content)",
    "kto_link": "link to the satisfaction survey on the zaak page; empty once answered or when the KTO is off",
    "kto_uitnodiging": "the invitation to the satisfaction survey with its link, or nothing (closing e-mail)",
}
CASE_CONTENT = frozenset({"zaak_omschrijving", "status"})

_NL = {
    Trigger.ZAAK_ONTVANGEN: ("Wij hebben uw aanvraag ontvangen", "Wij hebben uw aanvraag ontvangen. Het zaaknummer is {zaaknummer}."),
    Trigger.STATUS: ("Er is nieuws over uw zaak", "Er is nieuws over uw zaak {zaaknummer}."),
    Trigger.SUBSTATUS: ("Er is nieuws over uw zaak", "Er is nieuws over uw zaak {zaaknummer}."),
    Trigger.DOCUMENT: ("Er is een nieuw document voor u", "Bij uw zaak {zaaknummer} staat een nieuw document."),
    Trigger.BESLUIT: ("Er is een besluit over uw zaak", "Wij hebben een besluit genomen over uw zaak {zaaknummer}."),
    Trigger.ZAAK_AFGESLOTEN: ("Uw zaak is afgerond", "Uw zaak {zaaknummer} is afgerond."),
    Trigger.BERICHT: ("U hebt een nieuw bericht", "U hebt een nieuw bericht van {organisatie}."),
    Trigger.BETALING: ("Wij hebben uw betaling ontvangen", "Bedankt. Wij hebben uw betaling ontvangen. U vindt de bevestiging in uw berichten."),
    Trigger.TAAK: ("U moet iets doen", "Er staat een nieuwe taak voor u klaar. Bekijk wat u moet doen en wanneer."),
    Trigger.TAAK_DEADLINE: ("Herinnering: u moet nog iets doen", "Vergeet uw taak niet. De datum komt dichterbij."),
    Trigger.VRAAG_BEANTWOORD: ("Wij hebben uw vraag beantwoord", "Wij hebben uw vraag over zaak {zaaknummer} beantwoord."),
    Trigger.NIET_VERGETEN: ("Wij zijn nog met uw zaak bezig", "Er is een tijd geen nieuws over uw zaak {zaaknummer}. Wij zijn er nog mee bezig. U bent niet vergeten."),
}  # fmt: skip
_EN = {
    Trigger.ZAAK_ONTVANGEN: ("We have received your application", "We have received your application. The case number is {zaaknummer}."),
    Trigger.STATUS: ("There is news about your case", "There is news about your case {zaaknummer}."),
    Trigger.SUBSTATUS: ("There is news about your case", "There is news about your case {zaaknummer}."),
    Trigger.DOCUMENT: ("There is a new document for you", "There is a new document in your case {zaaknummer}."),
    Trigger.BESLUIT: ("There is a decision about your case", "We have made a decision about your case {zaaknummer}."),
    Trigger.ZAAK_AFGESLOTEN: ("Your case is finished", "Your case {zaaknummer} is finished."),
    Trigger.BERICHT: ("You have a new message", "You have a new message from {organisatie}."),
    Trigger.BETALING: ("We have received your payment", "Thank you. We have received your payment. You will find the confirmation in your messages."),
    Trigger.TAAK: ("You need to do something", "There is a new task for you. See what you need to do and by when."),
    Trigger.TAAK_DEADLINE: ("Reminder: you still need to do something", "Do not forget your task. The date is getting close."),
    Trigger.VRAAG_BEANTWOORD: ("We have answered your question", "We have answered your question about case {zaaknummer}."),
    Trigger.NIET_VERGETEN: ("We are still working on your case", "There has been no news about your case {zaaknummer} for a while. We are still working on it. You have not been forgotten."),
}  # fmt: skip
_FOOTER = {
    "nl": "\n\nBekijk het op {portaal_link}\n\n{organisatie}\n(Dit is een automatisch bericht. U kunt hier niet op antwoorden.)",
    "en": "\n\nSee it at {portaal_link}\n\n{organisatie}\n(This is an automatic message. You cannot reply to it.)",
}  # fmt: skip

# The closing e-mail invites to the KTO on the zaak page while it is on for the zaaktype and
# not answered (services.kpis.surveys); otherwise {kto_uitnodiging} is empty.
_EMAIL_EXTRA = {Trigger.ZAAK_AFGESLOTEN: "{kto_uitnodiging}"}
_KTO_INVITATION = {
    "nl": "\n\nHoe ging het? Wij horen graag wat u ervan vond. Beantwoord een paar korte vragen op de pagina van uw zaak:\n{kto_link}\nDat is vrijwillig. Uw antwoorden worden bewaard zonder uw naam of burgerservicenummer.",
    "en": "\n\nHow did it go? We would like to hear what you thought. Answer a few short questions on the page of your case:\n{kto_link}\nIt is voluntary. Your answers are stored without your name or citizen service number.",
}  # fmt: skip


def kto_invitation(taal: str, kto_link: str) -> str:
    """The invitation paragraph in the recipient's language, or "" without a survey."""
    if not kto_link:
        return ""
    return _KTO_INVITATION["en" if taal == "en" else "nl"].format(kto_link=kto_link)


@dataclass(frozen=True)
class Text:
    onderwerp: str
    tekst: str


def default_text(trigger: str, kanaal: str, taal: str) -> Text:
    onderwerp, zin = (_EN if taal == "en" else _NL)[Trigger(trigger)]
    if kanaal == Kanaal.SMS:
        return Text("", f"{zin} {{portaal_link}}")
    extra = _EMAIL_EXTRA.get(Trigger(trigger), "")
    return Text(onderwerp, zin + extra + _FOOTER["en" if taal == "en" else "nl"])


def placeholders_in(text: str) -> set[str]:
    return {name for _, name, _, _ in string.Formatter().parse(text) if name}


def unknown_placeholders(text: str) -> set[str]:
    return placeholders_in(text) - set(PLACEHOLDERS)


class _Values(dict[str, str]):
    def __missing__(self, key: str) -> str:
        return ""


_CACHE: dict[str, object] = {"at": float("-inf"), "texts": {}}
CACHE_SECONDS = 30.0


def _stored(trigger: str, kanaal: str, taal: str) -> Text | None:
    """The administrator's texts, read at most every CACHE_SECONDS per process (a worker
    renders hundreds of notifications a second; an edit shows within half a minute)."""
    now = time.monotonic()
    if now - float(_CACHE["at"]) > CACHE_SECONDS:  # type: ignore[arg-type]
        _CACHE["texts"] = {
            (t.trigger, t.kanaal, t.taal): Text(t.onderwerp, t.tekst)
            for t in NotificationTemplate.objects.all()
        }
        _CACHE["at"] = now
    texts: dict[tuple[str, str, str], Text] = _CACHE["texts"]  # type: ignore[assignment]
    return texts.get((trigger, kanaal, taal))


def cache_clear() -> None:
    _CACHE["at"] = float("-inf")


def render(
    trigger: str, kanaal: str, taal: str, values: dict[str, str], *, override: Text | None = None
) -> Text:
    """``override`` (the zaaktype's text for this step, decision 0036), else the
    administrator's template when there is one, else the default."""
    stored = _stored(trigger, kanaal, taal)
    source = override or stored or default_text(trigger, kanaal, taal)
    safe = _Values(values)
    try:
        return Text(source.onderwerp.format_map(safe), source.tekst.format_map(safe))
    except (ValueError, IndexError, AttributeError):
        # A broken template never stops a notification: fall back to the default text.
        fallback = default_text(trigger, kanaal, taal)
        return Text(fallback.onderwerp.format_map(safe), fallback.tekst.format_map(safe))
