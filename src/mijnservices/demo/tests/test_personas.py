import pytest

from mijnservices.core.validators import is_valid_bsn, is_valid_kvk
from mijnservices.demo.personas import MANDATES, PERSONAS, find


@pytest.mark.parametrize("persona", [p for p in PERSONAS if p.kind == "bsn"], ids=lambda p: p.name)
def test_every_demo_bsn_passes_the_11_proef(persona):
    assert is_valid_bsn(persona.identifier)


def test_the_demo_business_has_a_valid_kvk_nummer():
    businesses = [p for p in PERSONAS if p.kind == "kvk"]
    assert [p.identifier for p in businesses] == ["69599084"]
    assert all(is_valid_kvk(p.identifier) for p in businesses)


def test_there_are_five_people_and_one_business():
    assert [p.kind for p in PERSONAS].count("bsn") == 5


def test_every_demo_machtiging_names_demo_people():
    assert MANDATES
    for mandate in MANDATES:
        assert find(*mandate.actor) is not None
        assert find(*mandate.represented) is not None
        assert mandate.actor != mandate.represented


def test_find_ignores_surrounding_spaces_and_refuses_unknown_people():
    assert find("bsn", " 999993653 ") is PERSONAS[0]
    assert find("bsn", "123456782") is None
    assert find("kvk", "999993653") is None
