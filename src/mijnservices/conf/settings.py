"""Django settings. Every value comes from :mod:`mijnservices.conf.env` declarations.

See ``docs/configuration.md`` (generated) for the full reference.
"""

from __future__ import annotations

import os
from pathlib import Path

import dj_database_url
from django.core.exceptions import ImproperlyConfigured
from django.utils.translation import gettext_lazy as _

from mijnservices.conf import apps as apps_conf
from mijnservices.conf import logging as logging_conf
from mijnservices.conf import login as login_conf
from mijnservices.conf.env import declare, networks, one_of, positive

PACKAGE_DIR = Path(__file__).resolve().parent.parent

# --- General -----------------------------------------------------------------
DEMO_MODE = declare(
    "DEMO_MODE",
    False,
    "Demo mode: enables the labelled demo DigiD login, the demo API client and demo data. "
    "Never enable in production.",
)
DEBUG = declare("DEBUG", False, "Django debug pages. Only for local development.")
VAR_DIR = Path(
    declare(
        "VAR_DIR", "var", "Directory for the SQLite database, uploaded files and runtime state."
    )
).resolve()
VAR_DIR.mkdir(parents=True, exist_ok=True)
SECRET_KEY = declare(
    "SECRET_KEY",
    "",
    "Secret for signing sessions and tokens. Required unless DEMO_MODE or DEBUG is on.",
    check=lambda v: None if len(v) >= 32 or not v else "must be at least 32 characters",
    secret=True,
)
if not SECRET_KEY:
    if not (DEMO_MODE or DEBUG):
        raise ImproperlyConfigured(
            "Setting SECRET_KEY is missing: set it to a random string of at least 32 characters "
            "(only DEMO_MODE or DEBUG may run without it)."
        )
    SECRET_KEY = "insecure-demo-key-only-for-demo-mode-and-debug"  # noqa: S105
ALLOWED_HOSTS = declare(
    "ALLOWED_HOSTS", ["localhost", "127.0.0.1", "[::1]"], "Comma-separated host names to serve."
)
SITE_URL = declare(
    "SITE_URL", "http://127.0.0.1:8000", "Public base URL, used in links in e-mails and API URLs."
)
ORGANISATION_NAME = declare(
    "ORGANISATION_NAME", "Gemeente Voorbeeld", "Name of the municipality shown to citizens."
)
ORGANISATION_RSIN = declare(
    "ORGANISATION_RSIN",
    "002220647",
    "RSIN of the municipality: the bronorganisatie of zaken it creates (9 digits).",
    check=lambda v: None if len(v) == 9 and v.isdigit() else "must be 9 digits",
)

# --- Database ----------------------------------------------------------------
DATABASE_URL = declare(
    "DATABASE_URL",
    "",
    "Database URL, e.g. postgres://user:pass@host/db. Empty: embedded SQLite in VAR_DIR.",
    group="Database",
)
SQLITE_PATH = declare(
    "SQLITE_PATH",
    "",
    "SQLite database file when DATABASE_URL is empty. Empty: VAR_DIR/mijnservices.sqlite3.",
    group="Database",
)
DB_CONN_MAX_AGE = declare(
    "DB_CONN_MAX_AGE", 60, "Seconds to keep PostgreSQL connections open.", group="Database"
)
DB_PREPARE_THRESHOLD = declare(
    "DB_PREPARE_THRESHOLD",
    2,
    "PostgreSQL: bind parameters on the server and prepare a query on a connection after "
    "this many runs (psycopg 3), so hot queries are planned once per connection; 0 = "
    "client-side binding, nothing prepared (for a pooler in transaction mode).",
    group="Database",
)
if DATABASE_URL:
    if not DATABASE_URL.startswith(("postgres://", "postgresql://")):
        raise ImproperlyConfigured(
            "Setting DATABASE_URL is invalid: only postgres:// or postgresql:// URLs are "
            "supported (leave it empty for the embedded SQLite database)."
        )
    DATABASES = {"default": dj_database_url.parse(DATABASE_URL, conn_max_age=DB_CONN_MAX_AGE)}
    if DB_PREPARE_THRESHOLD:
        DATABASES["default"].setdefault("OPTIONS", {}).update(
            server_side_binding=True, prepare_threshold=DB_PREPARE_THRESHOLD
        )
