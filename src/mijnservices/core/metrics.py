"""Prometheus metrics for ``/metrics`` (decision 0030), with the official client library.

Two kinds, kept apart on purpose:

- **Request latency** is measured in the web processes. ``mijnservices serve`` runs several
  gunicorn workers, so it switches prometheus-client to its multiprocess mode with one
  directory per instance (``VAR_DIR/metrics/gunicorn-PORT``, emptied at start); a scrape
  answered by any worker then adds up all of them.
- **State** (outbox backlog, deliveries per state, worker heartbeats) is read from the
  database at scrape time by collectors, so every node reports the same, shared truth and
  nothing has to be kept in step between processes. Apps add collectors with
  :func:`register_collector`.

Nothing is measured until ``METRICS_TOKEN`` is set.
"""

from __future__ import annotations

import os
import shutil
from collections.abc import Callable, Iterable
from functools import cache
from pathlib import Path

from django.conf import settings
from django.db.models import Count, Min
from django.http import HttpRequest, HttpResponse
from django.utils import timezone
from prometheus_client import CollectorRegistry, Histogram, generate_latest, values
from prometheus_client.core import GaugeMetricFamily, Metric
from prometheus_client.multiprocess import MultiProcessCollector
from prometheus_client.registry import Collector

from mijnservices.core.models import OutboxEvent, OutboxStatus, WorkerHeartbeat

MULTIPROC_ENV = "PROMETHEUS_MULTIPROC_DIR"
CONTENT_TYPE = "text/plain; version=0.0.4; charset=utf-8"
_COLLECTORS: list[Callable[[], Iterable[Metric]]] = []


def enabled() -> bool:
    return bool(settings.METRICS_TOKEN)


def register_collector(collect: Callable[[], Iterable[Metric]]) -> None:
    """Add metrics read at scrape time (called from an AppConfig.ready)."""
    if collect not in _COLLECTORS:
        _COLLECTORS.append(collect)


def use_multiprocess_dir(path: Path) -> None:
    """Before gunicorn forks its workers: give this instance an empty metrics directory."""
    shutil.rmtree(path, ignore_errors=True)
    path.mkdir(parents=True)
    os.environ[MULTIPROC_ENV] = str(path)
    # The client picks its value store when imported; metrics made from now on use files.
    values.ValueClass = values.get_value_class()


@cache
def request_latency() -> Histogram:
    return Histogram(
        "mijnservices_http_request_duration_seconds",
        "Time to answer an HTTP request, per route name, method and status class.",
        ["route", "method", "status"],
        registry=None,
        buckets=(0.005, 0.01, 0.025, 0.05, 0.1, 0.25, 0.5, 1, 2.5, 5, 10),
    )


def observe_request(request: HttpRequest, response: HttpResponse, seconds: float) -> None:
    match = getattr(request, "resolver_match", None)
    # Route names, never paths: a path holds identifiers and would grow without bound.
    route = (match.view_name if match else "") or "unmatched"
    status = f"{response.status_code // 100}xx"
    request_latency().labels(route, request.method or "", status).observe(seconds)


def _outbox() -> Iterable[Metric]:
    now = timezone.now()
    pending = OutboxEvent.objects.filter(status=OutboxStatus.PENDING)
    counts = dict(
        OutboxEvent.objects.values_list("status").annotate(n=Count("id")).values_list("status", "n")
    )
    by_status = GaugeMetricFamily(
        "mijnservices_outbox_events", "Outbox events per status.", labels=["status"]
    )
    for status in OutboxStatus.values:
        by_status.add_metric([status], counts.get(status, 0))
    yield by_status
    oldest = pending.filter(next_attempt_at__lte=now).aggregate(oldest=Min("created_at"))["oldest"]
    yield GaugeMetricFamily(
        "mijnservices_outbox_oldest_due_age_seconds",
        "Age of the oldest outbox event that is due and not yet handled (0: none).",
        value=(now - oldest).total_seconds() if oldest else 0.0,
    )


def _heartbeats() -> Iterable[Metric]:
    now = timezone.now()
    ages = GaugeMetricFamily(
        "mijnservices_worker_heartbeat_age_seconds",
        "Seconds since each worker process last reported.",
        labels=["worker"],
    )
    rows = list(WorkerHeartbeat.objects.values_list("worker", "beat_at"))
    for worker, beat_at in rows:
        ages.add_metric([worker], (now - beat_at).total_seconds())
    yield ages
    limit = int(settings.READYZ_WORKER_MAX_AGE) or 120
    yield GaugeMetricFamily(
        "mijnservices_workers_alive",
        "Worker processes that reported within READYZ_WORKER_MAX_AGE seconds.",
        value=sum(1 for _, beat_at in rows if (now - beat_at).total_seconds() <= limit),
    )


class _Database(Collector):
    def collect(self) -> Iterable[Metric]:
        yield from _outbox()
        yield from _heartbeats()
        for collect in _COLLECTORS:
            yield from collect()


def render() -> bytes:
    registry = CollectorRegistry()
    if os.environ.get(MULTIPROC_ENV):
        MultiProcessCollector(registry)
    else:
        registry.register(request_latency())
    registry.register(_Database())
    return generate_latest(registry)
