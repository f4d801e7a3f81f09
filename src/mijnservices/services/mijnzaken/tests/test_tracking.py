from __future__ import annotations

from datetime import timedelta

import pytest
from django.utils import timezone

from mijnservices.core.identity import Citizen, Party
from mijnservices.registrations.zaken import services as zaken_services
from mijnservices.services.mijnzaken.selectors import zaak_for_detail
from mijnservices.services.mijnzaken.tracking import build_tracking, days_without_news
from mijnservices.testing.factories import ZaakFactory, published_zaaktype

SUZANNE = Citizen(actor=Party("bsn", "999993653"), auth_method="demo")


def _load(zaak):
    return zaak_for_detail(SUZANNE, zaak.uuid)


@pytest.mark.django_db
def test_every_step_has_a_date_past_current_and_future():
    zaak = ZaakFactory(
        for_bsn="999993653", status_count=2, zaaktype=published_zaaktype(steps=4, step_days=7)
    )
    tracking = build_tracking(_load(zaak))
    states = [step.state for step in tracking.steps]
    assert states == ["past", "current", "future", "future"]
    assert tracking.steps[0].reached_at is not None
    assert tracking.steps[1].reached_at == zaak.status.datum_status_gezet
    assert all(step.expected_on is not None for step in tracking.steps[2:])
    assert tracking.expected_end == tracking.steps[-1].expected_on


@pytest.mark.django_db
def test_future_steps_follow_the_step_durations():
    today = timezone.localdate()
    zaak = ZaakFactory(
        for_bsn="999993653", status_count=0, zaaktype=published_zaaktype(steps=3, step_days=5)
    )
    statustypen = list(zaak.zaaktype.statustypen.order_by("volgnummer"))
    zaken_services.status_set(
        zaak=zaak, statustype=statustypen[0], datum_status_gezet=timezone.now()
    )
    tracking = build_tracking(_load(zaak), today=today)
    assert tracking.steps[1].expected_on == today + timedelta(days=5)
    assert tracking.steps[2].expected_on == today + timedelta(days=10)


@pytest.mark.django_db
def test_overdue_expected_date_becomes_today_not_a_past_date():
    zaak = ZaakFactory(
        for_bsn="999993653", status_count=0, zaaktype=published_zaaktype(steps=3, step_days=2)
    )
    first = zaak.zaaktype.statustypen.order_by("volgnummer").first()
    zaken_services.status_set(
        zaak=zaak, statustype=first, datum_status_gezet=timezone.now() - timedelta(days=30)
    )
    today = timezone.localdate()
    tracking = build_tracking(_load(zaak), today=today)
    assert tracking.steps[1].expected_on == today


@pytest.mark.django_db
def test_closed_zaak_shows_all_steps_as_past_and_no_expected_end():
    zaak = ZaakFactory(for_bsn="999993653", closed=True)
    tracking = build_tracking(_load(zaak))
    assert {step.state for step in tracking.steps} == {"past"}
    assert tracking.expected_end is None


@pytest.mark.django_db
def test_skipped_step_is_marked_skipped():
    zaak = ZaakFactory(for_bsn="999993653", status_count=0, zaaktype=published_zaaktype(steps=4))
    statustypen = list(zaak.zaaktype.statustypen.order_by("volgnummer"))
    zaken_services.status_set(zaak=zaak, statustype=statustypen[0])
    zaken_services.status_set(zaak=zaak, statustype=statustypen[2])
    tracking = build_tracking(_load(zaak))
    assert [s.state for s in tracking.steps] == ["past", "skipped", "current", "future"]


@pytest.mark.django_db
def test_substatus_updates_appear_under_their_step_and_internal_ones_do_not():
    zaak = ZaakFactory(for_bsn="999993653", status_count=2)
    zaken_services.substatus_create(zaak=zaak, omschrijving="Meting gedaan")
    zaken_services.substatus_create(zaak=zaak, omschrijving="Intern", doelgroep="intern")
    tracking = build_tracking(_load(zaak))
    current = next(step for step in tracking.steps if step.is_current)
    assert [u.omschrijving for u in current.updates] == ["Meting gedaan"]
    assert all(not step.updates for step in tracking.steps if not step.is_current)


@pytest.mark.django_db
def test_building_steps_needs_no_queries_after_loading(django_assert_num_queries):
    zaak = _load(ZaakFactory(for_bsn="999993653", status_count=3))
    with django_assert_num_queries(0):
        build_tracking(zaak)


@pytest.mark.django_db
def test_days_without_news_uses_the_zaaktypes_quiet_period(settings):
    settings.STATUS_SILENCE_DAYS_DEFAULT = 14
    zaak = ZaakFactory.create(zaaktype=published_zaaktype(stilte_signaal_dagen=7))
    reached = timezone.localdate(zaak.status.datum_status_gezet)
    assert days_without_news(zaak, today=reached + timedelta(days=7)) is None
    assert days_without_news(zaak, today=reached + timedelta(days=8)) == 8


