"""Both Verwerkingenlogging APIs under one mount (their paths do not collide): the Bewerking
API's schema at ``schema/openapi.yaml``, the Inzage API's at ``inzage/schema/openapi.yaml``."""

from __future__ import annotations

from django.urls import URLPattern, URLResolver

from mijnservices.registrations.verwerkingen.api import urls_bewerking, urls_inzage

app_name = "verwerkingen"

urlpatterns: list[URLPattern | URLResolver] = [
    *urls_bewerking.urlpatterns,
    *urls_inzage.urlpatterns,
]
