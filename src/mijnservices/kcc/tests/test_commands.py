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


@pytest.mark.django_db
def test_demo_employees_of_a_former_demo_cannot_log_in_outside_demo_mode(settings, client):
    settings.DEMO_MODE = True
    call_command("demo_employees")
    settings.DEMO_MODE = False
    for username in ("demo-kcc", "demo-beheerder"):
        response = client.post(
            "/medewerker/inloggen/?next=/admin/",
            {"username": username, "password": DEMO_PASSWORD, "code": totp_code(DEMO_TOTP_KEY)},
        )
        assert response.status_code == 400
    assert client.get("/medewerker/").status_code == 302
    assert client.get("/admin/").status_code == 302


@pytest.mark.django_db
def test_a_demo_session_ends_when_demo_mode_is_switched_off(settings, client):
    settings.DEMO_MODE = True
    call_command("demo_employees")
    client.post(
        "/medewerker/inloggen/",
        {"username": "demo-beheerder", "password": DEMO_PASSWORD, "code": totp_code(DEMO_TOTP_KEY)},
    )
    assert client.get("/admin/").status_code == 200
    settings.DEMO_MODE = False
    assert client.get("/admin/").status_code == 302
    assert client.get("/medewerker/").status_code == 302


@pytest.mark.django_db
def test_an_account_with_the_demo_totp_key_cannot_log_in_outside_demo_mode(settings, client):
    from mijnservices.testing.employees import PASSWORD, employee_create

    settings.DEMO_MODE = False
    employee_create("echte-medewerker", roles=["kcc"], key=DEMO_TOTP_KEY)
    response = client.post(
        "/medewerker/inloggen/",
        {"username": "echte-medewerker", "password": PASSWORD, "code": totp_code(DEMO_TOTP_KEY)},
    )
    assert response.status_code == 400
