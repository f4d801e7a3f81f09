"""KTO and MTO (Startgids bijlage 7): short surveys of citizens after their zaak closed and of
employees about how well they can answer questions on progress.

Answers are stored without the BSN, the zaak or the user (``SurveyResponse``); that a survey was
answered is a keyed hash (``SurveyDone``), so a zaak's survey is offered once and an employee
answers once a quarter. Results are reported only per group of at least ``SURVEY_MIN_GROUP``.

Questionnaires are versioned: a version is never changed once it is in use, a changed set of
questions is a new version beside it (``KTO_VERSIONS``), and every answer keeps the version it
was given under, so results are counted per version. The beheerder switches the KTO on or off
per zaaktype and may hold a zaaktype to an older version (``KtoSetting``, in the admin).
"""

from __future__ import annotations

import hashlib
import hmac
from collections import Counter
from dataclasses import dataclass
from datetime import date

from django.conf import settings
from django.db import IntegrityError, transaction
from django.db.models import QuerySet
from django.utils import timezone
from django.utils.functional import Promise
from django.utils.translation import gettext as _
from django.utils.translation import gettext_lazy

from mijnservices.core.errors import DomainError
from mijnservices.core.identity import Employee
from mijnservices.registrations.zaken.models import Zaak
from mijnservices.services.kpis.models import KtoSetting, SurveyDone, SurveyResponse

SURVEY_MIN_GROUP = 5
OPEN_MAX_LENGTH = 1000


@dataclass(frozen=True)
class Question:
    key: str
    text: Promise
    options: tuple[tuple[str, Promise], ...]


@dataclass(frozen=True)
class Questionnaire:
    soort: str
    version: str
    questions: tuple[Question, ...]
    open_question: Promise


YES_NO = (("ja", gettext_lazy("Yes")), ("nee", gettext_lazy("No")))
SCALE = (
    ("1", gettext_lazy("Very dissatisfied")),
    ("2", gettext_lazy("Dissatisfied")),
    ("3", gettext_lazy("Neutral")),
    ("4", gettext_lazy("Satisfied")),
    ("5", gettext_lazy("Very satisfied")),
)
SOMETIMES = (
    ("ja", gettext_lazy("Yes")),
    ("soms", gettext_lazy("Sometimes")),
    ("nee", gettext_lazy("No")),
)

# Bijlage 7, "na afloop van het verzoek".
KTO = Questionnaire(
    soort="kto",
    version="2026-1",
    questions=(
        Question(
            "duur",
            gettext_lazy("How long did the handling of your request take?"),
            (
                ("2w", gettext_lazy("Less than 2 weeks")),
                ("6w", gettext_lazy("2 to 6 weeks")),
                ("3m", gettext_lazy("6 weeks to 3 months")),
                ("langer", gettext_lazy("Longer than 3 months")),
            ),
        ),
        Question(
            "berichten",
            gettext_lazy("Did you receive messages from the municipality during the handling?"),
            YES_NO,
        ),
        Question(
            "contact",
            gettext_lazy("Did you contact the municipality about the progress?"),
            YES_NO,
        ),
        Question("uitkomst", gettext_lazy("How satisfied are you with the outcome?"), SCALE),
        Question(
            "behandeling",
            gettext_lazy("How satisfied are you with how your request was handled?"),
            SCALE,
        ),
    ),
    open_question=gettext_lazy("What could we do better? (optional; do not enter personal data)"),
)

# Bijlage 7, "vragen aan de medewerkers", during the handling.
MTO = Questionnaire(
    soort="mto",
    version="2026-1",
    questions=(
        Question(
            "duur_bekend",
            gettext_lazy("Do you know how long the handling of a request will still take?"),
            SOMETIMES,
        ),
        Question(
            "voortgang_bekend",
            gettext_lazy("Are you aware of the progress of a request?"),
            SOMETIMES,
        ),
        Question(
            "rechten",
            gettext_lazy("Do you have enough rights to answer questions about a request?"),
            SOMETIMES,
        ),
        Question(
            "collega",
            gettext_lazy("How often do you need a colleague of the department to answer?"),
            (
                ("nooit", gettext_lazy("Never")),
                ("soms", gettext_lazy("Sometimes")),
                ("vaak", gettext_lazy("Often")),
                ("altijd", gettext_lazy("Always")),
            ),
        ),
        Question(
            "beantwoorden",
            gettext_lazy("How well can you answer questions about the handling of a request?"),
            SCALE,
        ),
    ),
    open_question=gettext_lazy("What would help you answer questions about progress? (optional)"),
)


