"""Besluiten: the brc rules in the service layer, and mirrored document relations."""

from __future__ import annotations

from datetime import date, timedelta
from unittest import mock

import pytest
from django.utils import timezone

from mijnservices.core.errors import DomainError
from mijnservices.core.models import OutboxEvent
from mijnservices.registrations.besluiten import services
from mijnservices.registrations.besluiten.models import Besluit, BesluitInformatieObject
from mijnservices.registrations.besluiten.tests.helpers import besluit_fields, world
from mijnservices.registrations.documenten.models import ObjectInformatieObject
from mijnservices.registrations.documenten.tests.helpers import (
    document,
    document_url,
    published_informatieobjecttype,
)
from mijnservices.testing.factories import ZaakFactory, published_zaaktype

pytestmark = pytest.mark.django_db


def test_identificatie_is_generated_per_organisation_and_year():
    _, besluittype, _ = world()
    first = services.besluit_create(**besluit_fields(besluittype))
    second = services.besluit_create(**besluit_fields(besluittype))
    assert first.identificatie == "BESLUIT-2026-0000000001"
    assert second.identificatie == "BESLUIT-2026-0000000002"
    assert OutboxEvent.objects.filter(kanaal="besluiten", actie="create").count() == 2


def test_a_given_identificatie_must_be_unique_for_the_organisation():
    _, besluittype, _ = world()
    services.besluit_create(**besluit_fields(besluittype, identificatie="B-1"))
    with pytest.raises(DomainError) as error:
        services.besluit_create(**besluit_fields(besluittype, identificatie="B-1"))
    assert error.value.code == "identificatie-niet-uniek"


def test_the_besluittype_must_belong_to_the_zaaks_zaaktype():
    zaaktype, besluittype, _ = world()
    services.besluit_create(**besluit_fields(besluittype, zaak=ZaakFactory(zaaktype=zaaktype)))
    other = ZaakFactory(zaaktype=published_zaaktype())
    with pytest.raises(DomainError) as error:
        services.besluit_create(**besluit_fields(besluittype, zaak=other))
    assert error.value.code == "zaaktype-mismatch"
    assert error.value.field == "nonFieldErrors"  # as Open Zaak and the ZGW suite (brc-006)


def test_datum_in_the_future_and_vervaldatum_before_ingang_are_refused():
    _, besluittype, _ = world()
    tomorrow = timezone.localdate() + timedelta(days=1)
    with pytest.raises(DomainError):
        services.besluit_create(**besluit_fields(besluittype, datum=tomorrow))
    with pytest.raises(DomainError):
        services.besluit_create(**besluit_fields(besluittype, vervaldatum=date(2026, 1, 1)))


def test_fixed_attributes_cannot_change():
    _, besluittype, _ = world()
    besluit = services.besluit_create(**besluit_fields(besluittype))
    with pytest.raises(DomainError) as error:
        services.besluit_update(besluit=besluit, identificatie="ANDERS")
    assert error.value.code == "wijzigen-niet-toegelaten"
    services.besluit_update(besluit=besluit, toelichting="Verleend")


def test_a_besluitinformatieobject_mirrors_its_objectinformatieobject():
    _, besluittype, iot = world()
    besluit = services.besluit_create(**besluit_fields(besluittype))
    doc = document(iot)
    bio = services.besluitinformatieobject_create(
        besluit=besluit, informatieobject=document_url(doc)
    )
    oio = ObjectInformatieObject.objects.get()
    assert (oio.object_type, oio.informatieobject) == ("besluit", doc)
    services.besluitinformatieobject_delete(besluitinformatieobject=bio)
    assert not ObjectInformatieObject.objects.exists()


def test_a_failure_after_the_first_write_leaves_neither_relation():
    _, besluittype, iot = world()
    besluit = services.besluit_create(**besluit_fields(besluittype))
    doc = document(iot)
    with (
        mock.patch.object(
            ObjectInformatieObject.objects, "get_or_create", side_effect=RuntimeError("boom")
        ),
        pytest.raises(RuntimeError),
    ):
        services.besluitinformatieobject_create(besluit=besluit, informatieobject=document_url(doc))
    assert not BesluitInformatieObject.objects.exists()
    assert not ObjectInformatieObject.objects.exists()


def test_the_documents_type_must_be_one_of_the_besluittypes():
    _, besluittype, _ = world()
    besluit = services.besluit_create(**besluit_fields(besluittype))
    doc = document(published_informatieobjecttype("Ander"))
    with pytest.raises(DomainError) as error:
        services.besluitinformatieobject_create(besluit=besluit, informatieobject=document_url(doc))
    assert error.value.code == "missing-besluittype-informatieobjecttype-relation"
    assert error.value.field == "nonFieldErrors"  # as Open Zaak and the ZGW suite (brc-007)


def test_deleting_a_besluit_removes_its_relations_and_their_mirrors():
    _, besluittype, iot = world()
    besluit = services.besluit_create(**besluit_fields(besluittype))
    services.besluitinformatieobject_create(
        besluit=besluit, informatieobject=document_url(document(iot))
    )
    services.besluit_delete(besluit=besluit)
    assert not Besluit.objects.exists()
    assert not ObjectInformatieObject.objects.exists()
