"""Settings of the services, integrations and employee pages (the second half of
:mod:`mijnservices.conf.settings`, which imports everything from here; split to keep both
files small). Add a new block here, declared with :func:`~mijnservices.conf.env.declare`."""

from __future__ import annotations

from datetime import date as _date

from mijnservices.conf.env import declare, one_of, positive

# --- Verwerkingenlogging ----------------------------------------------------------
VERWERKINGEN_BEWAARTERMIJN_DAGEN = declare(
    "VERWERKINGEN_BEWAARTERMIJN_DAGEN",
    730,
    "Days a logged read of personal data is kept before the worker purges it.",
    group="Verwerkingenlogging",
    check=positive,
)
VERWERKINGEN_PSEUDONYM_KEY = declare(
    "VERWERKINGEN_PSEUDONYM_KEY",
    "",
    "Key for the pseudonyms of BSN/KvK-nummers in the log (default: derived from SECRET_KEY).",
    group="Verwerkingenlogging",
    secret=True,
)

# --- Portal uploads --------------------------------------------------------------
PORTAL_UPLOAD_MAX_SIZE = declare(
    "PORTAL_UPLOAD_MAX_SIZE",
    10 * 1024 * 1024,
    "Largest file (bytes) a citizen can add to their zaak in the portal.",
    group="Portal",
    check=positive,
)
PORTAL_UPLOAD_EXTENSIONS: list[str] = declare(
    "PORTAL_UPLOAD_EXTENSIONS",
    ["pdf", "jpg", "jpeg", "png", "docx", "odt"],
    "Comma-separated file extensions citizens may upload (the bytes are checked too).",
    group="Portal",
)
PORTAL_USE_FLUSH_SECONDS = declare(
    "PORTAL_USE_FLUSH_SECONDS",
    60,
    "Seconds a web process adds up zaak page views before writing them (0: on every view).",
    group="Portal",
    check=lambda v: None if v >= 0 else "must be 0 or more",
)

# --- Payments (services/payments) ------------------------------------------------
PAYMENTS_RECONCILE_AFTER_SECONDS = declare(
    "PAYMENTS_RECONCILE_AFTER_SECONDS",
    300,
    "The worker asks the payment provider about a payment still open after this many seconds "
    "(the citizen never came back from the bank).",
    group="Payments",
    check=positive,
)
PAYMENTS_EXPIRE_HOURS = declare(
    "PAYMENTS_EXPIRE_HOURS",
    24,
    "A payment the provider still calls open after this many hours is closed as failed; the "
    "task can be paid again.",
    group="Payments",
    check=positive,
)

# --- Demo (demo/) ---------------------------------------------------------------
DEMO_MAILCATCHER_PORT = declare(
    "DEMO_MAILCATCHER_PORT",
    -1,
    "DEMO_MODE only: port of the local mail catcher that `mijnservices run` starts; e-mail sent "
    "to 127.0.0.1 on this port is shown at /demo/mail/. -1: PORT + 25 (8025). 0: do not start it.",
    group="Demo",
)
if DEMO_MAILCATCHER_PORT < 0:
    import os as _os

    # Derived from the web port, so two demos on one machine (different PORTs) keep their own
    # mailboxes. PORT was already checked by settings.py, which imports this module last.
    DEMO_MAILCATCHER_PORT = int(_os.environ.get("PORT") or 8000) + 25