# Every version that was ever offered, oldest first; the last one is the newest. Answers of a
# version are read with that version's questions, so an entry is never removed or edited.
KTO_VERSIONS: dict[str, Questionnaire] = {KTO.version: KTO}
MTO_VERSIONS: dict[str, Questionnaire] = {MTO.version: MTO}


def _versions(soort: str) -> dict[str, Questionnaire]:
    return KTO_VERSIONS if soort == "kto" else MTO_VERSIONS


def kto_newest() -> Questionnaire:
    return next(reversed(KTO_VERSIONS.values()))


def kto_questionnaire(zaaktype: str) -> Questionnaire | None:
    """The KTO that applies to a zaaktype (by identificatie), or None when it is off."""
    setting = KtoSetting.objects.filter(zaaktype=zaaktype).first()
    if setting is None:
        return kto_newest()
    if not setting.actief:
        return None
    return KTO_VERSIONS.get(setting.version) or kto_newest()


def _key(*parts: str) -> str:
    message = "|".join(parts).encode()
    return hmac.new(settings.SECRET_KEY.encode(), message, hashlib.sha256).hexdigest()


def _zaak_key(zaak: Zaak) -> str:
    return _key("kto", str(zaak.uuid))


def _employee_key(employee: Employee, today: date) -> str:
    quarter = f"{today.year}-Q{(today.month - 1) // 3 + 1}"
    return _key("mto", str(employee.user_id), quarter)


def kto_invitation(zaak: Zaak) -> Questionnaire | None:
    """The questionnaire a zaak invites to: closed, the KTO on for its zaaktype, and not
    answered yet (two queries); otherwise None."""
    if zaak.einddatum is None:
        return None
    questionnaire = kto_questionnaire(zaak.zaaktype.identificatie)
    if questionnaire is None or SurveyDone.objects.filter(key=_zaak_key(zaak)).exists():
        return None
    return questionnaire


def kto_invited(zaak: Zaak) -> bool:
    return kto_invitation(zaak) is not None


def kto_invited_many(zaken: list[Zaak]) -> set[int]:
    """The ids of the zaken that invite to the KTO, as ``kto_invitation`` decides, for a
    batch (the closing notifications of many events) in two queries. The zaken's zaaktype
    must be loaded."""
    closed = [zaak for zaak in zaken if zaak.einddatum is not None]
    if not closed:
        return set()
    off = set(
        KtoSetting.objects.filter(
            zaaktype__in={zaak.zaaktype.identificatie for zaak in closed}, actief=False
        ).values_list("zaaktype", flat=True)
    )
    candidates = {_zaak_key(z): z.pk for z in closed if z.zaaktype.identificatie not in off}
    answered = set(
        SurveyDone.objects.filter(key__in=list(candidates)).values_list("key", flat=True)
    )
    return {pk for key, pk in candidates.items() if key not in answered}


def mto_invited(employee: Employee) -> bool:
    return not SurveyDone.objects.filter(key=_employee_key(employee, timezone.localdate())).exists()


def _validated(
    questionnaire: Questionnaire, answers: dict[str, str], open_answer: str
) -> dict[str, str]:
    clean: dict[str, str] = {}
    for question in questionnaire.questions:
        value = answers.get(question.key, "")
        if value and value not in {key for key, _label in question.options}:
            raise DomainError(_("Choose one of the answers."), code="invalid", field=question.key)
        if value:
            clean[question.key] = value
    if not clean and not open_answer.strip():
        raise DomainError(_("Answer at least one question."), code="required")
    if len(open_answer) > OPEN_MAX_LENGTH:
        raise DomainError(_("Your answer is too long."), code="max_length", field="open")
    return clean


