"""The transactional outbox: every change records its events in the same transaction.

Workers (``mijnservices worker``) claim pending events, hand them to the registered
handlers and record a final status. The id is stable, so consumers can deduplicate.
"""

from __future__ import annotations

import uuid

from django.db import models


class OutboxStatus(models.TextChoices):
    PENDING = "pending", "pending"
    PROCESSED = "processed", "processed"
    FAILED = "failed", "failed (after retries)"


class OutboxEvent(models.Model):
    id = models.UUIDField(primary_key=True, default=uuid.uuid4, editable=False)
    # Mirrors a ZGW notificatie: kanaal + resource + actie on a hoofdObject.
    kanaal = models.CharField(max_length=50)
    resource = models.CharField(max_length=50)
    actie = models.CharField(max_length=20)
    hoofd_object = models.CharField(max_length=200, help_text="Stable key of the main object.")
    resource_id = models.CharField(max_length=200)
    kenmerken = models.JSONField(default=dict, blank=True)
    payload = models.JSONField(default=dict, blank=True)
    created_at = models.DateTimeField(db_index=True)
    status = models.CharField(
        max_length=20, choices=OutboxStatus.choices, default=OutboxStatus.PENDING
    )
    attempts = models.PositiveIntegerField(default=0)
    next_attempt_at = models.DateTimeField()
    processed_at = models.DateTimeField(null=True, blank=True)
    last_error = models.TextField(blank=True)

    class Meta:
        verbose_name = "outbox event"
        ordering = ["created_at"]
        indexes = [
            models.Index(
                fields=["next_attempt_at"],
                name="outbox_pending_idx",
                condition=models.Q(status="pending"),
            ),
            # Notification delivery asks "is an older change to this hoofdobject pending?".
            models.Index(
                fields=["hoofd_object", "status", "created_at"], name="outbox_hoofd_object_idx"
            ),
        ]

    def __str__(self) -> str:
        return f"{self.kanaal}.{self.resource}.{self.actie} {self.id}"


class WorkerHeartbeat(models.Model):
    """One row per running worker process, updated as it goes round (``core/heartbeat.py``):
    /readyz and the metrics read it; a stopped worker removes its row."""

    worker = models.CharField(max_length=200, primary_key=True, help_text="host:pid")
    started_at = models.DateTimeField()
    beat_at = models.DateTimeField(db_index=True)
    rounds = models.PositiveBigIntegerField(default=0)

    class Meta:
        verbose_name = "worker heartbeat"

    def __str__(self) -> str:
        return self.worker


class QuarantineStatus(models.TextChoices):
    PENDING = "pending", "pending (not yet scanned)"
    INFECTED = "infected", "infected (content deleted)"


class QuarantinedUpload(models.Model):
    """Content stored while the virus scanner was unreachable (``CLAMAV_WHEN_UNAVAILABLE=
    quarantine``): not served until the worker has scanned it clean (``core/quarantine.py``),
    then released to its owner and this row removed."""

    kind = models.CharField(max_length=50, help_text="Who gets the content when it is clean.")
    target_id = models.CharField(max_length=100)
    storage_alias = models.CharField(max_length=50)
    key = models.CharField(max_length=500)
    size = models.PositiveBigIntegerField()
    status = models.CharField(
        max_length=20, choices=QuarantineStatus.choices, default=QuarantineStatus.PENDING
    )
    attempts = models.PositiveIntegerField(default=0)
    next_attempt_at = models.DateTimeField()
    created_at = models.DateTimeField()
    signature = models.CharField(max_length=200, blank=True)

    class Meta:
        verbose_name = "quarantined upload"
        indexes = [models.Index(fields=["status", "next_attempt_at"], name="quarantine_due_idx")]

    def __str__(self) -> str:
        return f"{self.kind} {self.target_id} ({self.status})"


class DestinationState(models.TextChoices):
    CLOSED = "closed", "sending"
    OPEN = "open", "paused (waiting for a probe)"


class Destination(models.Model):
    """One place outbound messages go to (a subscriber's callback host, the SMTP server, the
    Notify API), with its circuit breaker (``core/delivery/breaker.py``, decision 0032): after
    ``DELIVERY_BREAKER_THRESHOLD`` failures in a row nothing is sent to it until a probe at
    ``probe_at`` succeeds; administrators see the state and can resume it by hand."""

    key = models.CharField(max_length=300, unique=True, help_text="kind:address")
    state = models.CharField(
        max_length=10, choices=DestinationState.choices, default=DestinationState.CLOSED
    )
    failures = models.PositiveIntegerField(default=0, help_text="Failures in a row.")
    opened_at = models.DateTimeField(null=True, blank=True)
    probe_at = models.DateTimeField(null=True, blank=True)
    last_error = models.CharField(max_length=300, blank=True)
    last_success_at = models.DateTimeField(null=True, blank=True)
    updated_at = models.DateTimeField(auto_now=True)

    class Meta:
        verbose_name = "delivery destination"
        ordering = ["key"]

    def __str__(self) -> str:
        return f"{self.key} ({self.state})"


class CacheGeneration(models.Model):
    """How often a kind of configuration has changed (``core/process_cache.py``): each process
    keeps what it read of that kind until this number moves."""

    name = models.CharField(max_length=50, primary_key=True)
    value = models.BigIntegerField(default=0)

    def __str__(self) -> str:
        return f"{self.name} {self.value}"