# --- Employee pages (kcc): purpose binding and login ----------------------------
KCC_MAX_VERTROUWELIJKHEID = declare(
    "KCC_MAX_VERTROUWELIJKHEID",
    "zaakvertrouwelijk",
    "Most confidential vertrouwelijkheidaanduiding of a zaak a KCC employee may see.",
    group="Access",
    check=one_of("openbaar", "beperkt_openbaar", "intern", "zaakvertrouwelijk", "vertrouwelijk",
                 "confidentieel", "geheim", "zeer_geheim"),
)  # fmt: skip
EMPLOYEE_LOGIN_MAX_FAILURES = declare(
    "EMPLOYEE_LOGIN_MAX_FAILURES", 5, "Failed employee logins per username and IP address "
    "before logging in is refused for a while.", group="Security", check=positive,
)  # fmt: skip
EMPLOYEE_LOGIN_MAX_FAILURES_PER_ACCOUNT = declare(
    "EMPLOYEE_LOGIN_MAX_FAILURES_PER_ACCOUNT", 20, "Failed employee logins per username, from "
    "any address, before logging in to that account is refused for a while.", group="Security",
    check=positive,
)  # fmt: skip
EMPLOYEE_LOGIN_FAILURE_WINDOW = declare(
    "EMPLOYEE_LOGIN_FAILURE_WINDOW", 900, "Seconds over which failed employee logins are "
    "counted (and how long the block lasts).", group="Security", check=positive,
)  # fmt: skip
EMPLOYEE_OTP_ISSUER = declare(
    "EMPLOYEE_OTP_ISSUER", "MijnServices",
    "Name an authenticator app shows for the employees' two-factor codes.", group="Security",
)  # fmt: skip
# Employee login at the organisation's identity provider (OpenID Connect); off until
# EMPLOYEE_OIDC_DISCOVERY_URL and EMPLOYEE_OIDC_CLIENT_ID are set.
EMPLOYEE_OIDC_DISCOVERY_URL = declare(
    "EMPLOYEE_OIDC_DISCOVERY_URL", "", "OpenID Connect discovery URL of the organisation's "
    "identity provider for employees (…/.well-known/openid-configuration). Empty: off.",
    group="Employee login",
)  # fmt: skip
EMPLOYEE_OIDC_CLIENT_ID = declare(
    "EMPLOYEE_OIDC_CLIENT_ID", "", "Client id of the employee pages at the identity provider.",
    group="Employee login",
)  # fmt: skip
EMPLOYEE_OIDC_CLIENT_SECRET = declare(
    "EMPLOYEE_OIDC_CLIENT_SECRET", "", "Client secret of the employee pages at the identity "
    "provider.", group="Employee login", secret=True,
)  # fmt: skip
EMPLOYEE_OIDC_SCOPES = declare(
    "EMPLOYEE_OIDC_SCOPES", "openid profile", "Scopes asked of the identity provider.",
    group="Employee login",
)  # fmt: skip
EMPLOYEE_OIDC_USERNAME_CLAIM = declare(
    "EMPLOYEE_OIDC_USERNAME_CLAIM", "preferred_username", "Claim that holds the employee's "
    "user name (the Django user is created or matched by it).", group="Employee login",
)  # fmt: skip
EMPLOYEE_OIDC_ROLES_CLAIM = declare(
    "EMPLOYEE_OIDC_ROLES_CLAIM", "roles", "Claim with the employee's roles: a list (or "
    "space-separated) of kcc, auditor, beheerder and behandelaar:<zaaktype identificatie>. "
    "The roles are replaced by these at every login; unknown values are ignored.",
    group="Employee login",
)  # fmt: skip
EMPLOYEE_OIDC_CA_BUNDLE = declare(
    "EMPLOYEE_OIDC_CA_BUNDLE", "", "File with the CA certificates to trust for the identity "
    "provider. Empty: the system's.", group="Employee login",
)  # fmt: skip


# --- E-mail (SMTP) -----------------------------------------------------------------------
# Django reads these names itself. In DEMO_MODE they default to the demo mail catcher.
def _demo() -> bool:
    import os

    return os.environ.get("DEMO_MODE", "").strip().lower() in {"1", "true", "yes", "on"}


EMAIL_HOST = declare(
    "EMAIL_HOST",
    "localhost",
    "SMTP server for e-mail to citizens (in DEMO_MODE: the demo mail catcher).",
    group="E-mail",
)
EMAIL_PORT = declare(
    "EMAIL_PORT", 25, "SMTP port (in DEMO_MODE: the demo mail catcher's).",
    group="E-mail", check=positive,
)  # fmt: skip
EMAIL_HOST_USER = declare("EMAIL_HOST_USER", "", "SMTP user name (empty: none).", group="E-mail")
EMAIL_HOST_PASSWORD = declare(
    "EMAIL_HOST_PASSWORD", "", "SMTP password.", group="E-mail", secret=True
)
EMAIL_USE_TLS = declare("EMAIL_USE_TLS", False, "Use STARTTLS to the SMTP server.", group="E-mail")
EMAIL_USE_SSL = declare(
    "EMAIL_USE_SSL", False, "Use implicit TLS to the SMTP server.", group="E-mail"
)
EMAIL_TIMEOUT = declare(
    "EMAIL_TIMEOUT", 10, "Seconds before an SMTP connection attempt gives up.", group="E-mail",
    check=positive,
)  # fmt: skip
if _demo():
    import os as _os

    # DEMO ONLY: unless set explicitly, e-mail goes to the demo mail catcher.
    if "EMAIL_HOST" not in _os.environ:
        EMAIL_HOST = "127.0.0.1"
    if "EMAIL_PORT" not in _os.environ:
        EMAIL_PORT = DEMO_MAILCATCHER_PORT or 8025
