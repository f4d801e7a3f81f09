"""Read-only admin: the log can be inspected (auditor), never changed."""

from __future__ import annotations

from typing import Any

from django.contrib import admin
from django.http import HttpRequest

from mijnservices.registrations.verwerkingen.models import Verwerkingsactie, VerwerktObject


class ReadOnly(admin.ModelAdmin):  # type: ignore[type-arg]
    def has_add_permission(self, request: HttpRequest) -> bool:
        return False

    def has_change_permission(self, request: HttpRequest, obj: Any = None) -> bool:
        return False

    def has_delete_permission(self, request: HttpRequest, obj: Any = None) -> bool:
        return False


class VerwerktObjectInline(admin.TabularInline):  # type: ignore[type-arg]
    model = VerwerktObject
    extra = 0
    can_delete = False
    readonly_fields = ("soort_object_id", "object_pseudonym", "betrokkenheid", "soorten_gegevens")
    fields = ("soort_object_id", "object_pseudonym", "betrokkenheid", "soorten_gegevens")

    def has_add_permission(self, request: HttpRequest, obj: Any = None) -> bool:
        return False


@admin.register(Verwerkingsactie)
class VerwerkingsactieAdmin(ReadOnly):
    list_display = ["tijdstip", "actie_naam", "uitvoerder", "systeem", "gebruiker", "doel"]
    list_filter = ["vertrouwelijkheid", "actie_naam"]
    date_hierarchy = "tijdstip"
    inlines = [VerwerktObjectInline]
