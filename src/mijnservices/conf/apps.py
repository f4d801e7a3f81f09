"""Applications, middleware and templates: fixed wiring, not configuration (nothing here is
read from the environment). Kept apart so ``settings.py`` stays readable."""

from __future__ import annotations

from typing import Any

INSTALLED_APPS = [
    # The admin behind the employee login (password + TOTP, beheerder role): kcc/admin_site.py
    "mijnservices.kcc.admin_site.EmployeeAdminConfig",
    "django.contrib.auth",
    "django.contrib.contenttypes",
    "django.contrib.sessions",
    "django.contrib.messages",
    "whitenoise.runserver_nostatic",
    "django.contrib.staticfiles",
    "mijnservices.core",
    "mijnservices.registrations.catalogi",
    "mijnservices.registrations.zaken",
    "mijnservices.registrations.documenten",
    "mijnservices.registrations.besluiten",
    "mijnservices.registrations.notificaties",
    "mijnservices.registrations.klantinteracties",
    "mijnservices.registrations.contactgegevens",
    "mijnservices.registrations.taken",
    "mijnservices.registrations.berichten",
    "mijnservices.registrations.verwerkingen",
    "mijnservices.integration.zgw",
    "mijnservices.api",
    "mijnservices.registrations.autorisaties",
    "mijnservices.services.access",
    "mijnservices.services.mijntaken",
    "mijnservices.services.payments",
    "mijnservices.services.notifications",
    "mijnservices.services.profiel",
    "mijnservices.services.kpis",
    "mijnservices.services.presentation",
    "rest_framework",
    "django_filters",
    "drf_spectacular",
    "mijnservices.ui",
    "mijnservices.portal",
    "mijnservices.kcc",
    "mijnservices.demo",
    "mijnservices.bench",
    "django_otp",
    "django_otp.plugins.otp_totp",
]

MIDDLEWARE = [
    # First: an oversized body is refused before anything reads it.
    "mijnservices.api.middleware.BodySizeLimitMiddleware",
    "mijnservices.core.middleware.ServerTimingMiddleware",
    "mijnservices.core.middleware.ContentSecurityPolicyMiddleware",
    "django.middleware.security.SecurityMiddleware",
    "whitenoise.middleware.WhiteNoiseMiddleware",
    "django.contrib.sessions.middleware.SessionMiddleware",
    "mijnservices.core.sessions.SessionTouchMiddleware",
    "django.middleware.locale.LocaleMiddleware",
    "django.middleware.common.CommonMiddleware",
    "django.middleware.csrf.CsrfViewMiddleware",
    "django.contrib.auth.middleware.AuthenticationMiddleware",
    "django_otp.middleware.OTPMiddleware",
    "django.contrib.messages.middleware.MessageMiddleware",
    "django.middleware.clickjacking.XFrameOptionsMiddleware",
]

TEMPLATES: list[dict[str, Any]] = [
    {
        "BACKEND": "django.template.backends.django.DjangoTemplates",
        "DIRS": [],
        "APP_DIRS": True,
        "OPTIONS": {
            "context_processors": [
                "django.template.context_processors.request",
                "django.template.context_processors.i18n",
                "django.contrib.auth.context_processors.auth",
                "django.contrib.messages.context_processors.messages",
                "mijnservices.portal.context_processors.portal",
                "mijnservices.ui.context_processors.branding",
            ],
        },
    }
]
