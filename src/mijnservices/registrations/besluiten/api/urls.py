from __future__ import annotations

from django.urls import include, path
from rest_framework.routers import DefaultRouter

from mijnservices.api.schema import schema_urls
from mijnservices.registrations.besluiten.api import viewsets

app_name = "besluiten"
PREFIX = "/besluiten/api/v1"

router = DefaultRouter(trailing_slash=False)
router.include_root_view = False
router.register("besluiten", viewsets.BesluitViewSet, basename="besluit")
router.register(
    "besluitinformatieobjecten",
    viewsets.BesluitInformatieObjectViewSet,
    basename="besluitinformatieobject",
)
router.register(
    r"besluiten/(?P<besluit_uuid>[^/.]+)/audittrail",
    viewsets.AuditTrailViewSet,
    basename="audittrail",
)

urlpatterns = [
    *schema_urls(
        urlconf=__name__, title="Besluiten API", version=viewsets.API_VERSION, prefix=PREFIX
    ),
    path("", include(router.urls)),
]
