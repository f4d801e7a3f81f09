from __future__ import annotations

import pytest
from django.urls import reverse

from mijnservices.registrations.autorisaties import services
from mijnservices.registrations.autorisaties.models import ClientCredential

SECRET = "zeer-geheim-client-secret-42"


@pytest.mark.django_db
def test_the_admin_never_shows_a_client_secret(admin_client):
    applicatie = services.applicatie_create(
        label="Zaaksysteem", client_ids=["zaaksysteem"], heeft_alle_autorisaties=True
    )
    services.client_secret_set(client_id="zaaksysteem", secret=SECRET)
    for url in (
        reverse("admin:autorisaties_applicatie_changelist"),
        reverse("admin:autorisaties_applicatie_change", args=[applicatie.pk]),
    ):
        response = admin_client.get(url)
        assert response.status_code == 200
        assert SECRET not in response.content.decode()


@pytest.mark.django_db
def test_saving_an_applicatie_without_typing_the_secret_keeps_it(admin_client):
    applicatie = services.applicatie_create(
        label="Zaaksysteem", client_ids=["zaaksysteem"], heeft_alle_autorisaties=True
    )
    credential = services.client_secret_set(client_id="zaaksysteem", secret=SECRET)
    prefix = "credentials"
    form = {
        "label": "Zaaksysteem 2",
        "heeft_alle_autorisaties": "on",
        f"{prefix}-TOTAL_FORMS": "1",
        f"{prefix}-INITIAL_FORMS": "1",
        f"{prefix}-0-id": str(credential.pk),
        f"{prefix}-0-applicatie": str(applicatie.pk),
        f"{prefix}-0-client_id": "zaaksysteem",
        f"{prefix}-0-secret": "",
        "autorisaties-TOTAL_FORMS": "0",
        "autorisaties-INITIAL_FORMS": "0",
    }
    url = reverse("admin:autorisaties_applicatie_change", args=[applicatie.pk])
    response = admin_client.post(url, form)
    assert response.status_code == 302, response.content.decode()[:2000]
    assert ClientCredential.objects.get(pk=credential.pk).secret == SECRET
    form[f"{prefix}-0-secret"] = "a-new-secret-of-enough-length"
    assert admin_client.post(url, form).status_code == 302
    assert ClientCredential.objects.get(pk=credential.pk).secret == "a-new-secret-of-enough-length"
