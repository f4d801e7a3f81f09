"""A ``.values()`` query compiled once answers what the queryset answers, for the values a
request puts in its placeholders (decision 0044)."""

from __future__ import annotations

from datetime import UTC, datetime

import pytest
from django.db import connection

from mijnservices.api.compiled import compile_rows, compiled_rows, text_placeholder
from mijnservices.registrations.zaken.models import Zaak
from mijnservices.testing.factories import ZaakFactory, published_zaaktype

pytestmark = pytest.mark.django_db
COLUMNS = ("pk", "uuid", "identificatie", "startdatum", "laatste_betaaldatum", "kenmerken")


def _zaken() -> list[Zaak]:
    zaaktype = published_zaaktype(steps=2)
    return [
        ZaakFactory(
            zaaktype=zaaktype,
            kenmerken=[{"kenmerk": f"K-{n}", "bron": "Balie"}],
            laatste_betaaldatum=datetime(2026, 6, 30, 22, 15, n, tzinfo=UTC),
        )
        for n in range(3)
    ]


def test_the_compiled_rows_are_the_querysets_rows_for_each_value():
    zaken = _zaken()
    placeholder = text_placeholder("identificatie")
    queryset = Zaak.objects.filter(identificatie=placeholder).order_by("pk").values(*COLUMNS)
    compiled = compile_rows(queryset, [(placeholder, str)])
    assert compiled is not None
    for zaak in zaken:
        expected = list(
            Zaak.objects.filter(identificatie=zaak.identificatie).order_by("pk").values(*COLUMNS)
        )
        assert compiled.rows([zaak.identificatie]) == expected
        assert isinstance(expected[0]["kenmerken"], list)  # JSON through Django's converters
    assert compiled.rows(["ZAAK-none"]) == []


def test_a_uuid_placeholder_takes_the_parameter_the_orm_would_send():
    zaak = _zaken()[1]
    placeholder = zaak.uuid.__class__(int=1)
    field = Zaak._meta.get_field("uuid")
    compiled = compile_rows(
        Zaak.objects.filter(uuid=placeholder).values("pk"),
        [(placeholder, lambda value: field.get_db_prep_value(value, connection))],
    )
    assert compiled is not None
    assert compiled.rows([zaak.uuid]) == [{"pk": zaak.pk}]


def test_a_query_without_the_placeholder_has_no_compiled_form():
    queryset = Zaak.objects.filter(identificatie="ZAAK-1").values("pk")
    assert compile_rows(queryset, [(text_placeholder("x"), str)]) is None
    assert compiled_rows(("test-shape-without-placeholder",), lambda: (queryset, [])) is not None


def test_a_shape_is_built_once():
    built = []

    def build():
        built.append(1)
        placeholder = text_placeholder("identificatie")
        return Zaak.objects.filter(identificatie=placeholder).values("pk"), [(placeholder, str)]

    first = compiled_rows(("test-shape-built-once",), build)
    assert compiled_rows(("test-shape-built-once",), build) is first
    assert len(built) == 1
