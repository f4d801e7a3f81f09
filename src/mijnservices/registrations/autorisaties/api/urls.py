from __future__ import annotations

from django.urls import include, path
from rest_framework.routers import DefaultRouter

from mijnservices.api.schema import schema_urls
from mijnservices.registrations.autorisaties.api.viewsets import API_VERSION, ApplicatieViewSet

app_name = "autorisaties"
PREFIX = "/autorisaties/api/v1"

router = DefaultRouter(trailing_slash=False)
router.include_root_view = False
router.register("applicaties", ApplicatieViewSet, basename="applicatie")

urlpatterns = [
    *schema_urls(urlconf=__name__, title="Autorisaties API", version=API_VERSION, prefix=PREFIX),
    path("", include(router.urls)),
]
