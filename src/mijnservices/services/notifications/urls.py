from django.urls import path

from mijnservices.services.notifications import views

app_name = "notificatieservice"
urlpatterns = [
    path("notify/callback/", views.notify_callback, name="notify_callback"),
    path("zgw/webhook/", views.zgw_webhook, name="zgw_webhook"),
]
