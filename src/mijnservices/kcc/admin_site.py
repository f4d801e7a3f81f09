"""The admin behind the employee login: password + TOTP (throttled), and the beheerder role.

The admin has no login form of its own. Its login URL sends the browser to the employee
login (``kcc:login``), so the one throttled, two-factor login guards both, and a block at
``/medewerker/`` is a block at ``/admin/``. A password-only Django session (``force_login``,
a stale session from before) opens nothing here.

Secrets are write-only in the admin: the TOTP device admin shows no key or QR code (a lost
device is deleted, and the employee enrols again at the next login).

Models are imported inside the functions: this module is named in ``INSTALLED_APPS`` (the
``AdminConfig`` below), before the app registry is ready.
"""

from __future__ import annotations

from typing import Any

from django.contrib import admin
from django.contrib.admin.apps import AdminConfig
from django.http import HttpRequest, HttpResponse, HttpResponseForbidden, HttpResponseRedirect
from django.shortcuts import resolve_url
from django.utils.http import urlencode

BEHEERDER = "beheerder"


def admin_allowed(request: HttpRequest) -> bool:
    """An employee session (second factor done) of an active staff user with the beheerder
    role."""
    from mijnservices.kcc.auth import current_employee

    user: Any = getattr(request, "user", None)
    if user is None or not user.is_active or not user.is_staff:
        return False
    employee = current_employee(request)
    return employee is not None and BEHEERDER in employee.roles


class EmployeeAdminSite(admin.AdminSite):
    site_header = "MijnServices beheer"
    site_title = "MijnServices beheer"

    def has_permission(self, request: HttpRequest) -> bool:
        return admin_allowed(request)

    def login(self, request: HttpRequest, extra_context: Any = None) -> HttpResponse:
        from mijnservices.kcc.auth import current_employee

        if current_employee(request) is not None:
            # Logged in as an employee, but not a beheerder: no second chance to log in here.
            return HttpResponseForbidden("The admin is for functional administrators only.")
        target = request.GET.get("next") or resolve_url("admin:index")
        query = urlencode({"next": target})
        return HttpResponseRedirect(f"{resolve_url('kcc:login')}?{query}")


class TOTPDeviceAdmin(admin.ModelAdmin):  # type: ignore[type-arg]
    """Devices to see and delete; never their key (a deleted device means re-enrolment)."""

    list_display = ["user", "name", "confirmed", "created_at", "last_used_at"]
    list_filter = ["confirmed"]
    search_fields = ["user__username"]
    fields = ["user", "name", "confirmed", "created_at", "last_used_at"]
    readonly_fields = ("user", "name", "confirmed", "created_at", "last_used_at")

    def has_add_permission(self, request: HttpRequest) -> bool:
        return False

    def has_change_permission(self, request: HttpRequest, obj: Any = None) -> bool:
        return False


def secure_registrations(site: admin.AdminSite) -> None:
    """Replace third-party admins that would show secrets (run after autodiscover)."""
    from django_otp.plugins.otp_totp.models import TOTPDevice

    if site.is_registered(TOTPDevice):
        site.unregister(TOTPDevice)
    site.register(TOTPDevice, TOTPDeviceAdmin)


class EmployeeAdminConfig(AdminConfig):
    default_site = "mijnservices.kcc.admin_site.EmployeeAdminSite"

    def ready(self) -> None:
        super().ready()
        secure_registrations(admin.site)
