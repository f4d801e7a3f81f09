"""The operations settings build the document storage: local by default, S3 when asked."""

from __future__ import annotations

from pathlib import Path

import pytest
from django.core.exceptions import ImproperlyConfigured

from mijnservices.conf import settings_operations as ops


def test_document_content_is_on_the_local_disk_by_default():
    assert ops.documenten_storage(Path("/srv/var")) == {
        "BACKEND": "django.core.files.storage.FileSystemStorage",
        "OPTIONS": {"location": "/srv/var/documenten"},
    }


def test_s3_storage_needs_a_bucket_and_passes_only_what_is_set(monkeypatch):
    monkeypatch.setattr(ops, "DOCUMENTEN_STORAGE", "s3")
    with pytest.raises(ImproperlyConfigured, match="DOCUMENTEN_S3_BUCKET"):
        ops.documenten_storage(Path("/srv/var"))
    monkeypatch.setattr(ops, "DOCUMENTEN_S3_BUCKET", "gemeente-documenten")
    monkeypatch.setattr(ops, "DOCUMENTEN_S3_ENDPOINT_URL", "https://objects.example")
    storage = ops.documenten_storage(Path("/srv/var"))
    assert storage["BACKEND"] == "storages.backends.s3.S3Storage"
    options = storage["OPTIONS"]
    assert options["bucket_name"] == "gemeente-documenten"
    assert options["endpoint_url"] == "https://objects.example"
    assert options["default_acl"] is None and options["file_overwrite"] is False
    assert "access_key" not in options, "empty credentials leave the AWS chain to boto3"
