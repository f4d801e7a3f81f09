from __future__ import annotations

from datetime import timedelta

import pytest
from django.contrib.sessions.models import Session
from django.utils import timezone
from django_otp.plugins.otp_totp.models import TOTPDevice

from mijnservices.kcc.models import LoginFailure
from mijnservices.testing.employees import PASSWORD, employee_create, totp_code

LOGIN = "/medewerker/inloggen/"
HOME = "/medewerker/"


def _post(client, username="kcc", password=PASSWORD, code=None):
    return client.post(
        LOGIN,
        {"username": username, "password": password, "code": totp_code() if code is None else code},
    )


@pytest.mark.django_db
def test_employee_logs_in_with_password_and_current_code(client):
    employee_create("kcc", roles=["kcc"])
    response = _post(client)
    assert response.status_code == 302
    assert response["Location"] == HOME
    assert client.get(HOME).status_code == 200


@pytest.mark.django_db
def test_wrong_code_is_refused(client):
    employee_create("kcc", roles=["kcc"])
    response = _post(client, code="000000" if totp_code() != "000000" else "111111")
    assert response.status_code == 400
    assert client.get(HOME).status_code == 302


@pytest.mark.django_db
def test_password_without_code_does_not_log_in_a_user_with_a_device(client):
    employee_create("kcc", roles=["kcc"])
    response = _post(client, code="")
    assert response.status_code == 400
    assert client.get(HOME)["Location"].startswith(LOGIN)


@pytest.mark.django_db
def test_wrong_password_with_right_code_is_refused(client):
    employee_create("kcc", roles=["kcc"])
    assert _post(client, password="wrong").status_code == 400
    assert client.get(HOME).status_code == 302


@pytest.mark.django_db
def test_after_five_failures_even_the_right_login_is_blocked(client, settings):
    settings.EMPLOYEE_LOGIN_MAX_FAILURES = 5
    employee_create("kcc", roles=["kcc"])
    for _ in range(5):
        assert _post(client, password="wrong").status_code == 400
    response = _post(client)
    assert response.status_code == 400
    assert "15" in response.content.decode()
    assert LoginFailure.objects.count() == 10  # per address and per account; not the refused
    assert client.get(HOME).status_code == 302


@pytest.mark.django_db
def test_failures_older_than_the_window_do_not_count(client):
    employee_create("kcc", roles=["kcc"])
    for _ in range(5):
        _post(client, password="wrong")
    LoginFailure.objects.update(at=timezone.now() - timedelta(minutes=16))
    assert _post(client).status_code == 302


@pytest.mark.django_db
def test_first_login_enrols_the_authenticator_with_a_qr_code(client):
    from django.contrib.auth import get_user_model

    get_user_model().objects.create_user(username="nieuw", password=PASSWORD)
    response = client.post(LOGIN, {"username": "nieuw", "password": PASSWORD, "code": ""})
    assert response["Location"] == "/medewerker/inloggen/tweestapsverificatie/"
    page = client.get(response["Location"])
    assert "<svg" in page.content.decode()
    device = TOTPDevice.objects.get(user__username="nieuw")
    assert not device.confirmed
    secret = page.context["secret"]
    assert secret and secret in page.content.decode()
    wrong = client.post(response["Location"], {"code": "12345"})
    assert wrong.status_code == 400
    # django-otp also slows down retries after a wrong code (1 s after the first failure).
    TOTPDevice.objects.update(throttling_failure_timestamp=timezone.now() - timedelta(seconds=5))
    done = client.post(response["Location"], {"code": totp_code(device.key)})
    assert done.status_code == 302
    device.refresh_from_db()
    assert device.confirmed
    assert client.get(HOME).status_code == 200


@pytest.mark.django_db
def test_enrolment_page_needs_a_password_first(client):
    response = client.get("/medewerker/inloggen/tweestapsverificatie/")
    assert response["Location"] == LOGIN


@pytest.mark.django_db
def test_a_password_only_session_is_no_employee_session(client):
    """A Django login (e.g. the admin's) without the second factor opens no employee page."""
    user = employee_create("kcc", roles=["kcc"])
    client.force_login(user)
    assert client.get(HOME).status_code == 302


