from django.contrib import admin
from django.urls import include, path

urlpatterns = [
    path("admin/", admin.site.urls),
    path("autorisaties/api/v1/", include("mijnservices.registrations.autorisaties.api.urls")),
    path("catalogi/api/v1/", include("mijnservices.registrations.catalogi.api.urls")),
    path("", include("mijnservices.portal.urls")),
]
