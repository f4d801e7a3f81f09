"""Metrics read at scrape time: citizen notifications per channel and Notify-like state."""

from __future__ import annotations

from collections.abc import Iterable

from django.db.models import Count
from prometheus_client.core import GaugeMetricFamily, Metric

from mijnservices.services.notifications.models import Notification


def notifications() -> Iterable[Metric]:
    family = GaugeMetricFamily(
        "mijnservices_citizen_notifications",
        "Citizen notifications kept, per channel (email, sms) and state.",
        labels=["kanaal", "status"],
    )
    rows = Notification.objects.values_list("kanaal", "status").annotate(n=Count("id"))
    for kanaal, status, count in rows.order_by():
        family.add_metric([kanaal, status], count)
    yield family
