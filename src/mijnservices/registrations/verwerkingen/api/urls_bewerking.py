from __future__ import annotations

from django.urls import URLPattern, URLResolver, include, path
from rest_framework.routers import DefaultRouter

from mijnservices.api.schema import schema_urls
from mijnservices.registrations.verwerkingen.api.viewsets import (
    API_VERSION,
    VerwerkingsactieViewSet,
)

PREFIX = "/verwerkingenlogging/api/v1"
router = DefaultRouter(trailing_slash=False)
router.include_root_view = False
router.register("verwerkingsacties", VerwerkingsactieViewSet, basename="verwerkingsactie")

urlpatterns: list[URLPattern | URLResolver] = [
    *schema_urls(
        urlconf=__name__,
        title="Verwerkingenlogging Bewerking API",
        version=API_VERSION,
        prefix=PREFIX,
    ),
    path("", include(router.urls)),
]
