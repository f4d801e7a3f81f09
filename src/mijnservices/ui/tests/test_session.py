"""Safe redirects after a login, for both the portal and the employee pages."""

from __future__ import annotations

import pytest
from django.test import RequestFactory

from mijnservices.ui.session import safe_next_url


@pytest.mark.parametrize(
    ("candidate", "expected"),
    [
        ("/mijn-zaken/", "/mijn-zaken/"),
        ("https://evil.example/", None),
        ("//evil.example/", None),
        ("javascript:alert(1)", None),
        ("", None),
        (None, None),
    ],
)
def test_safe_next_url_only_allows_this_site(candidate, expected):
    assert safe_next_url(RequestFactory().get("/mijn-zaken/"), candidate) == expected