@pytest.mark.django_db
def test_days_without_news_falls_back_to_the_default_and_ignores_closed_zaken(settings):
    settings.STATUS_SILENCE_DAYS_DEFAULT = 14
    zaak = ZaakFactory.create()
    reached = timezone.localdate(zaak.status.datum_status_gezet)
    assert days_without_news(zaak, today=reached + timedelta(days=14)) is None
    assert days_without_news(zaak, today=reached + timedelta(days=15)) == 15
    closed = ZaakFactory.create(closed=True)
    assert days_without_news(closed, today=reached + timedelta(days=400)) is None


@pytest.mark.django_db
def test_planned_date_is_the_last_steps_expected_date_not_a_stale_stored_one():
    # Issue 21: "Gepland klaar op" said 25 January while the steps ended earlier.
    today = timezone.localdate()
    zaak = ZaakFactory(
        for_bsn="999993653",
        status_count=1,
        zaaktype=published_zaaktype(steps=4, step_days=7),
        einddatum_gepland=today + timedelta(days=200),
    )
    tracking = build_tracking(_load(zaak), today=today)
    assert tracking.planned_end == tracking.steps[-1].expected_on
    assert tracking.planned_end != zaak.einddatum_gepland


@pytest.mark.django_db
def test_planned_date_falls_back_to_the_zaak_when_steps_have_no_durations():
    today = timezone.localdate()
    zaak = ZaakFactory(
        for_bsn="999993653",
        status_count=1,
        zaaktype=published_zaaktype(steps=3, step_days=0),
        einddatum_gepland=today + timedelta(days=30),
    )
    assert build_tracking(_load(zaak), today=today).planned_end == today + timedelta(days=30)


@pytest.mark.django_db
def test_a_plan_past_the_legal_deadline_is_flagged():
    today = timezone.localdate()
    zaak = ZaakFactory(
        for_bsn="999993653",
        status_count=1,
        zaaktype=published_zaaktype(steps=4, step_days=30),
        uiterlijke_einddatum_afdoening=today + timedelta(days=10),
    )
    tracking = build_tracking(_load(zaak), today=today)
    assert tracking.planned_end is not None and tracking.legal_end is not None
    assert tracking.planned_end > tracking.legal_end
    assert tracking.planned_after_legal


@pytest.mark.django_db
def test_verlenging_moves_the_legal_deadline_and_keeps_the_reason():
    start = timezone.localdate() + timedelta(days=20)
    zaak = ZaakFactory(
        for_bsn="999993653",
        uiterlijke_einddatum_afdoening=start,
        verlenging={"reden": "Wij wachten op een taxatierapport", "duur": "P6W"},
        opschorting={"indicatie": True, "reden": "U levert nog een foto aan"},
    )
    tracking = build_tracking(_load(zaak))
    assert tracking.legal_end == start + timedelta(weeks=6)
    assert tracking.extension is not None
    assert tracking.extension.original == start
    assert tracking.extension.days == 42
    assert tracking.extension.reason == "Wij wachten op een taxatierapport"
    assert tracking.suspension_reason == "U levert nog een foto aan"


@pytest.mark.django_db
def test_no_verlenging_or_opschorting_keeps_the_registered_deadline():
    zaak = ZaakFactory(
        for_bsn="999993653", opschorting={"indicatie": False, "reden": ""}, verlenging=None
    )
    tracking = build_tracking(_load(zaak))
    assert tracking.legal_end == zaak.uiterlijke_einddatum_afdoening
    assert tracking.extension is None
    assert tracking.suspension_reason is None


@pytest.mark.django_db
def test_a_recent_substatus_means_there_is_news(settings):
    # Issue 21: "21 dagen niets veranderd" right above a sub-status of 3 days ago.
    settings.STATUS_SILENCE_DAYS_DEFAULT = 14
    zaak = ZaakFactory.create(for_bsn="999993653")
    reached = zaak.status.datum_status_gezet
    zaken_services.substatus_create(
        zaak=zaak, omschrijving="Wij hebben uw foto's", tijdstip=reached + timedelta(days=18)
    )
    today = timezone.localdate(reached) + timedelta(days=21)
    assert days_without_news(_load(zaak), today=today) is None


@pytest.mark.django_db
def test_documents_answers_and_tasks_count_as_activity(settings):
    settings.STATUS_SILENCE_DAYS_DEFAULT = 14
    zaak = ZaakFactory.create(for_bsn="999993653")
    reached = timezone.localdate(zaak.status.datum_status_gezet)
    today = reached + timedelta(days=21)
    assert days_without_news(zaak, today=today) == 21
    assert days_without_news(zaak, today=today, activity=[reached + timedelta(days=19)]) is None
