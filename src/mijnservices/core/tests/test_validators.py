import pytest

from mijnservices.core.validators import is_valid_bsn, is_valid_kvk


@pytest.mark.parametrize("bsn", ["999993653", "999990627", "111222333"])
def test_bsn_passing_the_eleven_check_is_valid(bsn):
    assert is_valid_bsn(bsn)


@pytest.mark.parametrize("bsn", ["999993654", "12345678", "abcdefghi", "000000000", ""])
def test_bsn_failing_the_eleven_check_or_format_is_invalid(bsn):
    assert not is_valid_bsn(bsn)


def test_kvk_number_has_eight_digits():
    assert is_valid_kvk("69599084")
    assert not is_valid_kvk("6959908")
    assert not is_valid_kvk("6959908a")
