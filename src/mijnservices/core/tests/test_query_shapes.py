"""core/query_shapes.py: a queryset compiled once per shape gives, for any values, what the
queryset built with those values gives."""

from __future__ import annotations

from typing import Any

import pytest
from django.db.models import F, QuerySet

from mijnservices.core.models import CacheGeneration
from mijnservices.core.query_shapes import QueryShape

pytestmark = pytest.mark.django_db

NAMES = ("presentation", "branding", "a%b_c", "a\\b", "aXbYc")


@pytest.fixture(autouse=True)
def _rows() -> None:
    for number, name in enumerate(NAMES):
        CacheGeneration.objects.create(name=name, value=number)


def _by_name(_key: object, name: str) -> QuerySet[CacheGeneration]:
    return CacheGeneration.objects.filter(name=name)


def test_a_shape_gives_the_instances_the_queryset_gives_for_every_value():
    shape = QueryShape("test", _by_name)
    for name in (*NAMES, "none of them"):
        found = shape.instances(None, name)
        expected = list(_by_name(None, name))
        assert [(row.pk, row.name, row.value) for row in found] == [
            (row.pk, row.name, row.value) for row in expected
        ]
        assert all(row._state.db == "default" and not row._state.adding for row in found)


def test_a_shape_runs_the_sql_the_queryset_compiles_to():
    shape = QueryShape("test", _by_name)
    shape.instances(None, "presentation")  # compiled with stand-ins
    sql, params = _by_name(None, "branding").query.sql_with_params()
    assert shape.sql(None, "branding") == (sql, list(params))


def test_values_rows_with_annotations_are_the_querysets_rows():
    def build(_key: object, low: int, high: int) -> QuerySet[CacheGeneration, Any]:
        return (
            CacheGeneration.objects.filter(value__gte=low, value__lte=high)
            .annotate(double=F("value") * 2)
            .order_by("-value")
            .values("double", "name")
        )

    shape = QueryShape("test", build)
    for low, high in ((0, 4), (1, 2), (3, 3), (5, 9)):
        assert shape.rows(None, low, high) == list(build(None, low, high))


def test_a_text_in_a_like_pattern_is_escaped_as_django_escapes_it():
    def build(_key: object, text: str) -> QuerySet[CacheGeneration, Any]:
        return CacheGeneration.objects.filter(name__icontains=text).order_by("pk").values("name")

    shape = QueryShape("test", build)
    for text in ("%", "_", "b_c", "a%b", "\\", "SENT", "x"):
        assert shape.rows(None, text) == list(build(None, text)), text


def test_a_value_django_writes_into_the_sql_is_refused():
    shape = QueryShape("test", lambda _key, count: CacheGeneration.objects.all()[:count])
    with pytest.raises(ValueError, match="put it in the key"):
        shape.instances(None, 2)


def test_a_boolean_must_be_part_of_the_key():
    shape = QueryShape("test", lambda _key, flag: CacheGeneration.objects.filter(value=flag))
    with pytest.raises(TypeError, match="key"):
        shape.instances(None, True)


def test_a_shape_is_built_and_compiled_once_per_key():
    built: list[object] = []

    def build(key: object, name: str) -> QuerySet[CacheGeneration]:
        built.append(key)
        return CacheGeneration.objects.filter(name=name)

    shape = QueryShape("test", build)
    for name in NAMES:
        assert [row.name for row in shape.instances("one", name)] == [name]
    shape.instances("two", "branding")
    assert built == ["one", "two"]


def test_rows_and_instances_say_which_the_shape_builds():
    shape = QueryShape("test", _by_name)
    with pytest.raises(TypeError, match="instances"):
        shape.rows(None, "branding")
    values = QueryShape("test", lambda _key, name: _by_name(None, name).values("name"))
    with pytest.raises(TypeError, match="rows"):
        values.instances(None, "branding")


def test_a_changed_setting_compiles_every_shape_again(settings):
    built: list[object] = []

    def build(key: object, name: str) -> QuerySet[CacheGeneration]:
        built.append(key)
        return CacheGeneration.objects.filter(name=name)

    shape = QueryShape("test", build)
    shape.instances(None, "branding")
    settings.CITIZEN_MAX_VERTROUWELIJKHEID = "openbaar"  # e.g. a setting the SQL reads
    shape.instances(None, "branding")
    assert built == [None, None]


def test_a_moment_is_a_value_like_any_other():
    """A page compares with ``now``: the compiled SQL takes each request's moment."""
    from datetime import timedelta

    from django.contrib.sessions.models import Session
    from django.utils import timezone

    now = timezone.now()
    for number in range(3):
        Session.objects.create(
            session_key=f"key{number}", session_data="", expire_date=now + timedelta(hours=number)
        )

    def build(_key: object, moment: Any) -> QuerySet[Session, Any]:
        return Session.objects.filter(expire_date__gt=moment).order_by("session_key")

    shape = QueryShape("test", build)
    for moment in (
        now - timedelta(minutes=1),
        now + timedelta(minutes=30),
        now + timedelta(days=1),
    ):
        expected = list(build(None, moment).values_list("session_key", flat=True))
        assert [row.session_key for row in shape.instances(None, moment)] == expected
