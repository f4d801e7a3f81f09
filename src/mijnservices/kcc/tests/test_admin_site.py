from __future__ import annotations

import pytest
from django.urls import reverse
from django_otp.plugins.otp_totp.models import TOTPDevice

from mijnservices.kcc.models import LoginFailure
from mijnservices.testing.employees import PASSWORD, TOTP_KEY, employee_create, log_in, totp_code

ADMIN = "/admin/"


def _superuser(username: str = "root", roles: tuple[str, ...] = ("beheerder",)):
    user = employee_create(username, roles=roles)
    user.is_staff = user.is_superuser = True
    user.save()
    return user


@pytest.mark.django_db
def test_the_admin_login_sends_to_the_employee_login(client):
    response = client.get("/admin/login/?next=/admin/")
    assert response.status_code == 302
    assert response["Location"].startswith("/medewerker/inloggen/?next=")


@pytest.mark.django_db
def test_the_admin_login_does_not_accept_a_password_alone(client):
    user = _superuser()
    client.post("/admin/login/", {"username": user.username, "password": PASSWORD})
    assert client.get(ADMIN).status_code == 302


@pytest.mark.django_db
def test_a_password_only_session_of_a_superuser_opens_no_admin_page(client):
    client.force_login(_superuser())
    response = client.get(ADMIN)
    assert response.status_code == 302
    assert "/admin/login/" in response["Location"]


@pytest.mark.django_db
def test_a_beheerder_reaches_the_admin_after_password_and_code(client):
    log_in(client, _superuser())
    assert client.get(ADMIN).status_code == 200


@pytest.mark.django_db
def test_a_superuser_without_the_beheerder_role_is_refused_the_admin(client):
    log_in(client, _superuser(roles=("kcc",)))
    assert client.get(ADMIN).status_code == 302
    assert client.get("/admin/login/").status_code == 403


@pytest.mark.django_db
def test_an_account_blocked_at_the_employee_login_cannot_reach_the_admin(client, settings):
    settings.EMPLOYEE_LOGIN_MAX_FAILURES = 3
    user = _superuser()
    for _ in range(3):
        client.post(
            "/medewerker/inloggen/",
            {"username": user.username, "password": "wrong", "code": totp_code()},
        )
    assert LoginFailure.objects.count() == 6  # per address and per account
    client.post(
        "/medewerker/inloggen/?next=/admin/",
        {"username": user.username, "password": PASSWORD, "code": totp_code()},
    )
    assert client.get(ADMIN).status_code == 302


@pytest.mark.django_db
def test_the_admin_never_shows_a_totp_key(admin_client):
    device = TOTPDevice.objects.get(user__username="beheerder")
    pages = [
        reverse("admin:otp_totp_totpdevice_changelist"),
        reverse("admin:otp_totp_totpdevice_change", args=[device.pk]),
    ]
    for url in pages:
        response = admin_client.get(url)
        assert response.status_code == 200
        body = response.content.decode()
        assert TOTP_KEY not in body and "qrcode" not in body.lower()
    assert admin_client.get(reverse("admin:otp_totp_totpdevice_add")).status_code == 403


@pytest.mark.django_db
def test_the_first_beheerder_is_made_by_a_command_and_then_logs_in_with_a_code(client):
    from django.contrib.auth import get_user_model
    from django.core.management import call_command

    user = get_user_model().objects.create_superuser("eerste", password=PASSWORD)
    client.post("/medewerker/inloggen/", {"username": "eerste", "password": PASSWORD, "code": ""})
    assert client.get(ADMIN).status_code == 302  # no role, no second factor yet
    call_command("admin_beheerder", "eerste")
    TOTPDevice.objects.create(user=user, name="app", key=TOTP_KEY, confirmed=True)
    log_in(client, user)
    assert client.get(ADMIN).status_code == 200
