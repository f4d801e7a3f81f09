from __future__ import annotations

from django.urls import URLPattern, URLResolver

app_name = "kcc"

# Employee pages (KCC, case handling); filled in as they are built.
urlpatterns: list[URLPattern | URLResolver] = []
