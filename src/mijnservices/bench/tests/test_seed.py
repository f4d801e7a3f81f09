from __future__ import annotations

import pytest

from mijnservices.bench.seed import _bsn, seed
from mijnservices.core.identity import Citizen, Party
from mijnservices.core.validators import is_valid_bsn
from mijnservices.registrations.zaken.models import Zaak
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
