"""Delivery destinations in the admin (decision 0032): each destination's breaker state, its
failures in a row, the last error and the next probe; "resume" closes a paused one by hand."""

from __future__ import annotations

from django.contrib import admin, messages
from django.db.models import QuerySet
from django.http import HttpRequest

from mijnservices.core.delivery.breaker import destination_resume
from mijnservices.core.models import Destination


@admin.register(Destination)
class DestinationAdmin(admin.ModelAdmin):  # type: ignore[type-arg]
    list_display = ["key", "state", "failures", "probe_at", "last_success_at", "last_error"]
    list_filter = ["state"]
    search_fields = ["key"]
    readonly_fields = [
        "key",
        "state",
        "failures",
        "opened_at",
        "probe_at",
        "last_error",
        "last_success_at",
        "updated_at",
    ]
    actions = ["resume"]

    def has_add_permission(self, request: HttpRequest) -> bool:
        return False  # destinations appear when something is sent to them

    @admin.action(description="Resume sending now")
    def resume(self, request: HttpRequest, queryset: QuerySet[Destination]) -> None:
        resumed = sum(destination_resume(key=d.key) for d in queryset)
        self.message_user(request, f"{resumed} destination(s) resumed.", messages.SUCCESS)
