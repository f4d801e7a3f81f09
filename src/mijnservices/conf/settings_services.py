"""Settings of the services, integrations and employee pages (the second half of
:mod:`mijnservices.conf.settings`, which imports everything from here; split to keep both
files small). Add a new block here, declared with :func:`~mijnservices.conf.env.declare`."""

from __future__ import annotations

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
    8025,
    "DEMO_MODE only: port of the local mail catcher that `mijnservices run` starts; e-mail sent "
    "to 127.0.0.1 on this port is shown at /demo/mail/. 0: do not start it.",
    group="Demo",
)

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
EMPLOYEE_LOGIN_FAILURE_WINDOW = declare(
    "EMPLOYEE_LOGIN_FAILURE_WINDOW", 900, "Seconds over which failed employee logins are "
    "counted (and how long the block lasts).", group="Security", check=positive,
)  # fmt: skip
EMPLOYEE_OTP_ISSUER = declare(
    "EMPLOYEE_OTP_ISSUER", "MijnServices",
    "Name an authenticator app shows for the employees' two-factor codes.", group="Security",
)  # fmt: skip
