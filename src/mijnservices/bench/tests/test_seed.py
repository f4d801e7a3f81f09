from __future__ import annotations

import pytest

from mijnservices.bench.seed import _bsn, seed
from mijnservices.core.identity import Citizen, Party
from mijnservices.core.validators import is_valid_bsn
from mijnservices.registrations.zaken.models import Rol, Zaak
from mijnservices.services.mijnzaken.selectors import zaak_for_detail, zaken_for_overview
from mijnservices.services.mijnzaken.tracking import build_tracking
from mijnservices.testing.factories import published_zaaktype

TARGET = Citizen(actor=Party("bsn", "999995340"), auth_method="demo")


def test_synthetic_people_have_valid_bsns():
    assert all(is_valid_bsn(_bsn(n)) for n in range(200))
    assert len({_bsn(n) for n in range(200)}) == 200


@pytest.mark.django_db
def test_seeded_zaken_read_like_service_made_ones():
    published_zaaktype(steps=4)
    seed(zaken=40, target_bsn="999995340", target_zaken=6)
    overview = list(zaken_for_overview(TARGET))
    assert len(overview) == 6
    zaak = zaak_for_detail(TARGET, overview[0].uuid)
    tracking = build_tracking(zaak)
    assert sum(step.state == "current" for step in tracking.steps) == 1
    assert zaak.status is not None


@pytest.mark.django_db
def test_seeding_again_to_the_same_size_adds_nothing():
    published_zaaktype()
    seed(zaken=25, target_bsn="999995340", target_zaken=3)
    seed(zaken=25, target_bsn="999995340", target_zaken=3)
    assert Zaak.objects.count() == 25


@pytest.mark.django_db
def test_seeded_zaken_are_partly_closed_with_a_resultaat_and_all_have_a_behandelaar():
    published_zaaktype(steps=4)
    seed(zaken=60, target_bsn="999995340", target_zaken=2)
    closed = Zaak.objects.filter(einddatum__isnull=False)
    assert 0 < closed.count() < 60
    assert all(zaak.resultaat is not None for zaak in closed)
    assert all(zaak.status.statustype.volgnummer == 4 for zaak in closed)
    assert Rol.objects.filter(omschrijving_generiek="behandelaar").count() == 60


@pytest.mark.django_db
def test_each_simulated_citizen_gets_their_own_zaken():
    published_zaaktype(steps=3)
    report = seed(zaken=30, target_bsn="999995340", target_zaken=4, citizens=3)
    assert len(set(report.target_bsns)) == 3
    for bsn in report.target_bsns:
        citizen = Citizen(actor=Party("bsn", bsn), auth_method="demo")
        assert zaken_for_overview(citizen).count() == 4