DEFAULT_FROM_EMAIL = declare(
    "DEFAULT_FROM_EMAIL",
    "noreply@mijnservices.example",
    "Sender of e-mail to citizens; without a name before the address, the organisation's name "
    "(branding) is shown as the sender.",
    group="E-mail",
)

# --- BRP: Haal Centraal BRP Personen (integration/brp) ---------------------------------------
BRP_API_URL = declare(
    "BRP_API_URL",
    "",
    "Base URL of a Haal Centraal BRP Personen 2.x API (…/haalcentraal/api/brp). Empty: no BRP "
    "(in DEMO_MODE the built-in demo BRP is used).",
    group="BRP",
)
BRP_API_KEY = declare(
    "BRP_API_KEY", "", "API key sent as X-API-Key to the BRP API.", group="BRP", secret=True
)
BRP_TIMEOUT = declare(
    "BRP_TIMEOUT", 5, "Seconds before a BRP request gives up.", group="BRP", check=positive
)

# --- MijnProfiel: verifying contact details (services/profiel) -----------------------------
PROFIEL_EMAIL_LINK_HOURS = declare(
    "PROFIEL_EMAIL_LINK_HOURS", 24, "Hours an e-mail verification link stays valid.",
    group="MijnProfiel", check=positive,
)  # fmt: skip
PROFIEL_SMS_CODE_MINUTES = declare(
    "PROFIEL_SMS_CODE_MINUTES", 15, "Minutes a phone verification code stays valid.",
    group="MijnProfiel", check=positive,
)  # fmt: skip
PROFIEL_SMS_CODE_ATTEMPTS = declare(
    "PROFIEL_SMS_CODE_ATTEMPTS", 5, "Wrong codes allowed before a new code is needed.",
    group="MijnProfiel", check=positive,
)  # fmt: skip

# --- Notificatieservice (services/notifications) -----------------------------------------
NOTIFICATIONS_EMAIL_CHANNEL = declare(
    "NOTIFICATIONS_EMAIL_CHANNEL", "smtp", "How e-mail to citizens goes out: smtp (EMAIL_*) or "
    "notify (GOV.UK Notify / NotifyNL, NOTIFY_*).", group="Notificatieservice",
    check=one_of("smtp", "notify"),
)  # fmt: skip
NOTIFICATIONS_PORTAL_URL = declare(
    "NOTIFICATIONS_PORTAL_URL", "", "Address of the citizen portal in notification links "
    "(empty: SITE_URL).", group="Notificatieservice",
)  # fmt: skip
NOTIFICATIONS_THROTTLE_MINUTES = declare(
    "NOTIFICATIONS_THROTTLE_MINUTES", 15, "Status-like news about one zaak within this many "
    "minutes becomes one message (0: no throttling).", group="Notificatieservice",
    check=lambda minutes: None if minutes >= 0 else "must be 0 or more",
)  # fmt: skip
NOTIFICATIONS_MAX_NEWS_AGE_DAYS = declare(
    "NOTIFICATIONS_MAX_NEWS_AGE_DAYS", 2, "Changes dated longer ago than this (history loaded "
    "or migrated later) notify nobody.", group="Notificatieservice", check=positive,
)  # fmt: skip
NOTIFICATIONS_REMINDER_DAYS = declare(
    "NOTIFICATIONS_REMINDER_DAYS", 3, "Days before a task's deadline that one reminder is sent.",
    group="Notificatieservice", check=positive,
)  # fmt: skip
NOTIFICATIONS_LEASE_SECONDS = declare(
    "NOTIFICATIONS_LEASE_SECONDS", 120, "Seconds a notification being sent stays reserved; a "
    "crashed worker's ones are sent again after it.", group="Notificatieservice", check=positive,
)  # fmt: skip
NOTIFICATIONS_BATCH_SIZE = declare(
    "NOTIFICATIONS_BATCH_SIZE", 100, "Notifications one worker claims per round.",
    group="Notificatieservice", check=positive,
)  # fmt: skip
NOTIFY_API_KEY = declare(
    "NOTIFY_API_KEY", "", "GOV.UK Notify / NotifyNL API key (empty: Notify is not used).",
    group="Notificatieservice", secret=True,
)  # fmt: skip
NOTIFY_BASE_URL = declare(
    "NOTIFY_BASE_URL", "https://api.notifynl.nl", "Base URL of the Notify API.",
    group="Notificatieservice",
)  # fmt: skip
NOTIFY_EMAIL_TEMPLATE_ID = declare(
    "NOTIFY_EMAIL_TEMPLATE_ID", "", "Notify e-mail template with ((subject)) and ((body)).",
    group="Notificatieservice",
)  # fmt: skip
NOTIFY_SMS_TEMPLATE_ID = declare(
    "NOTIFY_SMS_TEMPLATE_ID", "", "Notify SMS template with ((body)).", group="Notificatieservice",
)  # fmt: skip
NOTIFY_CALLBACK_TOKEN = declare(
    "NOTIFY_CALLBACK_TOKEN", "", "Bearer token Notify sends with delivery-status callbacks "
    "(empty: callbacks are refused).", group="Notificatieservice", secret=True,
)  # fmt: skip

