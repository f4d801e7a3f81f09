"""The demo BRP: the demo personas with made-up dates of birth and addresses, only in
DEMO_MODE, and the one the product gets in demo mode."""

from __future__ import annotations

from datetime import date

import pytest

from mijnservices.demo.brp import DemoBrp
from mijnservices.integration.brp.client import BrpUnavailable, brp_source


def test_the_demo_brp_exists_only_in_demo_mode(settings):
    settings.DEMO_MODE = False
    with pytest.raises(BrpUnavailable):
        DemoBrp()


def test_the_demo_brp_describes_the_demo_personas(settings):
    settings.DEMO_MODE = True
    persoon = DemoBrp().persoon("999993653")
    assert persoon is not None
    assert persoon.volledige_naam == "Suzanne Jansen"
    assert persoon.geboortedatum == date(1981, 3, 14)
    assert DemoBrp().persoon("111222333") is None


def test_the_demo_brp_finds_demo_personas_by_part_of_their_name(settings):
    settings.DEMO_MODE = True
    assert DemoBrp().bsns_by_name("De Vries") == ["999991589", "999992570"]
    assert DemoBrp().bsns_by_name("korenaar") == []  # the business is not in the BRP


def test_demo_mode_without_a_configured_brp_uses_the_demo_brp(settings):
    settings.DEMO_MODE = True
    settings.BRP_API_URL = ""
    assert isinstance(brp_source(), DemoBrp)
