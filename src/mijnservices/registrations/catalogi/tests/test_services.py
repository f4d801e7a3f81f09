from __future__ import annotations

from datetime import date, timedelta

import pytest

from mijnservices.core.errors import DomainError
from mijnservices.core.models import OutboxEvent
from mijnservices.registrations.catalogi import services
from mijnservices.testing.factories import CatalogusFactory, published_zaaktype


def _concept(**fields):
    return services.zaaktype_create(
        catalogus=CatalogusFactory(),
        identificatie="ZT-X",
        omschrijving="Concept",
        doorlooptijd=timedelta(weeks=8),
        begin_geldigheid=date(2025, 1, 1),
        **fields,
    )


@pytest.mark.django_db
def test_publishing_needs_statustypen_resultaattype_and_roltype():
    zaaktype = _concept()
    with pytest.raises(DomainError) as error:
        services.zaaktype_publish(zaaktype=zaaktype)
    assert error.value.code == "concept-relation"
    zaaktype.refresh_from_db()
    assert zaaktype.concept


@pytest.mark.django_db
def test_published_zaaktype_is_frozen():
    zaaktype = published_zaaktype()
    assert zaaktype.is_published
    with pytest.raises(DomainError) as error:
        services.statustype_create(zaaktype=zaaktype, volgnummer=9, omschrijving="Extra")
    assert error.value.code == "non-concept-zaaktype"


@pytest.mark.django_db
def test_servicenorm_longer_than_doorlooptijd_is_refused():
    with pytest.raises(DomainError) as error:
        _concept(servicenorm=timedelta(weeks=9))
    assert error.value.field == "servicenorm"


@pytest.mark.django_db
def test_publishing_records_an_event_in_the_outbox():
    zaaktype = published_zaaktype()
    assert OutboxEvent.objects.filter(
        kanaal="zaaktypen", actie="publish", resource_id=str(zaaktype.uuid)
    ).exists()
