"""Probes and metrics for load balancers, orchestrators and Prometheus (decision 0030).

Public on purpose (no login, no session, no personal data, not logged as reads): ``/healthz``
answers while the process can serve at all; ``/readyz`` names each readiness check and answers
503 while one fails; ``/metrics`` needs the ``METRICS_TOKEN`` bearer token and is 404 without
one configured."""

from __future__ import annotations

import hmac

from django.conf import settings
from django.http import Http404, HttpRequest, HttpResponse, JsonResponse
from django.views.decorators.cache import never_cache
from django.views.decorators.csrf import csrf_exempt
from django.views.decorators.http import require_GET

from mijnservices.core import health, metrics


@csrf_exempt
@never_cache
@require_GET
def healthz(request: HttpRequest) -> JsonResponse:
    return JsonResponse({"status": "ok"})


@csrf_exempt
@never_cache
@require_GET
def readyz(request: HttpRequest) -> JsonResponse:
    results = health.readiness()
    ready = all(result.ok for result in results.values())
    body = {
        "status": "ready" if ready else "not ready",
        "checks": {
            name: {"ok": result.ok, **({"detail": result.detail} if result.detail else {})}
            for name, result in results.items()
        },
    }
    return JsonResponse(body, status=200 if ready else 503)


@csrf_exempt
@never_cache
@require_GET
def prometheus_metrics(request: HttpRequest) -> HttpResponse:
    token = str(settings.METRICS_TOKEN)
    if not token:
        raise Http404
    sent = request.headers.get("Authorization", "")
    if not hmac.compare_digest(sent.encode(), f"Bearer {token}".encode()):
        response = HttpResponse("A valid bearer token is required.\n", status=401)
        response["WWW-Authenticate"] = 'Bearer realm="metrics"'
        return response
    return HttpResponse(metrics.render(), content_type=metrics.CONTENT_TYPE)
