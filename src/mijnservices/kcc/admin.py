"""The functioneel beheerder manages employee roles and the KCC release of zaaktypen here."""

from __future__ import annotations

from django.contrib import admin

from mijnservices.services.access.models import EmployeeRole, ZaaktypeSetting


@admin.register(EmployeeRole)
class EmployeeRoleAdmin(admin.ModelAdmin):  # type: ignore[type-arg]
    list_display = ("user", "role", "zaaktype_identificaties")
    list_filter = ("role",)
    list_select_related = ("user",)
    search_fields = ("user__username",)


@admin.register(ZaaktypeSetting)
class ZaaktypeSettingAdmin(admin.ModelAdmin):  # type: ignore[type-arg]
    list_display = ("zaaktype_identificatie", "released_for_kcc", "social_domain")
    list_filter = ("released_for_kcc", "social_domain")
    search_fields = ("zaaktype_identificatie",)
