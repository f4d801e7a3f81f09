"""Catalogi in the admin: for looking things up only.

All writes go through the catalogi services (and so through the API), which hold the ztc
rules; the admin's own save/delete would bypass them, so it does not offer them.
"""

from __future__ import annotations

from typing import Any

from django.contrib import admin
from django.http import HttpRequest

from mijnservices.registrations.catalogi.models import (
    BesluitType,
    Catalogus,
    Eigenschap,
    InformatieObjectType,
    ResultaatType,
    RolType,
    StatusType,
    ZaakObjectType,
    ZaakType,
    ZaakTypeInformatieObjectType,
)


class ReadOnlyAdmin(admin.ModelAdmin):  # type: ignore[type-arg]
    def has_add_permission(self, request: HttpRequest) -> bool:
        return False

    def has_change_permission(self, request: HttpRequest, obj: Any = None) -> bool:
        return False

    def has_delete_permission(self, request: HttpRequest, obj: Any = None) -> bool:
        return False


class ZaaktypeBoundAdmin(ReadOnlyAdmin):
    list_select_related = ["zaaktype"]
    search_fields = ["zaaktype__identificatie"]


@admin.register(Catalogus)
class CatalogusAdmin(ReadOnlyAdmin):
    list_display = ["domein", "rsin", "naam"]


@admin.register(ZaakType)
class ZaakTypeAdmin(ReadOnlyAdmin):
    list_display = [
        "identificatie",
        "omschrijving",
        "begin_geldigheid",
        "einde_geldigheid",
        "concept",
    ]
    list_filter = ["concept", "catalogus"]
    search_fields = ["identificatie", "omschrijving"]


@admin.register(InformatieObjectType, BesluitType)
class DocumentTypeAdmin(ReadOnlyAdmin):
    list_display = ["omschrijving", "catalogus", "begin_geldigheid", "einde_geldigheid", "concept"]
    list_filter = ["concept"]
    search_fields = ["omschrijving"]


@admin.register(StatusType)
class StatusTypeAdmin(ZaaktypeBoundAdmin):
    list_display = ["omschrijving", "volgnummer", "zaaktype"]


@admin.register(ResultaatType, RolType)
class NamedSubtypeAdmin(ZaaktypeBoundAdmin):
    list_display = ["omschrijving", "zaaktype"]


@admin.register(Eigenschap)
class EigenschapAdmin(ZaaktypeBoundAdmin):
    list_display = ["naam", "formaat", "lengte", "kardinaliteit", "zaaktype"]


@admin.register(ZaakObjectType)
class ZaakObjectTypeAdmin(ZaaktypeBoundAdmin):
    list_display = ["relatie_omschrijving", "objecttype", "zaaktype"]


@admin.register(ZaakTypeInformatieObjectType)
class ZaakTypeInformatieObjectTypeAdmin(ZaaktypeBoundAdmin):
    list_display = ["volgnummer", "informatieobjecttype", "richting", "zaaktype"]
