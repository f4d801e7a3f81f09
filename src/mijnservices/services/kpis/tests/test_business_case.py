from __future__ import annotations

from datetime import date
from decimal import Decimal

import pytest

from mijnservices.services.kpis.business_case import (
    BusinessCase,
    ChannelLine,
    CostLine,
    business_case_compute,
    business_case_prefill,
    scenario_save,
    scenarios_compared,
)
from mijnservices.services.kpis.imports import channel_volume_set

DEN_HAAG = ChannelLine(
    kanaal="telefoon",
    volume=400_000,
    share_progress=Decimal("0.40"),
    cost_per_contact=Decimal("11"),
)


def test_den_haag_saves_1_760_000_euro_a_year():
    outcome = business_case_compute(BusinessCase(channels=(DEN_HAAG,)))
    assert outcome.saving_per_year == Decimal("1760000.00")
    assert outcome.payback_months == Decimal("0.0")


def test_payback_period_from_one_time_and_yearly_costs():
    case = BusinessCase(
        channels=(DEN_HAAG,),
        one_time_costs=(
            CostLine("projectmanager", Decimal("300000")),
            CostLine("tester", Decimal("200000")),
        ),
        yearly_costs=(CostLine("hosting", Decimal("60000")),),
        reduction=Decimal("0.5"),
    )
    outcome = business_case_compute(case)
    assert outcome.saving_per_year == Decimal("880000.00")
    assert outcome.net_per_year == Decimal("820000.00")
    assert outcome.payback_months == Decimal("7.3")  # 500,000 / 820,000 x 12


def test_a_case_whose_costs_exceed_the_saving_never_pays_back():
    case = BusinessCase(
        channels=(ChannelLine("balie", 100, Decimal("0.1"), Decimal("14")),),
        yearly_costs=(CostLine("sla", Decimal("1000")),),
    )
    assert business_case_compute(case).payback_months is None


@pytest.mark.django_db
def test_prefill_scales_imported_volumes_to_a_year():
    channel_volume_set(
        zaaktype="",
        period_start=date(2025, 1, 1),
        period_end=date(2025, 6, 30),
        kanaal="telefoon",
        contacten=200_000,
        contacten_voortgang=80_000,
        cost_per_contact=Decimal("11"),
    )
    case = business_case_prefill(start=date(2025, 1, 1), end=date(2025, 12, 31))
    assert case.channels == (ChannelLine("telefoon", 200_000, Decimal("0.4000"), Decimal("11.00")),)


@pytest.mark.django_db
def test_saved_scenarios_are_compared_side_by_side():
    scenario_save(naam="Den Haag", case=BusinessCase(channels=(DEN_HAAG,)))
    scenario_save(
        naam="Voorzichtig",
        case=BusinessCase(channels=(DEN_HAAG,), reduction=Decimal("0.25")),
    )
    compared = {s.naam: o.saving_per_year for s, o in scenarios_compared()}
    assert compared == {"Den Haag": Decimal("1760000.00"), "Voorzichtig": Decimal("440000.00")}
