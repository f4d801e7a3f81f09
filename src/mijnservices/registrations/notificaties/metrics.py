"""Metrics read at scrape time: notificatie deliveries per abonnement (destination) and state."""

from __future__ import annotations

from collections.abc import Iterable

from django.db.models import Count
from prometheus_client.core import GaugeMetricFamily, Metric

from mijnservices.registrations.notificaties.models import Delivery


def deliveries() -> Iterable[Metric]:
    family = GaugeMetricFamily(
        "mijnservices_notificatie_deliveries",
        "Notificatie deliveries kept (see NOTIFICATION_RETENTION_DAYS), per abonnement and state.",
        labels=["abonnement", "status"],
    )
    rows = Delivery.objects.values_list("abonnement__uuid", "status").annotate(n=Count("id"))
    for abonnement, status, count in rows.order_by():
        family.add_metric([str(abonnement), status], count)
    yield family