def _store(key: str, response: SurveyResponse) -> None:
    try:
        with transaction.atomic():
            SurveyDone.objects.create(key=key)
            response.save()
    except IntegrityError:
        raise DomainError(_("This survey has already been answered."), code="answered") from None


def kto_submit(*, zaak: Zaak, answers: dict[str, str], open_answer: str = "") -> None:
    """Store a citizen's answers about their closed zaak, once per zaak, without who."""
    if zaak.einddatum is None:
        raise DomainError(_("The survey opens when your case is closed."), code="open")
    questionnaire = kto_questionnaire(zaak.zaaktype.identificatie)
    if questionnaire is None:
        raise DomainError(_("There is no survey for this case."), code="off")
    clean = _validated(questionnaire, answers, open_answer)
    _store(
        _zaak_key(zaak),
        SurveyResponse(
            soort="kto",
            version=questionnaire.version,
            zaaktype=zaak.zaaktype.identificatie,
            month=timezone.localdate().replace(day=1),
            answers=clean,
            open_answer=open_answer.strip(),
        ),
    )


def mto_submit(*, employee: Employee, answers: dict[str, str], open_answer: str = "") -> None:
    """Store an employee's answers, once a quarter, with their role but not who they are."""
    today = timezone.localdate()
    clean = _validated(MTO, answers, open_answer)
    role = next(iter(sorted(employee.roles)), "")
    _store(
        _employee_key(employee, today),
        SurveyResponse(
            soort="mto",
            version=MTO.version,
            role=role,
            month=today.replace(day=1),
            answers=clean,
            open_answer=open_answer.strip(),
        ),
    )


# --- Reporting ----------------------------------------------------------------------------
@dataclass(frozen=True)
class QuestionResult:
    text: str
    counts: list[tuple[str, int]]  # (answer label, count), in the questionnaire's order


@dataclass(frozen=True)
class SurveyResults:
    soort: str
    version: str  # the questionnaire version these answers were given under
    answers: int
    shown: bool  # False below SURVEY_MIN_GROUP: nothing but the fact that it is too few
    questions: list[QuestionResult]
    open_answers: list[str]


def _counted(
    questionnaire: Questionnaire, collected: list[tuple[dict[str, str], str]]
) -> SurveyResults:
    soort, version = questionnaire.soort, questionnaire.version
    if len(collected) < SURVEY_MIN_GROUP:
        return SurveyResults(soort, version, len(collected), False, [], [])
    counters = {q.key: Counter[str]() for q in questionnaire.questions}
    for answers, _open in collected:
        for key, value in answers.items():
            if key in counters:
                counters[key][value] += 1
    return SurveyResults(
        soort=soort,
        version=version,
        answers=len(collected),
        shown=True,
        questions=[
            QuestionResult(
                text=str(q.text),
                counts=[(str(label), counters[q.key][key]) for key, label in q.options],
            )
            for q in questionnaire.questions
        ],
        open_answers=sorted(o for _a, o in collected if o),
    )


def survey_results(
    *, soort: str, start: date, end: date, zaaktype: str | None = None
) -> list[SurveyResults]:
    """The answers of ``start``..``end`` counted per question, one result per questionnaire
    version (oldest first), each shown only from five answers on (one query)."""
    versions = _versions(soort)
    rows: QuerySet[SurveyResponse] = SurveyResponse.objects.filter(
        soort=soort, month__gte=start.replace(day=1), month__lte=end
    )
    if zaaktype:
        rows = rows.filter(zaaktype=zaaktype)
    by_version: dict[str, list[tuple[dict[str, str], str]]] = {}
    for version, answers, open_answer in rows.values_list("version", "answers", "open_answer"):
        by_version.setdefault(version, []).append((answers, open_answer))
    if not by_version:
        return [_counted(next(reversed(versions.values())), [])]
    return [
        _counted(questionnaire, by_version[version])
        for version, questionnaire in versions.items()
        if version in by_version
    ]
