from __future__ import annotations

from collections.abc import Iterator

import pytest

from mijnservices.registrations.notificaties import services
from mijnservices.registrations.notificaties.models import Abonnement
from mijnservices.testing.subscriber import Subscriber


@pytest.fixture(autouse=True)
def _standard_kanalen(request: pytest.FixtureRequest) -> None:
    """The kanalen a data migration seeds; a transactional test elsewhere flushes the
    database, so tests that need them seed them again (idempotent)."""
    marker = request.node.get_closest_marker("django_db")
    if marker is not None and not marker.kwargs.get("transaction"):
        request.getfixturevalue("db")
        services.kanalen_seed()


@pytest.fixture
def allow_loopback(settings):
    settings.NOTIFICATION_CALLBACK_ALLOWED_NETWORKS = ["127.0.0.1/32"]


@pytest.fixture
def subscriber(allow_loopback) -> Iterator[Subscriber]:
    with Subscriber() as running:
        yield running


@pytest.fixture
def subscribe(allow_loopback):
    """Make an abonnement on one kanaal (the standard kanalen are seeded first)."""

    def make(
        url: str, *, kanaal: str = "zaken", filters: dict[str, str] | None = None, auth: str = ""
    ) -> Abonnement:
        services.kanalen_seed()
        return services.abonnement_create(
            callback_url=url, auth=auth, kanalen=[{"naam": kanaal, "filters": filters or {}}]
        )

    return make
