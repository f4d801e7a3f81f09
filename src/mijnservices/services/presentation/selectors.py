"""What citizens see of a zaaktype: its presentation, else the catalogue's own values.

Readers elsewhere keep reading the familiar attributes (``zaaktype.publieke_omschrijving``,
``statustype.statustekst`` …): :func:`presentation_apply` puts the presentation's values on
the loaded objects (never saved: the catalogue stays frozen). The MijnZaken selectors apply it
to what they load, so a beheerder's change shows on the next request.
"""

from __future__ import annotations

from collections.abc import Iterable
from datetime import timedelta

from django.db.models import Prefetch, Q, QuerySet

from mijnservices.core.identity import Citizen
from mijnservices.core.process_cache import ProcessCache, ProcessCacheMap
from mijnservices.registrations.catalogi.models import StatusType, ZaakType
from mijnservices.services.presentation.levels import DEMO_RANK, required_rank
from mijnservices.services.presentation.models import StepPresentation, ZaaktypePresentation

APPLIED = "_presentation"


def presentations_by_identificatie(
    identificaties: Iterable[str], *, steps: bool = True
) -> dict[str, ZaaktypePresentation]:
    """The presentations of these zaaktypen (one query, two with their steps)."""
    queryset = ZaaktypePresentation.objects.filter(zaaktype_identificatie__in=set(identificaties))
    if steps:
        queryset = queryset.prefetch_related(
            Prefetch("steps", queryset=StepPresentation.objects.order_by("volgnummer"))
        )
    return {p.zaaktype_identificatie: p for p in queryset}


def presentation_of(identificatie: str) -> ZaaktypePresentation | None:
    return presentations_by_identificatie([identificatie]).get(identificatie)


def _apply_one(zaaktype: ZaakType, presentation: ZaaktypePresentation | None) -> None:
    setattr(zaaktype, APPLIED, presentation)
    if presentation is None:
        return
    zaaktype.publieke_omschrijving = presentation.title_nl
    zaaktype.publieke_omschrijving_en = presentation.title_en
    zaaktype.stilte_signaal_dagen = presentation.silence_days
    zaaktype.toon_behandelaar = presentation.show_handler
    zaaktype.portaal_upload_informatieobjecttype = presentation.upload_document_type
    zaaktype.vraag_antwoordtermijn_werkdagen = presentation.answer_term_days
    cache = getattr(zaaktype, "_prefetched_objects_cache", {})
    if "statustypen" not in cache:
        return
    steps = {step.statustype_omschrijving: step for step in presentation.steps.all()}
    statustype: StatusType
    for statustype in cache["statustypen"]:
        step = steps.get(statustype.omschrijving)
        if step is None:
            continue
        statustype.statustekst = step.text_nl
        statustype.statustekst_en = step.text_en
        statustype.informeren = step.informeren
        if step.expected_days is not None:
            statustype.doorlooptijd = timedelta(days=step.expected_days)


def presentation_apply(
    zaaktypen: Iterable[ZaakType], *, steps: bool = True, fresh: bool = False
) -> None:
    """Put the presentations' values on these loaded zaaktypen (and their prefetched
    statustypen). From the per-process cache (:func:`presentations_cached`, no query);
    ``fresh`` reads the database (one or two queries for any number: the beheer screens)."""
    todo = [z for z in zaaktypen if not hasattr(z, APPLIED)]
    if not todo:
        return
    if fresh:
        found = presentations_by_identificatie((z.identificatie for z in todo), steps=steps)
    else:
        found = presentations_cached()
    for zaaktype in todo:
        _apply_one(zaaktype, found.get(zaaktype.identificatie))


# --- Per-process caches (decisions 0040 and 0043) ------------------------------------------------
# What every portal page reads of its zaaktypen changes only when a beheerder (or the catalogue)
# saves: kept per process until the "presentation" generation moves (core/process_cache.py; the
# signals in apps.py move it on every save of a zaaktype, statustype, presentation or step).
PRESENTATION = "presentation"


def _load_presentations() -> dict[str, ZaaktypePresentation]:
    queryset = ZaaktypePresentation.objects.prefetch_related(
        Prefetch("steps", queryset=StepPresentation.objects.order_by("volgnummer"))
    )
    return {p.zaaktype_identificatie: p for p in queryset}


_PRESENTATIONS = ProcessCache(PRESENTATION, _load_presentations)


def presentations_cached() -> dict[str, ZaaktypePresentation]:
    """Every presentation with its steps, by zaaktype identificatie (two queries after a
    change; a gemeente has at most some hundreds of zaaktypen)."""
    return _PRESENTATIONS.get()


