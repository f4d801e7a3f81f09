"""The demo payment provider's own ledger: what the "bank" knows. Our side of a payment is
``taken.Betaling``; verification reads this table server-side, never the browser's word."""

from __future__ import annotations

import uuid

from django.db import models


class DemoPayment(models.Model):
    class Status(models.TextChoices):
        OPEN = "open", "Open"
        PAID = "paid", "Paid"
        CANCELLED = "cancelled", "Cancelled"

    payment_id = models.CharField(max_length=64, unique=True, default=uuid.uuid4)
    amount = models.DecimalField(max_digits=12, decimal_places=2)
    description = models.CharField(max_length=80)
    return_url = models.CharField(max_length=1000)
    status = models.CharField(max_length=10, choices=Status.choices, default=Status.OPEN)
    created_at = models.DateTimeField(auto_now_add=True)

    class Meta:
        verbose_name = "demo payment"
        verbose_name_plural = "demo payments"

    def __str__(self) -> str:
        return self.payment_id
