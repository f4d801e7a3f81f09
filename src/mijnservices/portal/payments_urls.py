from __future__ import annotations

from django.urls import path

from mijnservices.portal import payments as views

app_name = "payments"

# Mounted at "betalen/" in conf/urls.py; the pages are in portal/payments.py.
urlpatterns = [
    path("<uuid:taak_uuid>/start/", views.start, name="start"),
    path("<uuid:taak_uuid>/terug/", views.payment_return, name="return"),
    path("demo/<str:payment_id>/", views.demo_pay, name="demo-pay"),
]
