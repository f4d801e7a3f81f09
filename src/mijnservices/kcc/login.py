"""Employee login with a local account and a TOTP code (django-otp), enrolment of the
authenticator app (QR code as inline SVG with segno, plus the secret as text), logout.

Throttling counts failures per username + IP address and per username in the database
(kcc/auth.py), so it holds across worker processes and cannot be raced; the same message
answers a wrong password, a wrong code and a block being in force only where that tells an
attacker nothing new.
"""

from __future__ import annotations

import base64
from urllib.parse import quote

import segno
import structlog
from django.conf import settings
from django.contrib.auth import authenticate, get_user_model, logout
from django.contrib.auth.models import AbstractBaseUser
from django.http import HttpRequest, HttpResponse, HttpResponseRedirect
from django.shortcuts import render, resolve_url
from django.utils.safestring import mark_safe
from django.utils.translation import gettext as _
from django.views.decorators.http import require_http_methods, require_POST
from django_otp import login as otp_login
from django_otp.plugins.otp_totp.models import TOTPDevice

from mijnservices.kcc.auth import (
    current_employee,
    is_demo_account,
    login_attempt_begin,
    login_employee,
    login_succeeded,
)
from mijnservices.kcc.forms import CodeForm, LoginForm
from mijnservices.kcc.oidc import oidc_configured
from mijnservices.ui.session import safe_next_url

logger = structlog.get_logger("mijnservices.kcc")
PENDING_KEY = "kcc_pending_enrolment"
AFTER_LOGIN = "kcc:home"


def _confirmed_device(user: AbstractBaseUser) -> TOTPDevice | None:
    return TOTPDevice.objects.filter(user_id=user.pk, confirmed=True).first()


def _after_login(request: HttpRequest) -> HttpResponseRedirect:
    target = safe_next_url(request, request.POST.get("next") or request.GET.get("next"))
    return HttpResponseRedirect(target or resolve_url(AFTER_LOGIN))


@require_http_methods(["GET", "POST"])
def login_page(request: HttpRequest) -> HttpResponse:
    if request.method == "GET" and current_employee(request) is not None:
        return _after_login(request)
    form = LoginForm(request.POST or None)
    error = ""
    if request.method == "POST" and form.is_valid():
        username = form.cleaned_data["username"]
        attempt = login_attempt_begin(request, username)
        if attempt is None:
            logger.info("employee_login_throttled")
            error = _(
                "Too many failed attempts. For your safety, logging in is blocked for "
                "15 minutes. Wait and try again, or ask the functional administrator."
            )
        else:
            password = form.cleaned_data["password"]
            user = authenticate(request, username=username, password=password)
            device = _confirmed_device(user) if user is not None else None
            if (
                user is not None
                and not settings.DEMO_MODE
                and is_demo_account(user, device, password)
            ):
                logger.warning("employee_login_demo_refused", user_id=user.pk)
                user = device = None
            code = form.cleaned_data["code"].strip()
            if user is not None and device is None and not code:
                # First login: set up the authenticator app before anything else.
                attempt.release()
                request.session.cycle_key()
                request.session[PENDING_KEY] = user.pk
                return HttpResponseRedirect(resolve_url("kcc:enrol"))
            if user is not None and device is not None and device.verify_token(code):
                login_succeeded(request, username)
                login_employee(request, user, method="totp")
                otp_login(request, device)
                logger.info("employee_login", method="totp", user_id=user.pk)
                return _after_login(request)
            logger.info("employee_login_failed")  # the attempt's rows stay: a failure
            error = _("The user name, password or code is not right. Check them and try again.")
    context = {
        "form": form,
        "error": error,
        "oidc": oidc_configured(),
        "next_url": safe_next_url(request, request.POST.get("next") or request.GET.get("next"))
        or "",
    }
    return render(request, "kcc/login.html", context, status=200 if not error else 400)


def _qr_svg(device: TOTPDevice, username: str) -> tuple[str, str]:
    secret = base64.b32encode(device.bin_key).decode().rstrip("=")
    issuer = quote(settings.EMPLOYEE_OTP_ISSUER)
    uri = (
        f"otpauth://totp/{issuer}:{quote(username)}?secret={secret}&issuer={issuer}"
        f"&digits={device.digits}&period={device.step}"
    )
    svg = segno.make(uri, error="m").svg_inline(
        scale=4, title=_("QR code for your authenticator app")
    )
    return svg, secret


@require_http_methods(["GET", "POST"])
def enrol(request: HttpRequest) -> HttpResponse:
    """Set up two-step login: scan the QR code (or type the secret), then confirm a code."""
    user_pk = request.session.get(PENDING_KEY)
    user = get_user_model().objects.filter(pk=user_pk).first() if user_pk else None
    if user is None:
        return HttpResponseRedirect(resolve_url("kcc:login"))
    device, _created = TOTPDevice.objects.get_or_create(
        user=user, confirmed=False, defaults={"name": "authenticator"}
    )
    form = CodeForm(request.POST or None)
    error = ""
    if request.method == "POST" and form.is_valid():
        attempt = login_attempt_begin(request, user.get_username())
        if attempt is None:
            error = _("Too many failed attempts. Wait 15 minutes and try again.")
        elif device.verify_token(form.cleaned_data["code"].strip()):
            login_succeeded(request, user.get_username())
            TOTPDevice.objects.filter(pk=device.pk).update(confirmed=True)
            device.confirmed = True
            del request.session[PENDING_KEY]
            login_employee(request, user, method="totp")
            otp_login(request, device)
            logger.info("employee_totp_enrolled", user_id=user.pk)
            return HttpResponseRedirect(resolve_url(AFTER_LOGIN))
        else:
            error = _("That code is not right. Check the time on your phone and try again.")
    svg, secret = _qr_svg(device, user.get_username())
    context = {"form": form, "error": error, "qr_svg": mark_safe(svg), "secret": secret}  # noqa: S308 (segno output)
    return render(request, "kcc/enrol.html", context, status=200 if not error else 400)


@require_POST
def logout_page(request: HttpRequest) -> HttpResponse:
    logout(request)
    return HttpResponseRedirect(resolve_url("kcc:login"))
