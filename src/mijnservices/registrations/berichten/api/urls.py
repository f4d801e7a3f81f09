from __future__ import annotations

from django.urls import include, path
from rest_framework.routers import DefaultRouter

from mijnservices.api.schema import schema_urls
from mijnservices.registrations.berichten.api import viewsets

app_name = "berichten"
PREFIX = "/berichten/api/v1"

router = DefaultRouter(trailing_slash=False)
router.include_root_view = False
router.register("berichten", viewsets.BerichtViewSet, basename="bericht")

urlpatterns = [
    *schema_urls(
        urlconf=__name__, title="Berichten API", version=viewsets.API_VERSION, prefix=PREFIX
    ),
    path("", include(router.urls)),
]
