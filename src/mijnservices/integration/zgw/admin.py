"""The admin of ZGW sources: the secret can be set or replaced, never read back."""

from __future__ import annotations

from typing import Any

from django import forms
from django.contrib import admin
from django.http import HttpRequest

from mijnservices.integration.zgw.models import ProjectedZaak, ZgwSource


def _root(required: bool = False) -> forms.URLField:
    return forms.URLField(assume_scheme="https", required=required, max_length=500)


class ZgwSourceForm(forms.ModelForm):  # type: ignore[type-arg]
    zaken_api = _root(required=True)
    catalogi_api = _root(required=True)
    documenten_api = _root()
    besluiten_api = _root()
    notificaties_api = _root()
    secret = forms.CharField(
        widget=forms.PasswordInput(render_value=False),
        required=False,
        help_text="Write-only: leave empty to keep the current secret.",
    )

    class Meta:
        model = ZgwSource
        fields = [
            "naam",
            "zaken_api",
            "catalogi_api",
            "documenten_api",
            "besluiten_api",
            "notificaties_api",
            "client_id",
            "secret",
            "zaaktypen",
            "actief",
        ]

    def clean_secret(self) -> str:
        value = str(self.cleaned_data.get("secret") or "")
        if not value and not (self.instance and self.instance.pk):
            raise forms.ValidationError("A new source needs a secret.")
        return value or str(self.instance.secret)


@admin.register(ZgwSource)
class ZgwSourceAdmin(admin.ModelAdmin):  # type: ignore[type-arg]
    form = ZgwSourceForm
    list_display = ["naam", "zaken_api", "client_id", "actief", "last_synced", "last_error"]
    readonly_fields = ["last_synced", "last_error", "created_at"]


@admin.register(ProjectedZaak)
class ProjectedZaakAdmin(admin.ModelAdmin):  # type: ignore[type-arg]
    list_display = ["url", "source", "last_synced", "last_error"]
    list_filter = ["source"]
    readonly_fields = ["source", "zaak", "url", "last_synced", "last_error"]

    def has_add_permission(self, request: HttpRequest, obj: Any = None) -> bool:
        return False