def _load_statustypen(key: tuple[int, str]) -> list[StatusType]:
    pk, identificatie = key
    holder = ZaakType(pk=pk, identificatie=identificatie)
    statustypen = list(StatusType.objects.filter(zaaktype_id=pk).order_by("volgnummer"))
    holder._prefetched_objects_cache = {"statustypen": statustypen}  # type: ignore[attr-defined]
    _apply_one(holder, presentations_cached().get(identificatie))
    return statustypen


_STATUSTYPEN = ProcessCacheMap(PRESENTATION, _load_statustypen)


def statustypen_presented(zaaktype: ZaakType) -> list[StatusType]:
    """The zaaktype's statustypen by volgnummer with the presentation's step texts and
    durations applied (shared, read-only objects; one query per zaaktype after a change)."""
    return _STATUSTYPEN.get((zaaktype.pk, zaaktype.identificatie))


def applied_presentation(zaaktype: ZaakType) -> ZaaktypePresentation | None:
    return getattr(zaaktype, APPLIED, None)


def hidden_identificaties() -> QuerySet[ZaaktypePresentation, str]:
    """Zaaktype identificaties switched off in the portal (a subquery, not evaluated here)."""
    return ZaaktypePresentation.objects.filter(shown_in_portal=False).values_list(
        "zaaktype_identificatie", flat=True
    )


def shown_in_portal_q(prefix: str = "zaaktype__") -> Q:
    """``Q`` keeping only zaken (or zaaktypen, with ``prefix=""``) shown in the portal."""
    return ~Q(**{f"{prefix}identificatie__in": hidden_identificaties()})


def citizen_rank(citizen: Citizen) -> int:
    return DEMO_RANK if citizen.auth_method == "demo" else citizen.level


def required_level(zaaktype: ZaakType) -> str:
    """The login level the zaaktype's presentation asks (``""``: none). The zaaktype must have
    been through :func:`presentation_apply`, else one query."""
    if hasattr(zaaktype, APPLIED):
        presentation = applied_presentation(zaaktype)
    else:
        presentation = presentation_of(zaaktype.identificatie)
    return presentation.auth_level if presentation is not None else ""


def level_sufficient(citizen: Citizen, zaaktype: ZaakType) -> bool:
    return citizen_rank(citizen) >= required_rank(required_level(zaaktype))


_HIDDEN = ProcessCache(PRESENTATION, lambda: frozenset(hidden_identificaties()))


def shown_for_notifications(identificatie: str) -> bool:
    """Whether zaken of this zaaktype may notify citizens (switched-off zaaktypen do not).
    Kept per process until a presentation changes: the worker decides for hundreds of events a
    second."""
    return identificatie not in _HIDDEN.get()


def informeren_overrides(identificaties: Iterable[str]) -> dict[tuple[str, str], bool]:
    """(zaaktype identificatie, statustype omschrijving) → whether to inform, as the beheerder
    set it; the catalogue's ``informeren`` holds for steps not in this map. One query."""
    rows = StepPresentation.objects.filter(
        presentation__zaaktype_identificatie__in=set(identificaties)
    ).values_list("presentation__zaaktype_identificatie", "statustype_omschrijving", "informeren")
    return {(ident, omschrijving): inform for ident, omschrijving, inform in rows}


def _load_step_emails() -> dict[tuple[str, str, str], tuple[str, str]]:
    texts: dict[tuple[str, str, str], tuple[str, str]] = {}
    rows = StepPresentation.objects.exclude(email_body_nl="", email_body_en="").values_list(
        "presentation__zaaktype_identificatie", "statustype_omschrijving",
        "email_subject_nl", "email_body_nl", "email_subject_en", "email_body_en",
    )  # fmt: skip
    for ident, step, subject_nl, body_nl, subject_en, body_en in rows:
        if body_nl:
            texts[(ident, step, "nl")] = (subject_nl, body_nl)
        if body_en:
            texts[(ident, step, "en")] = (subject_en, body_en)
    return texts


_EMAILS = ProcessCache(PRESENTATION, _load_step_emails)


def step_email(identificatie: str, statustype: str, taal: str) -> tuple[str, str] | None:
    """The zaaktype's own e-mail (subject, body) for reaching this step, in ``taal``, when the
    beheerder wrote one (Startgids bijlage 4); else ``None`` (the standard text). Kept per
    process until a presentation changes."""
    if not identificatie or not statustype:
        return None
    return _EMAILS.get().get((identificatie, statustype, taal))
