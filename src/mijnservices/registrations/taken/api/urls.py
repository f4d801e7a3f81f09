from __future__ import annotations

from django.urls import include, path
from rest_framework.routers import DefaultRouter

from mijnservices.api.schema import schema_urls
from mijnservices.registrations.taken.api import viewsets

app_name = "taken"
PREFIX = "/taken/api/v1"

router = DefaultRouter(trailing_slash=False)
router.include_root_view = False
router.register("betaaltaken", viewsets.BetaalTaakViewSet, basename="betaaltaak")
router.register("urltaken", viewsets.URLTaakViewSet, basename="urltaak")
router.register("formuliertaken", viewsets.FormulierTaakViewSet, basename="formuliertaak")
router.register("externetaken", viewsets.ExterneTaakViewSet, basename="externetaak")

urlpatterns = [
    *schema_urls(urlconf=__name__, title="Taken API", version=viewsets.API_VERSION, prefix=PREFIX),
    path("", include(router.urls)),
]
