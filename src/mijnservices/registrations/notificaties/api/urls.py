from __future__ import annotations

from django.urls import include, path
from rest_framework.routers import DefaultRouter

from mijnservices.api.schema import schema_urls
from mijnservices.registrations.notificaties.api import viewsets

app_name = "notificaties"
PREFIX = "/notificaties/api/v1"

router = DefaultRouter(trailing_slash=False)
router.include_root_view = False
router.register("kanaal", viewsets.KanaalViewSet, basename="kanaal")
router.register("abonnement", viewsets.AbonnementViewSet, basename="abonnement")
router.register("notificaties", viewsets.NotificatieViewSet, basename="notificaties")

urlpatterns = [
    *schema_urls(
        urlconf=__name__, title="Notificaties API", version=viewsets.API_VERSION, prefix=PREFIX
    ),
    path("", include(router.urls)),
]
