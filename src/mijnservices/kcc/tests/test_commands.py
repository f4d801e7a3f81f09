from __future__ import annotations

import pytest
from django.core.management import CommandError, call_command

from mijnservices.kcc.management.commands.demo_employees import DEMO_PASSWORD, DEMO_TOTP_KEY
from mijnservices.testing.employees import totp_code


@pytest.mark.django_db
def test_demo_employees_are_refused_outside_demo_mode(settings):
    settings.DEMO_MODE = False
    with pytest.raises(CommandError):
        call_command("demo_employees")


@pytest.mark.django_db
def test_demo_kcc_employee_logs_in_with_the_printed_password_and_code(settings, client, capsys):
    settings.DEMO_MODE = True
    call_command("demo_employees")
    call_command("demo_employees")  # running it again changes nothing
    out = capsys.readouterr().out
    assert DEMO_PASSWORD in out and "DEMO" in out
    response = client.post(
        "/medewerker/inloggen/",
        {"username": "demo-kcc", "password": DEMO_PASSWORD, "code": totp_code(DEMO_TOTP_KEY)},
    )
    assert response.status_code == 302
