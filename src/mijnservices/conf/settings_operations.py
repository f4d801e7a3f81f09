"""Settings for running MijnServices in production (decision 0030): readiness, metrics,
where document content lives, and virus scanning of uploads. Imported by name from
:mod:`mijnservices.conf.settings`. Everything here is off (or local) until configured."""

from __future__ import annotations

from pathlib import Path
from typing import Any

from django.core.exceptions import ImproperlyConfigured

from mijnservices.conf.env import declare, one_of, positive

# --- Health, readiness and metrics ------------------------------------------------------
METRICS_TOKEN = declare(
    "METRICS_TOKEN",
    "",
    "Bearer token Prometheus must send to /metrics; empty: /metrics answers 404.",
    group="Operations",
    check=lambda v: None if len(v) >= 16 or not v else "must be at least 16 characters",
    secret=True,
)
READYZ_WORKER_MAX_AGE = declare(
    "READYZ_WORKER_MAX_AGE",
    120,
    "Seconds since the newest worker heartbeat after which /readyz answers 503; 0: not checked.",
    group="Operations",
    check=lambda v: None if v >= 0 else "must be 0 or more",
)

# --- Document content: local disk (default) or S3-compatible object storage -------------------
DOCUMENTEN_STORAGE = declare(
    "DOCUMENTEN_STORAGE",
    "local",
    "Where document content lives: `local` (files under VAR_DIR/documenten, one node only) or "
    "`s3` (S3-compatible object storage, for several nodes).",
    group="Document storage",
    check=one_of("local", "s3"),
)
DOCUMENTEN_S3_BUCKET = declare(
    "DOCUMENTEN_S3_BUCKET", "", "Bucket for document content (required for `s3`).",
    group="Document storage",
)  # fmt: skip
DOCUMENTEN_S3_PREFIX = declare(
    "DOCUMENTEN_S3_PREFIX", "documenten", "Key prefix inside the bucket.",
    group="Document storage",
)  # fmt: skip
DOCUMENTEN_S3_ENDPOINT_URL = declare(
    "DOCUMENTEN_S3_ENDPOINT_URL",
    "",
    "URL of the S3-compatible service (MinIO, Ceph, a cloud's object storage); empty: AWS.",
    group="Document storage",
)
DOCUMENTEN_S3_REGION = declare(
    "DOCUMENTEN_S3_REGION", "", "Region name of the object storage (empty: the client's default).",
    group="Document storage",
)  # fmt: skip
DOCUMENTEN_S3_ACCESS_KEY_ID = declare(
    "DOCUMENTEN_S3_ACCESS_KEY_ID",
    "",
    "Access key id (empty: the usual AWS credential chain, e.g. a role).",
    group="Document storage",
    secret=True,
)
DOCUMENTEN_S3_SECRET_ACCESS_KEY = declare(
    "DOCUMENTEN_S3_SECRET_ACCESS_KEY", "", "Secret access key.",
    group="Document storage", secret=True,
)  # fmt: skip
DOCUMENTEN_S3_ADDRESSING_STYLE = declare(
    "DOCUMENTEN_S3_ADDRESSING_STYLE",
    "path",
    "`path` (bucket in the path, what most S3-compatible services expect) or `virtual`.",
    group="Document storage",
    check=one_of("path", "virtual"),
)


def documenten_storage(var_dir: Path) -> dict[str, Any]:
    """The ``STORAGES["documenten"]`` entry for the settings above."""
    if DOCUMENTEN_STORAGE == "local":
        return {
            "BACKEND": "django.core.files.storage.FileSystemStorage",
            "OPTIONS": {"location": str(var_dir / "documenten")},
        }
    if not DOCUMENTEN_S3_BUCKET:
        raise ImproperlyConfigured(
            "Setting DOCUMENTEN_S3_BUCKET is missing: it is required when DOCUMENTEN_STORAGE=s3."
        )
    options: dict[str, Any] = {
        "bucket_name": DOCUMENTEN_S3_BUCKET,
        "location": DOCUMENTEN_S3_PREFIX,
        "addressing_style": DOCUMENTEN_S3_ADDRESSING_STYLE,
        # Document content is never public: no ACLs, signed URLs only, no overwrites.
        "default_acl": None,
        "querystring_auth": True,
        "file_overwrite": False,
    }
    optional = {
        "endpoint_url": DOCUMENTEN_S3_ENDPOINT_URL,
        "region_name": DOCUMENTEN_S3_REGION,
        "access_key": DOCUMENTEN_S3_ACCESS_KEY_ID,
        "secret_key": DOCUMENTEN_S3_SECRET_ACCESS_KEY,
    }
    options.update({key: value for key, value in optional.items() if value})
    return {"BACKEND": "storages.backends.s3.S3Storage", "OPTIONS": options}


# --- Virus scanning (ClamAV's clamd) ------------------------------------------------------------
CLAMAV_ADDRESS = declare(
    "CLAMAV_ADDRESS",
    "",
    "clamd to scan every upload with: a Unix socket path or host:port; empty: not scanned.",
    group="Virus scanning",
)
CLAMAV_TIMEOUT = declare(
    "CLAMAV_TIMEOUT", 30, "Seconds to wait for clamd's verdict on one file.",
    group="Virus scanning", check=positive,
)  # fmt: skip
CLAMAV_WHEN_UNAVAILABLE = declare(
    "CLAMAV_WHEN_UNAVAILABLE",
    "refuse",
    "When clamd cannot be reached: `refuse` the upload (fail closed) or `quarantine` it (kept "
    "without being served until the worker has scanned it clean).",
    group="Virus scanning",
    check=one_of("refuse", "quarantine"),
)
