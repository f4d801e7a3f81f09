from __future__ import annotations

from datetime import date

import pytest
from django.utils import timezone

from mijnservices.core.errors import DomainError
from mijnservices.core.identity import Employee
from mijnservices.services.kpis.models import KtoSetting, SurveyDone, SurveyResponse
from mijnservices.services.kpis.surveys import (
    KTO,
    KTO_VERSIONS,
    YES_NO,
    Question,
    Questionnaire,
    kto_invitation,
    kto_invited,
    kto_submit,
    mto_invited,
    mto_submit,
    survey_results,
)
from mijnservices.testing.factories import ZaakFactory, published_zaaktype

pytestmark = pytest.mark.django_db
ANSWERS = {"duur": "6w", "berichten": "ja", "contact": "nee", "uitkomst": "4", "behandeling": "5"}


def _closed(n: int = 1):
    zaaktype = published_zaaktype(identificatie="ZT-KTO")
    return [ZaakFactory(zaaktype=zaaktype, for_bsn="999993653", closed=True) for _ in range(n)]


def test_a_closed_zaak_invites_once_and_accepts_one_answer():
    open_zaak = ZaakFactory(for_bsn="999993653")
    (zaak,) = _closed()
    assert not kto_invited(open_zaak)
    assert kto_invited(zaak)
    kto_submit(zaak=zaak, answers=ANSWERS, open_answer="Sneller graag")
    assert not kto_invited(zaak)
    with pytest.raises(DomainError):
        kto_submit(zaak=zaak, answers=ANSWERS)
    assert SurveyResponse.objects.count() == 1


def test_answers_are_stored_without_bsn_zaak_or_exact_time():
    (zaak,) = _closed()
    kto_submit(zaak=zaak, answers=ANSWERS)
    response = SurveyResponse.objects.get()
    stored = str(
        [getattr(response, f.name) for f in SurveyResponse._meta.fields]
        + list(SurveyDone.objects.values_list("key", flat=True))
    )
    assert "999993653" not in stored
    assert str(zaak.uuid) not in stored and zaak.identificatie not in stored
    assert response.month == timezone.localdate().replace(day=1)


def test_results_appear_only_from_five_answers_on():
    zaken = _closed(5)
    today = timezone.localdate()
    for zaak in zaken[:4]:
        kto_submit(zaak=zaak, answers=ANSWERS)
    (hidden,) = survey_results(soort="kto", start=date(2020, 1, 1), end=today)
    assert (hidden.answers, hidden.shown, hidden.questions) == (4, False, [])
    kto_submit(zaak=zaken[4], answers={**ANSWERS, "uitkomst": "2"})
    (shown,) = survey_results(soort="kto", start=date(2020, 1, 1), end=today, zaaktype="ZT-KTO")
    assert shown.shown and shown.answers == 5
    outcome = shown.questions[3]
    assert dict(outcome.counts) == {
        "Very dissatisfied": 0,
        "Dissatisfied": 1,
        "Neutral": 0,
        "Satisfied": 4,
        "Very satisfied": 0,
    }


def test_an_unknown_answer_is_refused():
    (zaak,) = _closed()
    with pytest.raises(DomainError):
        kto_submit(zaak=zaak, answers={"duur": "een jaar"})


def test_an_employee_answers_the_mto_once_a_quarter_with_only_their_role():
    employee = Employee(user_id=7, username="kcc", roles=frozenset({"kcc"}))
    assert mto_invited(employee)
    mto_submit(employee=employee, answers={"rechten": "soms"})
    assert not mto_invited(employee)
    response = SurveyResponse.objects.get()
    assert (response.soort, response.role, response.answers) == ("mto", "kcc", {"rechten": "soms"})


# A second version beside the first, as a gemeente's changed questions would be added.
KTO_SHORT = Questionnaire(
    soort="kto",
    version="test-2",
    questions=(Question("portaal", KTO.questions[2].text, YES_NO),),
    open_question=KTO.open_question,
)


@pytest.fixture
def two_versions(monkeypatch):
    monkeypatch.setitem(KTO_VERSIONS, KTO_SHORT.version, KTO_SHORT)


def test_a_zaaktype_whose_kto_is_off_neither_invites_nor_accepts_answers():
    (zaak,) = _closed()
    KtoSetting.objects.create(zaaktype="ZT-KTO", actief=False)
    assert not kto_invited(zaak)
    with pytest.raises(DomainError) as error:
        kto_submit(zaak=zaak, answers=ANSWERS)
    assert error.value.code == "off"
    assert not SurveyResponse.objects.exists()


def test_without_a_setting_the_newest_questionnaire_version_applies(two_versions):
    (zaak,) = _closed()
    assert kto_invitation(zaak) == KTO_SHORT
    kto_submit(zaak=zaak, answers={"portaal": "ja"})
    assert SurveyResponse.objects.get().version == "test-2"


def test_the_beheerder_holds_a_zaaktype_to_an_older_version_and_answers_keep_it(two_versions):
    first, second = _closed(2)
    setting = KtoSetting.objects.create(zaaktype="ZT-KTO", version=KTO.version)
    assert kto_invitation(first) == KTO
    kto_submit(zaak=first, answers=ANSWERS)
    setting.version = ""
    setting.save()
    kto_submit(zaak=second, answers={"portaal": "nee"})
    assert sorted(SurveyResponse.objects.values_list("version", "answers")) == [
        (KTO.version, ANSWERS),
        ("test-2", {"portaal": "nee"}),
    ]


def test_results_are_counted_per_questionnaire_version(two_versions):
    zaken = _closed(7)
    KtoSetting.objects.create(zaaktype="ZT-KTO", version=KTO.version)
    for zaak in zaken[:5]:
        kto_submit(zaak=zaak, answers=ANSWERS)
    KtoSetting.objects.filter(zaaktype="ZT-KTO").update(version="test-2")
    for zaak in zaken[5:]:
        kto_submit(zaak=zaak, answers={"portaal": "ja"})
    today = timezone.localdate()
    old, new = survey_results(soort="kto", start=date(2020, 1, 1), end=today)
    assert (old.version, old.answers, old.shown, len(old.questions)) == (KTO.version, 5, True, 5)
    assert (new.version, new.answers, new.shown, new.questions) == ("test-2", 2, False, [])
