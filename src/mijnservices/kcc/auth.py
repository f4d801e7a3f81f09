"""Employee sessions: who is logged in, with which roles, and the guard for employee pages.

Employees are Django users. A session counts as an employee session only after the second
factor (TOTP through django-otp) or an OpenID Connect login at the organisation's identity
provider; the session key ``EMPLOYEE_SESSION_KEY`` records which. Idle sessions end after
``SESSION_IDLE_TIMEOUT`` like the portal's (the session cookie age, renewed at most once a
minute: core.sessions).
"""

from __future__ import annotations

import functools
import hashlib
from collections.abc import Callable
from dataclasses import dataclass
from datetime import timedelta
from typing import Any, Concatenate, ParamSpec, TypeVar

from django.conf import settings
from django.contrib.auth import login
from django.contrib.auth.models import AbstractBaseUser
from django.db.models import Count
from django.http import HttpRequest, HttpResponse, HttpResponseBase, HttpResponseRedirect
from django.shortcuts import resolve_url
from django.utils import timezone
from django.utils.http import urlencode

from mijnservices.core.http import client_ip
from mijnservices.core.identity import Employee
from mijnservices.kcc.models import LoginFailure
from mijnservices.services.access.models import EmployeeRole

EMPLOYEE_SESSION_KEY = "kcc_employee"
LOGIN_URL = "kcc:login"
P = ParamSpec("P")
R = TypeVar("R", bound=HttpResponseBase)


def employee_for_user(user: AbstractBaseUser) -> Employee:
    """The principal for a user: roles and behandel-zaaktypen in one query."""
    roles = list(
        EmployeeRole.objects.filter(user_id=user.pk).values_list("role", "zaaktype_identificaties")
    )
    zaaktypen = {str(z) for role, ids in roles if role == "behandelaar" for z in ids or ()}
    return Employee(
        user_id=int(user.pk),
        username=user.get_username(),
        roles=frozenset(role for role, _ in roles),
        behandel_zaaktypen=frozenset(zaaktypen),
    )


def login_employee(request: HttpRequest, user: Any, *, method: str) -> None:
    """Start an employee session (a new session key; ``method`` is "totp" or "oidc")."""
    login(request, user, backend="django.contrib.auth.backends.ModelBackend")
    request.session[EMPLOYEE_SESSION_KEY] = {"user_id": user.pk, "method": method}


def is_demo_account(user: Any, device: Any = None, password: str = "") -> bool:
    """A demo employee: its name, its public password or its TOTP key fixed in the source.

    Outside ``DEMO_MODE`` such an account never logs in, even if a database that was once
    a demo still holds it."""
    from mijnservices.kcc.management.commands.demo_employees import (
        DEMO_EMPLOYEES,
        DEMO_PASSWORD,
        DEMO_TOTP_KEY,
    )

    return (
        user.get_username() in {name for name, _role, _zaaktypen in DEMO_EMPLOYEES}
        or (device is not None and str(device.key).lower() == DEMO_TOTP_KEY)
        or password == DEMO_PASSWORD
    )


def current_employee(request: HttpRequest) -> Employee | None:
    user = getattr(request, "user", None)
    data: Any = request.session.get(EMPLOYEE_SESSION_KEY)
    if user is None or not user.is_authenticated or not isinstance(data, dict):
        return None
    if not settings.DEMO_MODE and is_demo_account(user):
        return None
    if data.get("user_id") != user.pk:
        return None
    if data.get("method") == "totp" and not user.is_verified():
        return None
    return employee_for_user(user)


def login_redirect(request: HttpRequest) -> HttpResponseRedirect:
    query = urlencode({"next": request.get_full_path()})
    return HttpResponseRedirect(f"{resolve_url(LOGIN_URL)}?{query}")


def employee_required(
    view: Callable[Concatenate[HttpRequest, Employee, P], R],
) -> Callable[Concatenate[HttpRequest, P], R | HttpResponse]:
    """Only for a logged-in employee; the view receives the :class:`Employee`."""

    @functools.wraps(view)
    def wrapper(request: HttpRequest, *args: P.args, **kwargs: P.kwargs) -> R | HttpResponse:
        employee = current_employee(request)
        if employee is None:
            return login_redirect(request)
        # The base template shows the idle-session warning on employee pages.
        setattr(request, "kcc_employee", employee)  # noqa: B010
        response = view(request, employee, *args, **kwargs)
        response["Cache-Control"] = "no-store"
        return response

    return wrapper


# --- Throttling: failures per username + IP address and per username, in the database -----
# Every attempt first writes its rows and then counts, so parallel attempts cannot all pass
# one check: the n-th row written sees at least n rows. A failure keeps its rows; a success
# clears the key's rows; an attempt that is refused or needs no verdict removes its own.
def _throttle_key(username: str, ip: str) -> str:
    raw = f"{settings.SECRET_KEY}|{username.lower()}|{ip}"
    return hashlib.sha256(raw.encode()).hexdigest()


def _account_key(username: str) -> str:
    raw = f"{settings.SECRET_KEY}|account|{username.lower()}"
    return hashlib.sha256(raw.encode()).hexdigest()


@dataclass(frozen=True)
class LoginAttempt:
    """The rows one attempt wrote (they become its failure unless released)."""

    row_ids: tuple[int, ...]

    def release(self) -> None:
        """The attempt reached no verdict (e.g. it goes on to enrolment): not a failure."""
        LoginFailure.objects.filter(pk__in=self.row_ids).delete()


def login_attempt_begin(request: HttpRequest, username: str) -> LoginAttempt | None:
    """Count this attempt; ``None`` when the username (from this address or at all) has had
    too many failures in ``EMPLOYEE_LOGIN_FAILURE_WINDOW``."""
    by_address = _throttle_key(username, client_ip(request))
    by_account = _account_key(username)
    rows = LoginFailure.objects.bulk_create(
        [LoginFailure(key=by_address), LoginFailure(key=by_account)]
    )
    attempt = LoginAttempt(row_ids=tuple(int(row.pk) for row in rows))
    since = timezone.now() - timedelta(seconds=settings.EMPLOYEE_LOGIN_FAILURE_WINDOW)
    counts = dict(
        LoginFailure.objects.filter(key__in=[by_address, by_account], at__gte=since)
        .values_list("key")
        .annotate(n=Count("id"))
        .values_list("key", "n")
    )
    if (
        counts.get(by_address, 0) > settings.EMPLOYEE_LOGIN_MAX_FAILURES
        or counts.get(by_account, 0) > settings.EMPLOYEE_LOGIN_MAX_FAILURES_PER_ACCOUNT
    ):
        attempt.release()
        return None
    return attempt


def login_succeeded(request: HttpRequest, username: str) -> None:
    keys = [_throttle_key(username, client_ip(request)), _account_key(username)]
    LoginFailure.objects.filter(key__in=keys).delete()
