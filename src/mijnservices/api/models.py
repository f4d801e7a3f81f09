"""What the API foundation stores itself: answers to idempotent writes."""

from __future__ import annotations

from django.db import models


class IdempotentRequest(models.Model):
    """One write sent with an ``Idempotency-Key``: its body's hash and, once answered, the
    answer to replay. Kept ``IDEMPOTENCY_KEY_TTL`` seconds, then purged by the worker."""

    client_id = models.CharField(max_length=255)
    key = models.CharField(max_length=255)
    request_hash = models.CharField(max_length=64)
    created_at = models.DateTimeField(db_index=True)
    # Empty until the first request has its answer (another one with the key waits: 409).
    status_code = models.PositiveSmallIntegerField(null=True, blank=True)
    content_type = models.CharField(max_length=100, blank=True)
    headers = models.JSONField(default=dict, blank=True)
    content = models.BinaryField(blank=True, default=b"")

    class Meta:
        constraints = [
            models.UniqueConstraint(fields=["client_id", "key"], name="idempotency_client_key")
        ]

    def __str__(self) -> str:
        return f"{self.client_id}: {self.key}"
