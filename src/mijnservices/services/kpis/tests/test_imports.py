from __future__ import annotations

from datetime import date
from decimal import Decimal

import pytest

from mijnservices.core.errors import DomainError
from mijnservices.services.kpis.imports import (
    baseline_import,
    baseline_set,
    channel_volume_set,
    channel_volumes_import,
)
from mijnservices.services.kpis.models import Baseline, ChannelVolume

pytestmark = pytest.mark.django_db

BASELINE = """zaaktype;van;tot_en_met;kpi;waarde;bron
ZT-K;2025-01-01;2025-12-31;verzoeken;1200;zaaksysteem
ZT-K;2025-01-01;2025-12-31;doorlooptijd_mediaan;31,5;steekproef
"""


def test_a_valid_baseline_file_is_imported_with_dutch_decimals():
    report = baseline_import(text="\ufeff" + BASELINE)
    assert report.ok and report.saved == 2
    assert Baseline.objects.get(kpi="doorlooptijd_mediaan").value == Decimal("31.5")


def test_importing_the_same_file_twice_replaces_instead_of_doubling():
    baseline_import(text=BASELINE)
    baseline_import(text=BASELINE.replace("1200", "1300"))
    assert Baseline.objects.count() == 2
    assert Baseline.objects.get(kpi="verzoeken").value == 1300


def test_one_bad_row_rejects_the_whole_file_with_line_numbers_and_reasons():
    text = BASELINE + (
        "ZT-K;2025-13-01;2025-12-31;verzoeken;1\n"
        ";2025-01-01;2025-12-31;verzoeken;1\n"
        "ZT-K;2025-01-01;2025-12-31;aantal_klachten;1\n"
        "ZT-K;2025-01-01;2025-12-31;afgehandeld;-3\n"
        "ZT-K;2025-02-01;2025-01-01;afgehandeld;3\n"
        "ZT-K;2025-01-01;2025-12-31;verzoeken;5\n"
    )
    report = baseline_import(text=text)
    assert report.saved == 0
    assert [(r.line, r.reason) for r in report.rejected] == [
        (4, "van is not a date (YYYY-MM-DD): 2025-13-01"),
        (5, "zaaktype is empty."),
        (6, "unknown kpi: aantal_klachten"),
        (7, "waarde must be 0 or more."),
        (8, "tot_en_met is before van."),
        (9, "same period as line 2."),
    ]
    assert not Baseline.objects.exists()


def test_a_file_without_the_required_columns_is_rejected_on_line_1():
    report = channel_volumes_import(text="kanaal,aantal\ntelefoon,3\n")
    assert [(r.line, r.reason) for r in report.rejected] == [
        (1, "missing columns: zaaktype, van, tot_en_met, contacten, contacten_voortgang")
    ]


def test_channel_volumes_with_commas_and_an_optional_cost():
    report = channel_volumes_import(
        text=(
            "zaaktype,van,tot_en_met,kanaal,contacten,contacten_voortgang,kosten_per_contact\n"
            ",2025-01-01,2025-12-31,telefoon,400000,160000,11.00\n"
            "ZT-K,01-01-2025,31-12-2025,balie,100,10,\n"
            "ZT-K,2025-01-01,2025-12-31,fax,100,10,\n"
            "ZT-K,2025-01-01,2025-12-31,email,10,11,\n"
        )
    )
    assert [(r.line, r.reason) for r in report.rejected] == [
        (4, "unknown kanaal: fax"),
        (5, "contacten_voortgang is more than contacten."),
    ]
    assert not ChannelVolume.objects.exists()
    report = channel_volumes_import(
        text=(
            "zaaktype,van,tot_en_met,kanaal,contacten,contacten_voortgang,kosten_per_contact\n"
            ",2025-01-01,2025-12-31,telefoon,400000,160000,11.00\n"
            "ZT-K,01-01-2025,31-12-2025,balie,100,10,\n"
        )
    )
    assert report.ok and report.saved == 2
    phone = ChannelVolume.objects.get(kanaal="telefoon")
    assert (phone.zaaktype, phone.cost_per_contact) == ("", Decimal("11.00"))


def test_manual_entry_checks_the_period_and_the_volumes():
    with pytest.raises(DomainError):
        baseline_set(
            zaaktype="ZT-K",
            period_start=date(2025, 2, 1),
            period_end=date(2025, 1, 1),
            kpi="verzoeken",
            value=Decimal(1),
        )
    with pytest.raises(DomainError):
        channel_volume_set(
            zaaktype="",
            period_start=date(2025, 1, 1),
            period_end=date(2025, 1, 31),
            kanaal="telefoon",
            contacten=5,
            contacten_voortgang=6,
        )
