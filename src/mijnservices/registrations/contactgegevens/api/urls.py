from __future__ import annotations

from django.urls import include, path
from rest_framework.routers import DefaultRouter

from mijnservices.api.schema import schema_urls
from mijnservices.registrations.contactgegevens.api import viewsets

app_name = "contactgegevens"
PREFIX = "/contactgegevens/api/v1"

router = DefaultRouter(trailing_slash=False)
router.include_root_view = False
router.register("organisatie", viewsets.OrganisatieViewSet, basename="organisatie")
router.register("persoon", viewsets.PersoonViewSet, basename="persoon")

urlpatterns = [
    *schema_urls(
        urlconf=__name__, title="Contactgegevens API", version=viewsets.API_VERSION, prefix=PREFIX
    ),
    path("", include(router.urls)),
]
