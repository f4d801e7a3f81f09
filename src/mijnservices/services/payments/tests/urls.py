"""The project's URLs plus the payment routes, until the lead mounts them at ``betalen/``."""

from django.urls import include, path

from mijnservices.conf.urls import urlpatterns as project

urlpatterns = [
    *project,
    path("betalen/", include("mijnservices.services.payments.urls")),
]
