from __future__ import annotations

from django.urls import URLPattern, URLResolver

app_name = "verwerkingen"

# Filled in as the API is built; mounted in conf/urls.py.
urlpatterns: list[URLPattern | URLResolver] = []