# --- External ZGW sources (decision 0029) ------------------------------------------
ZGW_SOURCE_TIMEOUT = declare(
    "ZGW_SOURCE_TIMEOUT",
    10,
    "Seconds to wait for an external ZGW source to connect and answer one call.",
    group="ZGW sources",
    check=positive,
)
ZGW_SOURCE_RETRIES = declare(
    "ZGW_SOURCE_RETRIES",
    2,
    "Extra tries (with backoff) of a call to a ZGW source that failed or answered 429/5xx.",
    group="ZGW sources",
)
ZGW_SOURCE_LOGIN_WAIT_MS = declare(
    "ZGW_SOURCE_LOGIN_WAIT_MS",
    1500,
    "At login, milliseconds to wait for the person's zaken to be re-read from the ZGW sources.",
    group="ZGW sources",
)
ZGW_SOURCE_CONCURRENCY = declare(
    "ZGW_SOURCE_CONCURRENCY",
    8,
    "Calls this process makes to one ZGW source at the same time (all syncs together).",
    group="ZGW sources",
    check=positive,
)
ZGW_SOURCE_PAGE_TIMEOUT_MS = declare(
    "ZGW_SOURCE_PAGE_TIMEOUT_MS",
    2000,
    "Milliseconds a portal or KCC request waits for a ZGW source (e.g. a document download) "
    "to start answering before it gives up with a plain message.",
    group="ZGW sources",
    check=positive,
)
ZGW_SOURCE_RECONCILE_MINUTES = declare(
    "ZGW_SOURCE_RECONCILE_MINUTES",
    60,
    "The worker re-reads an external zaak not brought up to date for this many minutes.",
    group="ZGW sources",
    check=positive,
)


def _iso_date_or_empty(value: str) -> str | None:
    if not value:
        return None
    try:
        _date.fromisoformat(value)
    except ValueError:
        return "give a date as YYYY-MM-DD"
    return None


# The accessibility statement (issue 21; the official model, Startgids bijlage 6).
ACCESSIBILITY_STATUS = declare(
    "ACCESSIBILITY_STATUS",
    "B",
    "Compliance status in the statement: A (fully) to E (no statement yet), as the register uses.",
    group="Accessibility statement",
    check=one_of("A", "B", "C", "D", "E"),
)
ACCESSIBILITY_EVALUATED_ON = declare(
    "ACCESSIBILITY_EVALUATED_ON",
    "2026-12-06",
    "Date (YYYY-MM-DD) of the last accessibility evaluation named in the statement.",
    group="Accessibility statement",
    check=_iso_date_or_empty,
)
ACCESSIBILITY_EVALUATED_BY = declare(
    "ACCESSIBILITY_EVALUATED_BY",
    "",
    "Who did that evaluation (an independent expert); empty: our own automated and keyboard tests.",
    group="Accessibility statement",
)
ACCESSIBILITY_REGISTER_URL = declare(
    "ACCESSIBILITY_REGISTER_URL",
    "https://www.toegankelijkheidsverklaring.nl/register",
    "Link to this site's entry in the national register of accessibility statements.",
    group="Accessibility statement",
)
