"""The one update helper every service uses."""

from __future__ import annotations

import pytest
from django.db import connection
from django.test.utils import CaptureQueriesContext

from mijnservices.core.updates import model_assign, model_update
from mijnservices.registrations.catalogi.models import Catalogus
from mijnservices.testing.factories import CatalogusFactory

pytestmark = pytest.mark.django_db


def test_model_update_saves_only_the_given_columns():
    catalogus = CatalogusFactory()
    Catalogus.objects.filter(pk=catalogus.pk).update(naam="Elders gewijzigd")
    with CaptureQueriesContext(connection) as queries:
        model_update(instance=catalogus, fields={"contactpersoon_beheer_naam": "Nieuw"})
    stored = Catalogus.objects.get(pk=catalogus.pk)
    assert stored.contactpersoon_beheer_naam == "Nieuw"
    assert stored.naam == "Elders gewijzigd"  # a column not named is not written back
    assert len(queries) == 1


def test_model_update_with_nothing_to_change_writes_nothing():
    catalogus = CatalogusFactory()
    with CaptureQueriesContext(connection) as queries:
        model_update(instance=catalogus, fields={})
    assert len(queries) == 0


def test_model_assign_sets_without_saving_and_names_the_fields():
    catalogus = CatalogusFactory()
    assert model_assign(catalogus, {"naam": "Concept"}) == ["naam"]
    assert catalogus.naam == "Concept"
    assert Catalogus.objects.get(pk=catalogus.pk).naam != "Concept"
