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
    "zaak_naam": "the public name of the kind of zaak (e.g. Bezwaar WOZ-waarde)",
    "taken": "the new tasks, one a line, with amount and what for on a payment",
    "bericht_tekst": "a confirmation's own text: what was received and when (case content)",
}
CASE_CONTENT = frozenset({"zaak_omschrijving", "status", "bericht_tekst"})

_NL = {
    Trigger.ZAAK_ONTVANGEN: ("Wij hebben uw aanvraag {zaak_naam} ontvangen", "Wij hebben uw aanvraag {zaak_naam} ontvangen. Het zaaknummer is {zaaknummer}."),
    Trigger.STATUS: ("Nieuws over uw zaak {zaak_naam} ({zaaknummer})", "Er is nieuws over uw zaak {zaak_naam}, zaaknummer {zaaknummer}."),
    Trigger.SUBSTATUS: ("Nieuws over uw zaak {zaak_naam} ({zaaknummer})", "Er is nieuws over uw zaak {zaak_naam}, zaaknummer {zaaknummer}."),
    Trigger.DOCUMENT: ("Nieuw document bij uw zaak {zaak_naam} ({zaaknummer})", "Bij uw zaak {zaak_naam}, zaaknummer {zaaknummer}, staat een nieuw document."),
    Trigger.BESLUIT: ("Besluit over uw zaak {zaak_naam} ({zaaknummer})", "Wij hebben een besluit genomen over uw zaak {zaak_naam}, zaaknummer {zaaknummer}."),
    Trigger.ZAAK_AFGESLOTEN: ("Uw zaak {zaak_naam} ({zaaknummer}) is afgerond", "Uw zaak {zaak_naam}, zaaknummer {zaaknummer}, is afgerond."),
    Trigger.BERICHT: ("U hebt een nieuw bericht van {organisatie}", "U hebt een nieuw bericht van {organisatie}."),
    Trigger.BETALING: ("Wij hebben uw betaling ontvangen", "Bedankt. {bericht_tekst}"),
    Trigger.TAAK: ("U moet iets doen voor {organisatie}", "Er staat nieuw werk voor u klaar:\n{taken}\n\nBekijk wat u moet doen en wanneer."),
    Trigger.TAAK_DEADLINE: ("Herinnering: u moet nog iets doen", "Vergeet uw taak niet. De datum komt dichterbij."),
    Trigger.VRAAG_BEANTWOORD: ("Antwoord op uw vraag over zaak {zaaknummer}", "Wij hebben uw vraag over uw zaak {zaak_naam}, zaaknummer {zaaknummer}, beantwoord."),
    Trigger.NIET_VERGETEN: ("Wij zijn nog met uw zaak {zaak_naam} bezig", "Er is een tijd geen nieuws over uw zaak {zaak_naam}, zaaknummer {zaaknummer}. Wij zijn er nog mee bezig. U bent niet vergeten."),
    Trigger.ONTVANGST: ("Ontvangstbevestiging van {organisatie}", "{bericht_tekst}"),
}  # fmt: skip
_EN = {
    Trigger.ZAAK_ONTVANGEN: ("We have received your application {zaak_naam}", "We have received your application {zaak_naam}. The case number is {zaaknummer}."),
    Trigger.STATUS: ("News about your case {zaak_naam} ({zaaknummer})", "There is news about your case {zaak_naam}, case number {zaaknummer}."),
    Trigger.SUBSTATUS: ("News about your case {zaak_naam} ({zaaknummer})", "There is news about your case {zaak_naam}, case number {zaaknummer}."),
    Trigger.DOCUMENT: ("New document in your case {zaak_naam} ({zaaknummer})", "There is a new document in your case {zaak_naam}, case number {zaaknummer}."),
    Trigger.BESLUIT: ("Decision about your case {zaak_naam} ({zaaknummer})", "We have made a decision about your case {zaak_naam}, case number {zaaknummer}."),
    Trigger.ZAAK_AFGESLOTEN: ("Your case {zaak_naam} ({zaaknummer}) is finished", "Your case {zaak_naam}, case number {zaaknummer}, is finished."),
    Trigger.BERICHT: ("You have a new message from {organisatie}", "You have a new message from {organisatie}."),
    Trigger.BETALING: ("We have received your payment", "Thank you. {bericht_tekst}"),
    Trigger.TAAK: ("You need to do something for {organisatie}", "There is new work for you:\n{taken}\n\nSee what you need to do and by when."),
    Trigger.TAAK_DEADLINE: ("Reminder: you still need to do something", "Do not forget your task. The date is getting close."),
    Trigger.VRAAG_BEANTWOORD: ("Answer to your question about case {zaaknummer}", "We have answered your question about your case {zaak_naam}, case number {zaaknummer}."),
    Trigger.NIET_VERGETEN: ("We are still working on your case {zaak_naam}", "There has been no news about your case {zaak_naam}, case number {zaaknummer}, for a while. We are still working on it. You have not been forgotten."),
    Trigger.ONTVANGST: ("Confirmation of receipt from {organisatie}", "{bericht_tekst}"),
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
