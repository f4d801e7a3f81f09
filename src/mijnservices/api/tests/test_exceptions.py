from __future__ import annotations

from mijnservices.api.exceptions import _flatten, problem_exception_handler
from mijnservices.core.errors import DomainError


def test_domain_error_becomes_400_with_camel_case_invalid_param():
    response = problem_exception_handler(
        DomainError("too long", code="invalid-servicenorm", field="begin_geldigheid"), {}
    )
    assert response is not None
    assert response.status_code == 400
    assert response.content_type == "application/problem+json"
    assert response.data["invalidParams"] == [
        {"name": "beginGeldigheid", "code": "invalid-servicenorm", "reason": "too long"}
    ]


def test_nested_validation_errors_are_flattened_with_dotted_names():
    details = {
        "referentieproces": {"naam": [{"message": "required", "code": "required"}]},
        "non_field_errors": [{"message": "bad", "code": "invalid"}],
    }
    names = {param["name"] for param in _flatten(details)}
    assert names == {"referentieproces.naam", "nonFieldErrors"}


def test_unexpected_error_becomes_a_500_problem_without_details():
    response = problem_exception_handler(RuntimeError("secret internals"), {})
    assert response is not None
    assert response.status_code == 500
    assert "secret internals" not in str(response.data)


def test_iso_durations_round_trip():
    from datetime import timedelta

    from mijnservices.api.fields import duration_iso, parse_iso_duration

    assert duration_iso(timedelta(weeks=8)) == "P56D"
    assert duration_iso(timedelta(days=1, hours=2)) == "P1DT2H"
    # Whole years come back as years (Selectielijst bewaartermijnen, ztc-002g).
    assert duration_iso(timedelta(days=3650)) == "P10Y"  # parse_iso_duration("P10Y")
    assert duration_iso(timedelta(days=366)) == "P366D"
    assert parse_iso_duration("P8W") == timedelta(weeks=8)
    assert parse_iso_duration("P1Y") == timedelta(days=365)
    assert parse_iso_duration("PT1H30M") == timedelta(hours=1, minutes=30)
    assert parse_iso_duration("P") is None
    assert parse_iso_duration("8 weeks") is None
