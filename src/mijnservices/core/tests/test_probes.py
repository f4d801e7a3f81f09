"""/healthz, /readyz and /metrics: public probes without data, metrics behind a token."""

from __future__ import annotations

from datetime import timedelta

import pytest
from django.db import transaction
from django.utils import timezone

from mijnservices.core import outbox
from mijnservices.core.heartbeat import Heartbeat
from mijnservices.core.models import WorkerHeartbeat
from mijnservices.registrations.verwerkingen.models import Verwerkingsactie

TOKEN = "metrics-token-for-tests-0123456789"


def _beat(age_seconds: float = 0) -> None:
    now = timezone.now()
    WorkerHeartbeat.objects.create(
        worker="node-1:42", started_at=now, beat_at=now - timedelta(seconds=age_seconds)
    )


@pytest.mark.django_db
def test_healthz_answers_without_login_and_without_data(client):
    response = client.get("/healthz")
    assert response.status_code == 200
    assert response.json() == {"status": "ok"}
    assert "no-cache" in response["Cache-Control"]
    assert "sessionid" not in response.cookies


@pytest.mark.django_db
def test_readyz_names_each_check_and_is_ready_with_a_recent_worker(client):
    _beat(age_seconds=3)
    response = client.get("/readyz")
    assert response.status_code == 200, response.json()
    body = response.json()
    assert body["status"] == "ready"
    assert set(body["checks"]) == {"database", "migrations", "storage", "worker"}
    assert all(check["ok"] for check in body["checks"].values())


@pytest.mark.django_db
def test_readyz_is_503_without_a_recent_worker_heartbeat(client, settings):
    settings.READYZ_WORKER_MAX_AGE = 60
    assert client.get("/readyz").json()["checks"]["worker"] == {
        "ok": False,
        "detail": "no worker has reported",
    }
    _beat(age_seconds=300)
    response = client.get("/readyz")
    assert response.status_code == 503
    assert response.json()["status"] == "not ready"
    assert response.json()["checks"]["worker"]["detail"] == "newest heartbeat is 300s old"
    settings.READYZ_WORKER_MAX_AGE = 0
    assert client.get("/readyz").status_code == 200


@pytest.mark.django_db
def test_probes_are_not_logged_as_personal_data_reads(client):
    _beat()
    for path in ("/healthz", "/readyz", "/metrics"):
        client.get(path)
    assert Verwerkingsactie.objects.count() == 0


@pytest.mark.django_db
def test_worker_heartbeat_is_written_while_running_and_removed_on_stop():
    heartbeat = Heartbeat("host:1")
    heartbeat.beat()
    row = WorkerHeartbeat.objects.get(worker="host:1")
    heartbeat.beat()  # within a second: counted, not written
    assert heartbeat.rounds == 2
    assert WorkerHeartbeat.objects.get(worker="host:1").beat_at == row.beat_at
    heartbeat.stop()
    assert not WorkerHeartbeat.objects.filter(worker="host:1").exists()


@pytest.mark.django_db
def test_metrics_are_404_until_a_token_is_configured_and_need_it(client, settings):
    settings.METRICS_TOKEN = ""
    assert client.get("/metrics").status_code == 404
    settings.METRICS_TOKEN = TOKEN
    assert client.get("/metrics").status_code == 401
    assert client.get("/metrics", HTTP_AUTHORIZATION="Bearer wrong").status_code == 401


@pytest.mark.django_db
def test_metrics_show_outbox_backlog_heartbeats_deliveries_and_request_latency(client, settings):
    settings.METRICS_TOKEN = TOKEN
    from mijnservices.core import metrics

    _beat(age_seconds=2)
    with transaction.atomic():
        for n in range(3):
            outbox.event_record(
                kanaal="zaken", resource="zaak", actie="create", hoofd_object=f"z{n}",
                resource_id=f"z{n}",
            )  # fmt: skip
    # The middleware measures when metrics were on at start-up; observe as it would.
    response = client.get("/healthz")
    metrics.observe_request(response.wsgi_request, response, 0.01)

    text = client.get("/metrics", HTTP_AUTHORIZATION=f"Bearer {TOKEN}").content.decode()
    assert 'mijnservices_outbox_events{status="pending"} 3.0' in text
    assert "mijnservices_outbox_oldest_due_age_seconds " in text
    assert 'mijnservices_worker_heartbeat_age_seconds{worker="node-1:42"}' in text
    assert "mijnservices_workers_alive 1.0" in text
    assert "# TYPE mijnservices_notificatie_deliveries gauge" in text
    assert "# TYPE mijnservices_citizen_notifications gauge" in text
    assert (
        'mijnservices_http_request_duration_seconds_count{method="GET",route="ops:healthz",'
        'status="2xx"}'
    ) in text
