from __future__ import annotations

from django.urls import path

from mijnservices.api.schema import schema_urls
from mijnservices.services.mijntaken.api import views

app_name = "mijntaken"
PREFIX = "/mijn-taken/api/v1"

urlpatterns = [
    *schema_urls(urlconf=__name__, title="MijnTaken API", version=views.API_VERSION, prefix=PREFIX),
    path("context/zoek", views.ContextZoekView.as_view(), name="context-zoek"),
    path("taken/<str:uuid>", views.TaakView.as_view(), name="taak-detail"),
]
