"""The predicted end date: median time from the current step to the end, in earlier zaken."""

from __future__ import annotations

from datetime import date, datetime, time, timedelta

import pytest
from django.db import connection
from django.test.utils import CaptureQueriesContext
from django.utils import timezone

from mijnservices.registrations.zaken import services as zaken_services
from mijnservices.registrations.zaken.models import Zaak
from mijnservices.services.mijnzaken.prediction import predict_end, prediction_cache_clear
from mijnservices.testing.factories import ZaakFactory, published_zaaktype

pytestmark = pytest.mark.django_db

TODAY = date(2026, 5, 1)


def _at(day: date) -> datetime:
    return timezone.make_aware(datetime.combine(day, time(10, 0)))


def closed_zaak(zaaktype, *, reached_step_2: date, took_days: int):
    """A closed zaak that reached step 2 on ``reached_step_2`` and ended ``took_days`` later."""
    zaak = ZaakFactory.create(
        zaaktype=zaaktype, status_count=0, startdatum=reached_step_2 - timedelta(days=5)
    )
    first, second, final = zaaktype.statustypen.order_by("volgnummer")
    zaken_services.status_set(zaak=zaak, statustype=first, datum_status_gezet=_at(zaak.startdatum))
    zaken_services.status_set(zaak=zaak, statustype=second, datum_status_gezet=_at(reached_step_2))
    zaken_services.resultaat_set(zaak=zaak, resultaattype=zaaktype.resultaattypen.all()[0])
    zaken_services.status_set(
        zaak=zaak,
        statustype=final,
        datum_status_gezet=_at(reached_step_2 + timedelta(days=took_days)),
    )
    return zaak


def open_zaak_at_step_2(zaaktype, *, reached: date):
    zaak = ZaakFactory.create(zaaktype=zaaktype, status_count=0, startdatum=reached)
    first, second, _final = zaaktype.statustypen.order_by("volgnummer")
    zaken_services.status_set(zaak=zaak, statustype=first, datum_status_gezet=_at(reached))
    zaken_services.status_set(zaak=zaak, statustype=second, datum_status_gezet=_at(reached))
    zaak.refresh_from_db()
    return zaak


@pytest.fixture
def zaaktype():
    return published_zaaktype(steps=3)


def test_no_prediction_below_the_threshold(zaaktype, settings):
    settings.END_DATE_PREDICTION_MIN_ZAKEN = 10
    for number in range(9):
        closed_zaak(zaaktype, reached_step_2=date(2026, 1, 1), took_days=20 + number)
    zaak = open_zaak_at_step_2(zaaktype, reached=date(2026, 4, 20))
    assert predict_end(zaak, today=TODAY) is None


def test_prediction_is_the_median_from_the_current_step_to_the_end(zaaktype, settings):
    settings.END_DATE_PREDICTION_MIN_ZAKEN = 10
    for took in (10, 12, 14, 20, 21, 22, 23, 30, 40, 90, 100):  # median 22
        closed_zaak(zaaktype, reached_step_2=date(2026, 1, 1), took_days=took)
    zaak = open_zaak_at_step_2(zaaktype, reached=date(2026, 4, 20))
    prediction = predict_end(zaak, today=TODAY)
    assert prediction is not None
    assert prediction.median_days == 22
    assert prediction.sample_size == 11
    assert prediction.expected_on == date(2026, 5, 12)
    assert prediction.step == "Stap 2"
    assert not prediction.later_than_usual


def test_a_late_zaak_is_expected_from_today_and_says_it_is_late(zaaktype, settings):
    settings.END_DATE_PREDICTION_MIN_ZAKEN = 3
    for _ in range(3):
        closed_zaak(zaaktype, reached_step_2=date(2026, 1, 1), took_days=5)
    zaak = open_zaak_at_step_2(zaaktype, reached=date(2026, 4, 1))
    prediction = predict_end(zaak, today=TODAY)
    assert prediction is not None
    assert prediction.expected_on == TODAY
    assert prediction.later_than_usual


def test_only_the_most_recently_closed_zaken_count(zaaktype, settings):
    settings.END_DATE_PREDICTION_MIN_ZAKEN = 3
    settings.END_DATE_PREDICTION_WINDOW = 3
    for _ in range(5):  # long ago, slow
        closed_zaak(zaaktype, reached_step_2=date(2025, 1, 1), took_days=100)
    for _ in range(3):  # recent, fast
        closed_zaak(zaaktype, reached_step_2=date(2026, 3, 1), took_days=4)
    zaak = open_zaak_at_step_2(zaaktype, reached=date(2026, 4, 30))
    prediction = predict_end(zaak, today=TODAY)
    assert prediction is not None
    assert (prediction.median_days, prediction.sample_size) == (4, 3)


def test_other_zaaktypen_and_zaken_that_skipped_the_step_do_not_count(zaaktype, settings):
    settings.END_DATE_PREDICTION_MIN_ZAKEN = 3
    other = published_zaaktype(steps=3)
    for _ in range(5):
        closed_zaak(other, reached_step_2=date(2026, 1, 1), took_days=10)
    zaak = open_zaak_at_step_2(zaaktype, reached=date(2026, 4, 20))
    assert predict_end(zaak, today=TODAY) is None


def test_closed_zaken_and_zaken_without_a_step_get_no_prediction(zaaktype):
    closed = closed_zaak(zaaktype, reached_step_2=date(2026, 1, 1), took_days=3)
    closed.refresh_from_db()
    assert predict_end(closed, today=TODAY) is None
    fresh = ZaakFactory.create(zaaktype=zaaktype, status_count=0)
    assert predict_end(fresh, today=TODAY) is None


def test_the_prediction_is_one_query_whatever_the_history(zaaktype, settings):
    settings.END_DATE_PREDICTION_MIN_ZAKEN = 1
    closed_zaak(zaaktype, reached_step_2=date(2026, 1, 1), took_days=3)
    zaak = open_zaak_at_step_2(zaaktype, reached=date(2026, 4, 20))
    zaak = Zaak.objects.select_related("status__statustype").get(pk=zaak.pk)  # as the page loads it
    with CaptureQueriesContext(connection) as few:
        predict_end(zaak, today=TODAY)
    for _ in range(20):
        closed_zaak(zaaktype, reached_step_2=date(2026, 1, 1), took_days=3)
    prediction_cache_clear()
    with CaptureQueriesContext(connection) as many:
        predict_end(zaak, today=TODAY)
    assert len(few) == len(many) == 1


def test_the_statistic_is_kept_per_process_and_read_again_after_the_interval(zaaktype, settings):
    settings.END_DATE_PREDICTION_MIN_ZAKEN = 1
    closed_zaak(zaaktype, reached_step_2=date(2026, 1, 1), took_days=3)
    zaak = open_zaak_at_step_2(zaaktype, reached=date(2026, 4, 20))
    zaak = Zaak.objects.select_related("status__statustype").get(pk=zaak.pk)
    first = predict_end(zaak, today=TODAY)
    closed_zaak(zaaktype, reached_step_2=date(2026, 1, 1), took_days=9)
    closed_zaak(zaaktype, reached_step_2=date(2026, 1, 1), took_days=9)
    with CaptureQueriesContext(connection) as cached:
        again = predict_end(zaak, today=TODAY)
    assert len(cached) == 0 and again == first
    settings.END_DATE_PREDICTION_CACHE_SECONDS = 0
    later = predict_end(zaak, today=TODAY)
    assert first is not None and later is not None
    assert (first.median_days, later.median_days, later.sample_size) == (3, 9, 3)
