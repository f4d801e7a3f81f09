"""A real S3 API server on loopback for tests: moto's server (``moto_server``, from PyPI).

Start it with :func:`moto_s3_server`; point the ``documenten`` storage at it with
:func:`s3_storage_settings`."""

from __future__ import annotations

import socket
import subprocess
import sys
import time
from collections.abc import Iterator
from contextlib import contextmanager
from pathlib import Path
from typing import Any

from mijnservices.testing.processes import free_port

ACCESS_KEY = "test-access-key"
SECRET_KEY = "test-secret-key"  # noqa: S105 - moto accepts any key
REGION = "eu-west-1"


@contextmanager
def moto_s3_server() -> Iterator[str]:
    """Run ``moto_server`` on a free loopback port; yields its endpoint URL."""
    port = free_port()
    binary = Path(sys.executable).with_name("moto_server")
    process = subprocess.Popen(  # noqa: S603 - the venv's own moto_server
        [str(binary), "-H", "127.0.0.1", "-p", str(port)],
        stdout=subprocess.DEVNULL,
        stderr=subprocess.DEVNULL,
    )
    try:
        deadline = time.monotonic() + 30
        while True:
            with socket.socket() as sock:
                if sock.connect_ex(("127.0.0.1", port)) == 0:
                    break
            if process.poll() is not None or time.monotonic() > deadline:
                raise RuntimeError("moto_server did not start")
            time.sleep(0.1)
        yield f"http://127.0.0.1:{port}"
    finally:
        process.terminate()
        process.wait(timeout=10)


def s3_storage_settings(endpoint: str, bucket: str) -> dict[str, Any]:
    """A ``STORAGES["documenten"]`` entry for ``bucket`` on ``endpoint``, as the settings
    build it for DOCUMENTEN_STORAGE=s3."""
    return {
        "BACKEND": "storages.backends.s3.S3Storage",
        "OPTIONS": {
            "bucket_name": bucket,
            "location": "documenten",
            "addressing_style": "path",
            "default_acl": None,
            "querystring_auth": True,
            "file_overwrite": False,
            "endpoint_url": endpoint,
            "region_name": REGION,
            "access_key": ACCESS_KEY,
            "secret_key": SECRET_KEY,
        },
    }


def create_bucket(endpoint: str, bucket: str, *, versioned: bool = False) -> Any:
    """Create ``bucket`` and return a boto3 client for looking inside it."""
    import boto3

    client = boto3.client(
        "s3",
        endpoint_url=endpoint,
        region_name=REGION,
        aws_access_key_id=ACCESS_KEY,
        aws_secret_access_key=SECRET_KEY,
    )
    client.create_bucket(Bucket=bucket, CreateBucketConfiguration={"LocationConstraint": REGION})
    if versioned:
        client.put_bucket_versioning(Bucket=bucket, VersioningConfiguration={"Status": "Enabled"})
    return client
