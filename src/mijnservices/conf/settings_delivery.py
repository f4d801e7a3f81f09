"""Settings of the one delivery engine (``core/delivery``, decision 0032): leases, the
per-destination circuit breaker and concurrency, and how long delivery records are kept.
Imported by name from :mod:`mijnservices.conf.settings`."""

from __future__ import annotations

from mijnservices.conf.env import declare, positive

DELIVERY_BREAKER_THRESHOLD = declare(
    "DELIVERY_BREAKER_THRESHOLD",
    3,
    "Failures in a row after which a destination (subscriber host, SMTP server, Notify API) "
    "is paused: nothing is sent to it until a probe succeeds.",
    group="Delivery",
    check=positive,
)
DELIVERY_PROBE_INTERVAL = declare(
    "DELIVERY_PROBE_INTERVAL",
    5,
    "Seconds after a destination is paused before one message probes it (later: half the outage).",
    group="Delivery",
    check=positive,
)
DELIVERY_PROBE_MAX_INTERVAL = declare(
    "DELIVERY_PROBE_MAX_INTERVAL",
    20,
    "Longest wait in seconds between two probes of a paused destination.",
    group="Delivery",
    check=positive,
)
DELIVERY_MESSAGE_CONCURRENCY = declare(
    "DELIVERY_MESSAGE_CONCURRENCY",
    1,
    "Messages one worker sends at the same time to one e-mail/SMS destination (the SMTP server, "
    "the Notify API), in that destination's own lane; a killed worker sends at most this many "
    "again.",
    group="Delivery",
    check=positive,
)
OUTBOX_RETENTION_DAYS = declare(
    "OUTBOX_RETENTION_DAYS",
    30,
    "Days processed and failed outbox events are kept before the worker deletes them.",
    group="Delivery",
    check=positive,
)
NOTIFICATIONS_RETRY_WINDOW = declare(
    "NOTIFICATIONS_RETRY_WINDOW",
    90000,
    "Seconds after its first attempt that a citizen notification keeps being retried before "
    "it ends as technical-failure.",
    group="Delivery",
    check=positive,
)
NOTIFICATIONS_CONTENT_RETENTION_DAYS = declare(
    "NOTIFICATIONS_CONTENT_RETENTION_DAYS",
    90,
    "Days the address and text of a finished citizen notification are kept; after that only "
    "the proof of sending (hash, times, provider reference) remains.",
    group="Delivery",
    check=positive,
)
NOTIFICATIONS_RECEIVED_RETENTION_DAYS = declare(
    "NOTIFICATIONS_RECEIVED_RETENTION_DAYS",
    30,
    "Days a notificatie received from an external source is kept after it was handled (or "
    "failed); a repeat of it after that is handled again.",
    group="Delivery",
    check=positive,
)
NOTIFICATIONS_PROOF_RETENTION_DAYS = declare(
    "NOTIFICATIONS_PROOF_RETENTION_DAYS",
    2555,
    "Days the proof of sending of a citizen notification is kept before the row is deleted.",
    group="Delivery",
    check=positive,
)
PROFIEL_SEND_LEASE_SECONDS = declare(
    "PROFIEL_SEND_LEASE_SECONDS",
    60,
    "Seconds a verification message being sent stays reserved for one worker.",
    group="Delivery",
    check=positive,
)
