"""Notificaties (ZGW Notificaties API 1.0.1) and their delivery to each abonnement.

A :class:`Notificatie` keeps the stable id of the outbox event it came from. Each matching
abonnement gets a :class:`Delivery` that the worker sends at least once, in order per
(abonnement, hoofdobject), and that ends *delivered* or *failed* (after retries).
"""

from __future__ import annotations

import uuid

from django.db import models


class Kanaal(models.Model):
    uuid = models.UUIDField(default=uuid.uuid4, unique=True, editable=False)
    naam = models.CharField(max_length=50, unique=True)
    documentatie_link = models.URLField(max_length=200, blank=True)
    filters = models.JSONField(
        default=list, blank=True, help_text="Kenmerken an abonnement can filter on."
    )

    class Meta:
        verbose_name_plural = "kanalen"
        ordering = ["naam"]

    def __str__(self) -> str:
        return self.naam


class Abonnement(models.Model):
    uuid = models.UUIDField(default=uuid.uuid4, unique=True, editable=False)
    callback_url = models.URLField(max_length=1000)
    # Sent as the Authorization header; write-only: never shown in the admin or an API.
    auth = models.CharField(max_length=1000, blank=True)
    client_id = models.CharField(
        max_length=255, blank=True, help_text="The API client that owns this abonnement."
    )
    allow_private_network = models.BooleanField(
        default=False,
        help_text="Allow a callback on a private or loopback address. Administrators only.",
    )
    created_at = models.DateTimeField(auto_now_add=True)

    class Meta:
        verbose_name_plural = "abonnementen"
        ordering = ["-created_at"]

    def __str__(self) -> str:
        return self.callback_url


class AbonnementKanaal(models.Model):
    """One kanaal of an abonnement, with the kenmerken filters (the API's ``FilterGroup``)."""

    abonnement = models.ForeignKey(Abonnement, on_delete=models.CASCADE, related_name="kanalen")
    kanaal = models.ForeignKey(Kanaal, on_delete=models.PROTECT, related_name="abonnementen")
    filters = models.JSONField(default=dict, blank=True)

    class Meta:
        verbose_name = "kanaal of an abonnement"
        constraints = [
            models.UniqueConstraint(fields=["abonnement", "kanaal"], name="abonnement_kanaal_uniq")
        ]

    def __str__(self) -> str:
        return f"{self.abonnement} ← {self.kanaal}"


class Notificatie(models.Model):
    # The outbox event's id: stable across retries and redeliveries, so receivers deduplicate.
    id = models.UUIDField(primary_key=True, default=uuid.uuid4, editable=False)
    # The kanaal's naam, as in the message (no foreign key: publishing needs no lookup).
    kanaal = models.CharField(max_length=50, db_index=True)
    hoofd_object = models.URLField(max_length=1000)
    resource = models.CharField(max_length=100)
    resource_url = models.URLField(max_length=1000)
    actie = models.CharField(max_length=100)
    aanmaakdatum = models.DateTimeField(db_index=True)
    kenmerken = models.JSONField(default=dict, blank=True)

    class Meta:
        verbose_name_plural = "notificaties"
        ordering = ["aanmaakdatum"]

    def __str__(self) -> str:
        return f"{self.kanaal}.{self.resource}.{self.actie} {self.id}"

    def message(self) -> dict[str, object]:
        """The body the Notificaties API sends to a subscriber (camelCase keys)."""
        return {
            "kanaal": self.kanaal,
            "hoofdObject": self.hoofd_object,
            "resource": self.resource,
            "resourceUrl": self.resource_url,
            "actie": self.actie,
            "aanmaakdatum": self.aanmaakdatum.isoformat().replace("+00:00", "Z"),
            "kenmerken": {k: str(v) for k, v in self.kenmerken.items()},
        }


class DeliveryStatus(models.TextChoices):
    PENDING = "pending", "pending"
    DELIVERED = "delivered", "delivered"
    FAILED = "failed", "failed (after retries)"


class Delivery(models.Model):
    notificatie = models.ForeignKey(
        Notificatie, on_delete=models.CASCADE, related_name="deliveries"
    )
    abonnement = models.ForeignKey(Abonnement, on_delete=models.CASCADE, related_name="deliveries")
    # Order is kept per (abonnement, order_key): the outbox event's hoofd_object key.
    order_key = models.CharField(max_length=1000)
    created_at = models.DateTimeField(help_text="When the change was recorded (the order).")
    status = models.CharField(
        max_length=20, choices=DeliveryStatus.choices, default=DeliveryStatus.PENDING
    )
    attempts = models.PositiveIntegerField(default=0)
    next_attempt_at = models.DateTimeField()
    claimed_until = models.DateTimeField(null=True, blank=True)
    claim = models.UUIDField(null=True, blank=True, editable=False)
    first_attempt_at = models.DateTimeField(null=True, blank=True)
    delivered_at = models.DateTimeField(null=True, blank=True)
    failed_at = models.DateTimeField(null=True, blank=True)
    last_status_code = models.PositiveIntegerField(null=True, blank=True)
    last_error = models.TextField(blank=True)

    class Meta:
        verbose_name_plural = "deliveries"
        ordering = ["-created_at", "-id"]
        # Not partial: SQLite cannot use a partial index for a condition passed as a parameter.
        indexes = [
            # The claim: due pending deliveries.
            models.Index(fields=["status", "next_attempt_at"], name="delivery_due_idx"),
            # The order check: an older pending delivery for the same (abonnement, hoofdobject).
            models.Index(
                fields=["abonnement", "order_key", "status", "created_at"],
                name="delivery_pair_idx",
            ),
            models.Index(fields=["status", "delivered_at"], name="delivery_purge_idx"),
        ]

    def __str__(self) -> str:
        return f"{self.notificatie_id} → {self.abonnement_id} ({self.status})"