else:
    DATABASES = {
        "default": {
            "ENGINE": "django.db.backends.sqlite3",
            "NAME": SQLITE_PATH or str(VAR_DIR / "mijnservices.sqlite3"),
            "OPTIONS": {
                # IMMEDIATE takes the write lock at BEGIN, so concurrent writers queue on
                # the busy timeout instead of failing with "database is locked".
                "transaction_mode": "IMMEDIATE",
                "timeout": 20,
                "init_command": (
                    "PRAGMA journal_mode=WAL; PRAGMA synchronous=NORMAL; PRAGMA foreign_keys=ON;"
                ),
            },
            # Per process, so test runs started side by side do not share a file.
            "TEST": {"NAME": str(VAR_DIR / f"test-{os.getpid()}.sqlite3")},
        }
    }
DEFAULT_AUTO_FIELD = "django.db.models.BigAutoField"

# --- Applications (fixed wiring in conf/apps.py) --------------------------------
INSTALLED_APPS = apps_conf.INSTALLED_APPS
MIDDLEWARE = apps_conf.MIDDLEWARE
TEMPLATES = apps_conf.TEMPLATES
ROOT_URLCONF = "mijnservices.conf.urls"
WSGI_APPLICATION = "mijnservices.conf.wsgi.application"

# --- Internationalisation -----------------------------------------------------
LANGUAGE_CODE = "nl"
LANGUAGES = [("nl", _("Dutch")), ("en", _("English"))]
LOCALE_PATHS = [PACKAGE_DIR / "locale"]
TIME_ZONE = "Europe/Amsterdam"
USE_I18N = True
USE_TZ = True

# --- Static files --------------------------------------------------------------
STATIC_URL = "/static/"
STATIC_ROOT = VAR_DIR / "static"
# Built by the setup (frontend/: `npm run build`): the NL Design System CSS in static/nlds/.
STATICFILES_DIRS = [PACKAGE_DIR / "static"]
STATIC_ROOT.mkdir(exist_ok=True)
STORAGES = {
    "default": {"BACKEND": "django.core.files.storage.FileSystemStorage"},
    "staticfiles": {"BACKEND": "whitenoise.storage.CompressedStaticFilesStorage"},
    # "documenten" (document content): local files or object storage, see Operations below.
}
WHITENOISE_USE_FINDERS = True

# --- Sessions and security -----------------------------------------------------
SESSION_IDLE_TIMEOUT = declare(
    "SESSION_IDLE_TIMEOUT",
    900,
    "Seconds of inactivity after which a portal session ends (DigiD norm: 15 minutes).",
    group="Security",
    check=positive,
)
SESSION_COOKIE_AGE = SESSION_IDLE_TIMEOUT
SESSION_TOUCH_INTERVAL = declare(
    "SESSION_TOUCH_INTERVAL",
    60,
    "Seconds between saves of an unchanged session: its idle time restarts at most this often "
    "(0 = on every request; decision 0035).",
    group="Security",
    check=lambda v: None if v >= 0 else "must be 0 or more",
)
# core.sessions.SessionTouchMiddleware saves sessions instead (at most once a minute).
CACHE_FRESHNESS_SECONDS = declare(
    "CACHE_FRESHNESS_SECONDS",
    1.0,
    "Seconds a process goes on using the portal presentation and branding it read before it "
    "checks whether a beheerder changed them in another process (decision 0043).",
    group="Portal",
    check=lambda v: None if v >= 0 else "must be 0 or more",
)
SESSION_SAVE_EVERY_REQUEST = False
SESSION_ENGINE = "mijnservices.core.sessions"  # the database, read by a compiled query
SESSION_COOKIE_HTTPONLY = True
SESSION_COOKIE_SAMESITE = "Lax"
BEHIND_TLS = declare(
    "BEHIND_TLS",
    False,
    "The site is served over HTTPS (itself or through a TLS-terminating proxy): session and "
    "CSRF cookies only over HTTPS, and HSTS for a year. Turn on in production.",
    group="Security",
)
SESSION_COOKIE_SECURE = CSRF_COOKIE_SECURE = BEHIND_TLS
SECURE_HSTS_SECONDS = 31_536_000 if BEHIND_TLS else 0
TRUSTED_PROXIES: list[str] = declare(
    "TRUSTED_PROXIES",
    [],
    "Comma-separated networks (CIDR) of reverse proxies whose X-Forwarded-For and "
    "X-Forwarded-Proto headers are believed (for the client address in login throttling).",
    group="Security",
    check=networks,
)
if TRUSTED_PROXIES and BEHIND_TLS:
    # Only a trusted proxy's word that the client spoke HTTPS counts (see core/http.py).
    SECURE_PROXY_SSL_HEADER = ("HTTP_X_FORWARDED_PROTO", "https")