@pytest.mark.django_db
def test_idle_session_ends_after_the_timeout(client, settings):
    employee_create("kcc", roles=["kcc"])
    _post(client)
    assert client.get(HOME).status_code == 200
    Session.objects.update(expire_date=timezone.now() - timedelta(seconds=1))
    response = client.get(HOME)
    assert response.status_code == 302
    assert response["Location"].startswith(LOGIN)


@pytest.mark.django_db
def test_session_lasts_the_configured_idle_time(client, settings):
    employee_create("kcc", roles=["kcc"])
    _post(client)
    session = Session.objects.get()
    remaining = (session.expire_date - timezone.now()).total_seconds()
    assert abs(remaining - settings.SESSION_IDLE_TIMEOUT) < 60


@pytest.mark.django_db
def test_logout_ends_the_session(client):
    employee_create("kcc", roles=["kcc"])
    _post(client)
    client.post("/medewerker/uitloggen/")
    assert client.get(HOME).status_code == 302


@pytest.mark.django_db
def test_failures_from_many_addresses_block_the_account(client, settings):
    settings.EMPLOYEE_LOGIN_MAX_FAILURES_PER_ACCOUNT = 4
    employee_create("kcc", roles=["kcc"])
    for n in range(4):
        response = client.post(
            LOGIN,
            {"username": "kcc", "password": "wrong", "code": totp_code()},
            REMOTE_ADDR=f"192.0.2.{n + 1}",
        )
        assert response.status_code == 400
    refused = client.post(
        LOGIN,
        {"username": "kcc", "password": PASSWORD, "code": totp_code()},
        REMOTE_ADDR="198.51.100.7",
    )
    assert refused.status_code == 400
    assert client.get(HOME).status_code == 302


@pytest.mark.django_db
def test_behind_a_trusted_proxy_the_forwarded_address_is_throttled(client, settings):
    settings.EMPLOYEE_LOGIN_MAX_FAILURES = 2
    settings.TRUSTED_PROXIES = ["10.0.0.0/8"]
    employee_create("kcc", roles=["kcc"])

    def attempt(forwarded, password="wrong"):  # noqa: S107
        return client.post(
            LOGIN,
            {"username": "kcc", "password": password, "code": totp_code()},
            REMOTE_ADDR="10.0.0.2",
            HTTP_X_FORWARDED_FOR=forwarded,
        )

    attempt("203.0.113.5")
    attempt("1.1.1.1, 203.0.113.5")  # what the client wrote itself does not count
    assert attempt("203.0.113.5", password=PASSWORD).status_code == 400  # blocked
    assert attempt("203.0.113.6", password=PASSWORD).status_code == 302  # another person


@pytest.mark.django_db(transaction=True)
def test_parallel_attempts_cannot_pass_the_limit(settings):
    """Attempts racing each other each write before they count: at most the limit pass."""
    import threading

    from django.db import connection
    from django.test import RequestFactory

    from mijnservices.kcc.auth import login_attempt_begin

    settings.EMPLOYEE_LOGIN_MAX_FAILURES = 3
    passed: list[bool] = []
    barrier = threading.Barrier(8)

    def one() -> None:
        request = RequestFactory().post(LOGIN, REMOTE_ADDR="192.0.2.1")
        barrier.wait()
        try:
            passed.append(login_attempt_begin(request, "kcc") is not None)
        finally:
            connection.close()

    threads = [threading.Thread(target=one) for _ in range(8)]
    for thread in threads:
        thread.start()
    for thread in threads:
        thread.join()
    assert len(passed) == 8
    assert sum(passed) <= 3


@pytest.mark.django_db
def test_the_login_fields_tell_password_managers_what_they_are(client):
    # Issue 21 (WCAG 1.3.5): user name and password carry autocomplete.
    page = client.get("/medewerker/inloggen/").content.decode()
    assert 'autocomplete="username"' in page
    assert 'autocomplete="current-password"' in page
