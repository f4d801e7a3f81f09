from __future__ import annotations

from datetime import date, timedelta

import pytest

from mijnservices.core.errors import DomainError
from mijnservices.core.models import OutboxEvent
from mijnservices.registrations.catalogi import services
from mijnservices.testing.factories import SELECTIELIJST, CatalogusFactory, published_zaaktype


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
    assert error.value.field == "nonFieldErrors"  # as Open Zaak and the ZGW suite (ztc-010/011)


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


@pytest.mark.django_db
@pytest.mark.parametrize(
    ("brondatum", "field", "code"),
    [
        ({"afleidingswijze": "eigenschap"}, "datumkenmerk", "required"),  # ztc-004
        ({"afleidingswijze": "afgehandeld", "datumkenmerk": "x"}, "datumkenmerk", "must-be-empty"),
        (
            {"afleidingswijze": "afgehandeld", "einddatum_bekend": True},
            "einddatum_bekend",
            "must-be-empty",
        ),  # ztc-005
        (
            {"afleidingswijze": "zaakobject", "datumkenmerk": "d"},
            "objecttype",
            "required",
        ),  # ztc-006
        (
            {"afleidingswijze": "ander_datumkenmerk", "datumkenmerk": "d", "objecttype": "o"},
            "registratie",
            "required",
        ),  # ztc-007
        ({"afleidingswijze": "termijn"}, "procestermijn", "required"),  # ztc-008
        (
            {"afleidingswijze": "afgehandeld", "procestermijn": "P5Y"},
            "procestermijn",
            "must-be-empty",
        ),
    ],
)
def test_brondatum_archiefprocedure_rules_are_enforced(brondatum, field, code):
    zaaktype = _concept()
    with pytest.raises(DomainError) as error:
        services.resultaattype_create(
            zaaktype=zaaktype,
            omschrijving="Verleend",
            brondatum_archiefprocedure=brondatum,
            **SELECTIELIJST,
        )
    assert error.value.code == code
    assert error.value.field == f"brondatum_archiefprocedure.{field}"


@pytest.mark.django_db
def test_valid_brondatum_archiefprocedure_is_accepted():
    resultaattype = services.resultaattype_create(
        zaaktype=_concept(),
        omschrijving="Verleend",
        brondatum_archiefprocedure={"afleidingswijze": "termijn", "procestermijn": "P5Y"},
        **SELECTIELIJST,
    )
    assert resultaattype.pk


@pytest.mark.django_db
def test_zaaktype_publish_needs_a_published_besluittype_version():
    zaaktype = _concept()
    services.besluittype_create(
        catalogus=zaaktype.catalogus, omschrijving="Besluit", begin_geldigheid=date(2025, 1, 1)
    )
    services.zaaktype_update(zaaktype=zaaktype, besluittypen=["Besluit"])
    for number in (1, 2):
        services.statustype_create(zaaktype=zaaktype, volgnummer=number, omschrijving="s")
    services.resultaattype_create(zaaktype=zaaktype, omschrijving="r", **SELECTIELIJST)
    services.roltype_create(zaaktype=zaaktype, omschrijving="a", omschrijving_generiek="initiator")
    with pytest.raises(DomainError) as error:
        services.zaaktype_publish(zaaktype=zaaktype)
    assert (error.value.code, error.value.field) == ("concept-relation", "besluittypen")


@pytest.mark.django_db
def test_besluittype_changes_are_recorded_in_the_outbox():
    besluittype = services.besluittype_create(
        catalogus=CatalogusFactory(), omschrijving="Besluit", begin_geldigheid=date(2025, 1, 1)
    )
    services.besluittype_publish(besluittype=besluittype)
    acties = set(OutboxEvent.objects.filter(kanaal="besluittypen").values_list("actie", flat=True))
    assert acties == {"create", "publish"}


@pytest.mark.django_db
def test_selectors_resolve_the_relations_of_a_zaaktype():
    from mijnservices.registrations.catalogi import selectors
    from mijnservices.testing.factories import published_zaaktype_with_relations

    zaaktype = published_zaaktype_with_relations()
    assert selectors.zaaktype_informatieobjecttypen(zaaktype).count() == 1
    assert selectors.zaaktype_besluittypen(zaaktype).count() == 1
    assert selectors.zaaktype_deelzaaktypen(zaaktype).count() == 0