CONTENT_SECURITY_POLICY = (
    "default-src 'self'; script-src 'self'; style-src 'self'; img-src 'self' data:; "
    "font-src 'self' data:; object-src 'none'; base-uri 'self'; frame-ancestors 'none'"
)
X_FRAME_OPTIONS = "DENY"
SECURE_CONTENT_TYPE_NOSNIFF = True
SECURE_REFERRER_POLICY = "same-origin"

# --- Background worker ---------------------------------------------------------
WORKER_POLL_INTERVAL = declare(
    "WORKER_POLL_INTERVAL",
    1,
    "Seconds the worker sleeps when the outbox is empty.",
    group="Worker",
    check=positive,
)
WORKER_BATCH_SIZE = declare(
    "WORKER_BATCH_SIZE",
    100,
    "Outbox events one worker claims at a time.",
    group="Worker",
    check=positive,
)
KPI_REFRESH_INTERVAL = declare(
    "KPI_REFRESH_INTERVAL",
    300,
    "Seconds between the worker's refreshes of the KPI daily aggregates.",
    group="Worker",
    check=positive,
)
KPI_REFRESH_DAYS = declare(
    "KPI_REFRESH_DAYS",
    3,
    "Recent days whose KPI aggregates every refresh recomputes (late deliveries, imports).",
    group="Worker",
    check=positive,
)
OUTBOX_MAX_ATTEMPTS = declare(
    "OUTBOX_MAX_ATTEMPTS",
    12,
    "Attempts before an outbox event is marked failed (backoff doubles, capped at 1 hour).",
    group="Worker",
    check=positive,
)

# --- Notifications ---------------------------------------------------------------
NOTIFICATION_REQUEST_TIMEOUT = declare(
    "NOTIFICATION_REQUEST_TIMEOUT",
    10,
    "Seconds to wait for a subscriber to connect and answer one notification.",
    group="Notifications",
    check=positive,
)
NOTIFICATION_CONCURRENCY = declare(
    "NOTIFICATION_CONCURRENCY",
    16,
    "Notifications one worker process sends to one subscriber host at the same time (threads).",
    group="Notifications",
    check=positive,
)
NOTIFICATION_BATCH_SIZE = declare(
    "NOTIFICATION_BATCH_SIZE",
    200,
    "Due deliveries one worker claims at a time.",
    group="Notifications",
    check=positive,
)
NOTIFICATION_LEASE = declare(
    "NOTIFICATION_LEASE",
    300,
    "Seconds a claimed delivery stays reserved; a crashed worker's ones are retried after it.",
    group="Notifications",
    check=positive,
)
NOTIFICATION_RETRY_BASE_DELAY = declare(
    "NOTIFICATION_RETRY_BASE_DELAY",
    10,
    "Seconds before the first retry of a failed delivery; doubles per attempt, with jitter.",
    group="Notifications",
    check=positive,
)
NOTIFICATION_RETRY_MAX_DELAY = declare(
    "NOTIFICATION_RETRY_MAX_DELAY",
    3600,
    "Longest wait in seconds between two attempts of one delivery.",
    group="Notifications",
    check=positive,
)
NOTIFICATION_RETRY_WINDOW = declare(
    "NOTIFICATION_RETRY_WINDOW",
    90000,
    "Seconds after its first attempt that a delivery keeps being retried before it is failed.",
    group="Notifications",
    check=positive,
)
NOTIFICATION_RETENTION_DAYS = declare(
    "NOTIFICATION_RETENTION_DAYS",
    30,
    "Days delivered and failed deliveries (and their notificaties) are kept for the admin.",
    group="Notifications",
    check=positive,
)
NOTIFICATION_PURGE_INTERVAL = declare(
    "NOTIFICATION_PURGE_INTERVAL",
    3600,
    "Seconds between two retention purges run by the worker.",
    group="Notifications",
    check=positive,
)
NOTIFICATION_CALLBACK_ALLOWED_NETWORKS: list[str] = declare(
    "NOTIFICATION_CALLBACK_ALLOWED_NETWORKS",
    [],
    "Comma-separated networks (CIDR) callbacks may reach although private or loopback.",
    group="Notifications",
    check=networks,
)
NOTIFICATION_CALLBACK_BLOCKED_NETWORKS: list[str] = declare(
    "NOTIFICATION_CALLBACK_BLOCKED_NETWORKS",
    [],
    "Comma-separated networks (CIDR) callbacks may never reach, on top of the private ranges.",
    group="Notifications",
    check=networks,
)

