"""Pages as Django's paginator gives them, without COUNT(*) when the page read is the last."""

from __future__ import annotations

import pytest
from django.contrib.auth.models import Group
from django.core.paginator import EmptyPage, PageNotAnInteger, Paginator
from django.db import connection
from django.test.utils import CaptureQueriesContext

from mijnservices.api.pagination import CountSavingPaginator


@pytest.fixture
def groups(db):
    Group.objects.bulk_create(Group(name=f"g{n:02d}") for n in range(7))
    return Group.objects.order_by("name")


def _counts(sql: list[dict[str, str]]) -> int:
    return sum("COUNT(" in q["sql"].upper() for q in sql)


@pytest.mark.parametrize("number", [1, 2, 3, "1", 3.0])
def test_every_page_and_count_is_what_djangos_paginator_gives(groups, number):
    ours, django = CountSavingPaginator(groups, 3).page(number), Paginator(groups, 3).page(number)
    assert list(ours) == list(django)
    assert ours.paginator.count == django.paginator.count == 7
    assert ours.has_next() == django.has_next()
    assert ours.paginator.num_pages == django.paginator.num_pages


def test_a_list_that_fits_on_one_page_is_not_counted(groups):
    with CaptureQueriesContext(connection) as sql:
        page = CountSavingPaginator(groups, 10).page(1)
        assert page.paginator.count == 7
    assert len(sql.captured_queries) == 1
    assert _counts(sql.captured_queries) == 0


def test_the_last_page_is_not_counted_and_a_full_earlier_one_is(groups):
    with CaptureQueriesContext(connection) as sql:
        assert CountSavingPaginator(groups, 3).page(3).paginator.count == 7
    assert _counts(sql.captured_queries) == 0
    with CaptureQueriesContext(connection) as sql:
        assert CountSavingPaginator(groups, 3).page(1).paginator.count == 7
    assert _counts(sql.captured_queries) == 1


def test_an_empty_first_page_counts_zero(db):
    page = CountSavingPaginator(Group.objects.order_by("name"), 5).page(1)
    assert list(page) == [] and page.paginator.count == 0


@pytest.mark.parametrize("number", [0, 4, 99, 10**30, "x", 1.5, None])
def test_pages_that_do_not_exist_fail_as_in_django(groups, number):
    with pytest.raises((EmptyPage, PageNotAnInteger)) as ours:
        CountSavingPaginator(groups, 3).page(number)
    with pytest.raises((EmptyPage, PageNotAnInteger)) as django:
        Paginator(groups, 3).page(number)
    assert type(ours.value) is type(django.value)
    assert str(ours.value) == str(django.value)
