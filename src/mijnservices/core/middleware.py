"""Cross-cutting HTTP middleware."""

from __future__ import annotations

import time
from collections.abc import Callable

from django.http import HttpRequest, HttpResponse

from mijnservices.core import metrics


class ServerTimingMiddleware:
    """Adds ``Server-Timing: app;dur=<ms>`` so load tests and browsers see server time, and
    records the same time in the request latency metric when metrics are on."""

    def __init__(self, get_response: Callable[[HttpRequest], HttpResponse]) -> None:
        self.get_response = get_response
        self.measure = metrics.enabled()

    def __call__(self, request: HttpRequest) -> HttpResponse:
        started = time.perf_counter()
        response = self.get_response(request)
        elapsed = time.perf_counter() - started
        response["Server-Timing"] = f"app;dur={elapsed * 1000:.1f}"
        if self.measure:
            metrics.observe_request(request, response, elapsed)
        return response