# --- Web server ------------------------------------------------------------------
BIND_ADDRESS = declare(
    "BIND_ADDRESS", "127.0.0.1", "Address `mijnservices serve` listens on.", group="Web server"
)
PORT = declare("PORT", 8000, "Port for `mijnservices serve`.", group="Web server", check=positive)
WEB_CONCURRENCY = declare(
    "WEB_CONCURRENCY", 2, "Web server worker processes.", group="Web server", check=positive
)
WEB_THREADS = declare(
    "WEB_THREADS",
    1,
    "Threads per web server worker process: 1 = gunicorn's sync worker, more = its gthread "
    "worker (measured in docs/performance.md).",
    group="Web server",
    check=positive,
)
SERVER_TIMING_ALWAYS = declare(
    "SERVER_TIMING_ALWAYS",
    False,
    "Send the `Server-Timing` header (wall and CPU time) on every response, not only to "
    "authenticated callers; for benchmarks on a closed network.",
    group="Web server",
)
WEB_CONTROL_SOCKET = declare(
    "WEB_CONTROL_SOCKET",
    "",
    "gunicorn's control socket (for `gunicornc`): empty = VAR_DIR/run/gunicorn-PORT.ctl, one per "
    "instance; a path; or `off` for none.",
    group="Web server",
)

# --- Logging -------------------------------------------------------------------
LOG_LEVEL = declare(
    "LOG_LEVEL",
    "INFO",
    "Log level.",
    group="Logging",
    check=one_of("DEBUG", "INFO", "WARNING", "ERROR"),
)
LOG_FORMAT = declare(
    "LOG_FORMAT",
    "console",
    "console (readable) or json (one JSON object per line, for log shipping).",
    group="Logging",
    check=one_of("console", "json"),
)
LOGGING = logging_conf.build(level=LOG_LEVEL, fmt=LOG_FORMAT)
logging_conf.configure_structlog(fmt=LOG_FORMAT)

# --- Access ----------------------------------------------------------------------
CITIZEN_MAX_VERTROUWELIJKHEID = declare(
    "CITIZEN_MAX_VERTROUWELIJKHEID",
    "zaakvertrouwelijk",
    "Most confidential vertrouwelijkheidaanduiding of a zaak a citizen may see in the portal.",
    group="Access",
    check=one_of(
        "openbaar",
        "beperkt_openbaar",
        "intern",
        "zaakvertrouwelijk",
        "vertrouwelijk",
        "confidentieel",
        "geheim",
        "zeer_geheim",
    ),
)

# --- ZGW APIs ------------------------------------------------------------------
from mijnservices.conf.settings_api import *  # noqa: E402, F403 - groups in order

