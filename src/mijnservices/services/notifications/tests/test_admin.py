from __future__ import annotations

import pytest
from django.urls import reverse

from mijnservices.services.notifications.models import ExternalSource


@pytest.mark.django_db
def test_the_admin_never_shows_an_external_sources_credentials(admin_client):
    # The ZGW credentials live on the linked ZgwSource (decision 0029), write-only there too.
    source = ExternalSource.objects.create(naam="Open Zaak", authorization="Token geheim-webhook-1")
    response = admin_client.get(
        reverse("admin:notifications_externalsource_change", args=[source.pk])
    )
    assert response.status_code == 200
    body = response.content.decode()
    assert "geheim-webhook-1" not in body
