"""The portal presentation: seeded from the catalogue, changed with history, levels checked."""

from __future__ import annotations

from datetime import timedelta

import pytest
from django.contrib.auth import get_user_model

from mijnservices.core.errors import DomainError
from mijnservices.core.identity import Citizen, Party
from mijnservices.registrations.catalogi.models import ZaakType
from mijnservices.services.presentation.levels import rank_from_claim
from mijnservices.services.presentation.models import PresentationChange
from mijnservices.services.presentation.selectors import level_sufficient, presentation_apply
from mijnservices.services.presentation.services import presentation_ensure, presentation_update
from mijnservices.testing.factories import published_zaaktype

pytestmark = pytest.mark.django_db


def test_a_new_presentation_starts_with_what_the_catalogue_says():
    published_zaaktype(identificatie="ZT-P", steps=3, publieke_omschrijving="Vergunning")
    presentation = presentation_ensure(identificatie="ZT-P")
    assert presentation.title_nl == "Vergunning"
    assert presentation.shown_in_portal
    steps = list(presentation.steps.order_by("volgnummer"))
    assert [s.statustype_omschrijving for s in steps] == ["Stap 1", "Stap 2", "Stap 3"]
    assert steps[0].text_nl == "Uitleg bij stap 1"
    assert steps[0].expected_days == 7


def test_a_change_is_applied_to_loaded_zaaktypen_and_kept_with_who_and_when():
    published_zaaktype(identificatie="ZT-P", steps=2)
    user = get_user_model().objects.create_user("beheer1")
    presentation_update(
        identificatie="ZT-P",
        user=user,
        what="typo",
        fields={"title_en": "Permit"},
        steps={"Stap 1": {"text_nl": "Wij lezen uw aanvraag.", "expected_days": 3}},
    )
    zaaktype = ZaakType.objects.prefetch_related("statustypen").get(identificatie="ZT-P")
    presentation_apply([zaaktype])
    first = zaaktype.statustypen.all()[0]
    assert first.statustekst == "Wij lezen uw aanvraag."
    assert first.doorlooptijd == timedelta(days=3)
    assert zaaktype.publieke_omschrijving_en == "Permit"
    [change] = PresentationChange.objects.all()
    assert change.changed_by == user and change.what == "typo"
    assert change.snapshot["steps"][0]["text_nl"] == "Wij lezen uw aanvraag."
    # The catalogue itself stays as it was (frozen).
    assert ZaakType.objects.get(identificatie="ZT-P").statustypen.get(volgnummer=1).statustekst == (
        "Uitleg bij stap 1"
    )


def test_an_unknown_login_level_or_field_is_refused():
    published_zaaktype(identificatie="ZT-P")
    with pytest.raises(DomainError):
        presentation_update(identificatie="ZT-P", fields={"auth_level": "super"})
    with pytest.raises(DomainError):
        presentation_update(identificatie="ZT-P", fields={"concept": True})
    assert not PresentationChange.objects.exists()


@pytest.mark.parametrize(
    ("claim", "rank"),
    [
        ("urn:oasis:names:tc:SAML:2.0:ac:classes:MobileTwoFactorContract", 2),
        ("urn:oasis:names:tc:SAML:2.0:ac:classes:Smartcard", 3),
        ("urn:etoegang:core:assurance-class:loa3", 3),
        ("25", 3),
        ("Hoog", 4),
        ("nonsense", 0),
        (None, 0),
    ],
)
def test_broker_level_claims_map_onto_one_scale(claim, rank):
    assert rank_from_claim(claim) == rank


def test_a_midden_login_is_not_enough_for_a_substantieel_zaaktype():
    zaaktype = published_zaaktype(identificatie="ZT-P")
    presentation_update(identificatie="ZT-P", fields={"auth_level": "digid_substantieel"})
    person = Party(kind="bsn", identifier="999993653")
    assert not level_sufficient(Citizen(actor=person, auth_method="digid", level=2), zaaktype)
    assert level_sufficient(Citizen(actor=person, auth_method="digid", level=3), zaaktype)
