"""Cross-cutting HTTP middleware."""

from __future__ import annotations

import time
from collections.abc import Callable

from django.conf import settings
from django.http import HttpRequest, HttpResponse

from mijnservices.core import metrics


class ServerTimingMiddleware:
    """Adds ``Server-Timing: app;dur=<ms>, cpu;dur=<ms>`` (wall time, and the CPU time this
    request's thread spent in the web process) so load tests and browsers see server time,
    and records the wall time in the request latency metric when metrics are on.

    The header only for an authenticated caller (a logged-in Django user such as an employee,
    or an API client), unless ``SERVER_TIMING_ALWAYS`` (benchmarks): timings tell an anonymous
    prober which guesses (a user name, a token) made the server work. The metric is behind its
    own token."""

    def __init__(self, get_response: Callable[[HttpRequest], HttpResponse]) -> None:
        self.get_response = get_response
        self.measure = metrics.enabled()

    def __call__(self, request: HttpRequest) -> HttpResponse:
        started, cpu_started = time.perf_counter(), time.thread_time()
        response = self.get_response(request)
        elapsed = time.perf_counter() - started
        user = getattr(request, "user", None)
        if settings.SERVER_TIMING_ALWAYS or (user is not None and user.is_authenticated):
            cpu = time.thread_time() - cpu_started
            response["Server-Timing"] = f"app;dur={elapsed * 1000:.1f}, cpu;dur={cpu * 1000:.2f}"
        if self.measure:
            metrics.observe_request(request, response, elapsed)
        return response


class ContentSecurityPolicyMiddleware:
    """``Content-Security-Policy`` from the setting on every response that has none: our pages
    load scripts and styles from our own origin only (no inline script anywhere)."""

    def __init__(self, get_response: Callable[[HttpRequest], HttpResponse]) -> None:
        self.get_response = get_response

    def __call__(self, request: HttpRequest) -> HttpResponse:
        response = self.get_response(request)
        if settings.CONTENT_SECURITY_POLICY and not response.has_header("Content-Security-Policy"):
            response["Content-Security-Policy"] = settings.CONTENT_SECURITY_POLICY
        return response
