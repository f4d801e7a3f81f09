"""The per-process cache of published informatieobjecttypen (the zaak page's upload type)."""

from __future__ import annotations

from datetime import date

import pytest
from django.db import connection
from django.test.utils import CaptureQueriesContext

from mijnservices.core.process_cache import changed
from mijnservices.registrations.catalogi import selectors
from mijnservices.registrations.catalogi import services as catalogi_services
from mijnservices.registrations.catalogi.models import InformatieObjectType
from mijnservices.testing.builders import default_catalogus, published_informatieobjecttype

pytestmark = pytest.mark.django_db

TODAY = date(2026, 6, 1)


def _version(omschrijving: str, begin: date, einde: date | None = None) -> InformatieObjectType:
    return published_informatieobjecttype(
        omschrijving=omschrijving, begin_geldigheid=begin, einde_geldigheid=einde
    )


def _find(omschrijving: str, on: date = TODAY) -> InformatieObjectType | None:
    return selectors.published_informatieobjecttype(default_catalogus().pk, omschrijving, on)


def test_the_version_geldig_on_the_day_is_found_and_a_concept_is_not():
    old = _version("Bijlage", date(2025, 1, 1), date(2025, 12, 31))
    new = _version("Bijlage", date(2026, 1, 1))
    catalogi_services.informatieobjecttype_create(  # a concept
        catalogus=default_catalogus(),
        omschrijving="Concept",
        begin_geldigheid=date(2025, 1, 1),
        informatieobjectcategorie="brief",
    )
    found = _find("Bijlage")
    assert found is not None and found.pk == new.pk
    assert _find("Bijlage", date(2025, 6, 1)).pk == old.pk  # type: ignore[union-attr]
    assert _find("Bijlage", date(2024, 12, 31)) is None  # before any version began
    assert _find("Concept") is None
    assert _find("Onbekend") is None


def test_a_second_lookup_reads_nothing_and_gets_a_copy_of_its_own():
    _version("Bijlage", date(2025, 1, 1))
    first = _find("Bijlage")
    with CaptureQueriesContext(connection) as queries:
        second = _find("Bijlage")
    assert first is not None and second is not None
    assert first is not second and first._state is not second._state
    # At most the generations' read (once per CACHE_FRESHNESS_SECONDS), never the types.
    assert not [q for q in queries.captured_queries if "informatieobjecttype" in q["sql"]]


def test_a_published_or_deleted_version_is_seen_at_once():
    _version("Bijlage", date(2025, 1, 1), date(2025, 12, 31))
    assert _find("Bijlage") is None  # ended before TODAY
    assert _find("Bijlage", date(2025, 6, 1)) is not None
    newer = _version("Bijlage", date(2026, 1, 1))  # published through the service: a save
    assert _find("Bijlage").pk == newer.pk  # type: ignore[union-attr]
    catalogi_services.informatieobjecttype_delete(informatieobjecttype=newer, force=True)
    assert _find("Bijlage") is None


def test_a_change_made_by_another_process_is_read_after_its_generation_moves():
    iot = _version("Bijlage", date(2025, 1, 1))
    assert _find("Bijlage") is not None
    # Another process ends the type and moves the generation (no signal in this one).
    InformatieObjectType.objects.filter(pk=iot.pk).update(einde_geldigheid=date(2026, 1, 1))
    changed(selectors.INFORMATIEOBJECTTYPEN)
    assert _find("Bijlage") is None