# --- Domain --------------------------------------------------------------------
STATUS_SILENCE_DAYS_DEFAULT = declare(
    "STATUS_SILENCE_DAYS_DEFAULT",
    14,
    "Days without a status change after which a zaak counts as quiet, unless its zaaktype says "
    "otherwise.",
    group="Domain",
    check=positive,
)
STATUS_MAX_FUTURE_SECONDS = declare(
    "STATUS_MAX_FUTURE_SECONDS",
    300,
    "How far (seconds) a status's datumStatusGezet may lie in the future (clock differences); "
    "later: 400 date-in-future.",
    group="Domain",
    check=lambda v: None if v >= 0 else "must be 0 or more",
)
END_DATE_PREDICTION_MIN_ZAKEN = declare(
    "END_DATE_PREDICTION_MIN_ZAKEN",
    10,
    "Closed zaken of the same zaaktype (that passed the current step) needed before MijnZaken "
    "shows a predicted end date.",
    group="Domain",
    check=positive,
)
END_DATE_PREDICTION_WINDOW = declare(
    "END_DATE_PREDICTION_WINDOW",
    200,
    "How many of the most recently closed zaken of a zaaktype the end-date prediction looks at.",
    group="Domain",
    check=positive,
)
END_DATE_PREDICTION_CACHE_SECONDS = declare(
    "END_DATE_PREDICTION_CACHE_SECONDS",
    600,
    "Seconds a web process keeps the end-date statistic of a zaaktype's step (0: per request).",
    group="Domain",
    check=lambda v: None if v >= 0 else "must be 0 or more",
)

# --- Portal login: DigiD / eHerkenning through OpenID Connect brokers (conf/login.py) ----
SESSION_WARNING_BEFORE = declare(
    "SESSION_WARNING_BEFORE",
    120,
    "Seconds before an idle portal session ends that the page warns and offers to continue.",
    group="Security",
    check=positive,
)
OIDC = login_conf.declare_oidc()

# --- Operations: readiness, metrics, object storage, virus scanning (conf/settings_operations.py)
from mijnservices.conf import settings_operations as ops_conf  # noqa: E402 - groups in order

STORAGES["documenten"] = ops_conf.documenten_storage(VAR_DIR)
METRICS_TOKEN = ops_conf.METRICS_TOKEN
READYZ_WORKER_MAX_AGE = ops_conf.READYZ_WORKER_MAX_AGE
CLAMAV_ADDRESS = ops_conf.CLAMAV_ADDRESS
CLAMAV_TIMEOUT = ops_conf.CLAMAV_TIMEOUT
CLAMAV_WHEN_UNAVAILABLE = ops_conf.CLAMAV_WHEN_UNAVAILABLE

# --- Branding and help (conf/settings_branding.py) -----------------------------------
# --- Services and integrations: more settings, declared in their own module ------------
# --- Delivery engine: breaker, leases, retention (conf/settings_delivery.py, decision 0032) --
from mijnservices.conf import settings_delivery as delivery_conf  # noqa: E402 - groups in order
from mijnservices.conf.settings_branding import *  # noqa: E402, F403
from mijnservices.conf.settings_services import *  # noqa: E402, F403

DELIVERY_BREAKER_THRESHOLD = delivery_conf.DELIVERY_BREAKER_THRESHOLD
DELIVERY_PROBE_INTERVAL = delivery_conf.DELIVERY_PROBE_INTERVAL
DELIVERY_PROBE_MAX_INTERVAL = delivery_conf.DELIVERY_PROBE_MAX_INTERVAL
DELIVERY_MESSAGE_CONCURRENCY = delivery_conf.DELIVERY_MESSAGE_CONCURRENCY
OUTBOX_RETENTION_DAYS = delivery_conf.OUTBOX_RETENTION_DAYS
NOTIFICATIONS_RETRY_WINDOW = delivery_conf.NOTIFICATIONS_RETRY_WINDOW
NOTIFICATIONS_CONTENT_RETENTION_DAYS = delivery_conf.NOTIFICATIONS_CONTENT_RETENTION_DAYS
NOTIFICATIONS_PROOF_RETENTION_DAYS = delivery_conf.NOTIFICATIONS_PROOF_RETENTION_DAYS
NOTIFICATIONS_RECEIVED_RETENTION_DAYS = delivery_conf.NOTIFICATIONS_RECEIVED_RETENTION_DAYS
PROFIEL_SEND_LEASE_SECONDS = delivery_conf.PROFIEL_SEND_LEASE_SECONDS
