"""A query shape is compiled once and run with each call's values (decision 0046)."""

from __future__ import annotations

from typing import Any

import pytest

from mijnservices.core.query_shapes import Markers, QueryShape
from mijnservices.registrations.zaken.models import Zaak
from mijnservices.testing.factories import ZaakFactory


@pytest.mark.django_db
def test_a_shape_is_built_once_and_answers_each_call_with_its_own_values():
    first, second = ZaakFactory.create(), ZaakFactory.create()
    built: list[Any] = []

    def build(shape: Any, markers: Markers) -> Any:
        built.append(shape)
        return Zaak.objects.filter(identificatie=markers["nummer"]).values(
            "uuid", "registratiedatum", "identificatie"
        )

    shape = QueryShape(build)
    for zaak in (first, second, first):
        rows = shape.rows("by-number", {"nummer": zaak.identificatie})
        assert rows == list(
            Zaak.objects.filter(pk=zaak.pk).values("uuid", "registratiedatum", "identificatie")
        )
    assert built == ["by-number"]
    assert shape.rows("by-number", {"nummer": "ZAAK-0000-0000000000"}) == []


@pytest.mark.django_db
def test_a_value_inside_a_pattern_is_refused_rather_than_run_as_a_marker():
    shape = QueryShape(
        lambda _shape, markers: Zaak.objects.filter(omschrijving__icontains=markers["text"]).values(
            "pk"
        )
    )
    with pytest.raises(ValueError, match="cannot be swapped"):
        shape.rows("search", {"text": "aanvraag"})
